using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1104AvroEvolutionTests
    {
        [Fact]
        public async Task A_field_without_default_an_enum_without_default_and_a_record_without_namespace_fire()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.avsc", Samples.Avro(ns: "", dataDefault: "",
                dataFields: "{\"name\": \"order_id\", \"type\": \"string\"}, {\"name\": \"state\", \"default\": \"NEW\", \"type\": {\"type\": \"enum\", \"name\": \"State\", \"symbols\": [\"NEW\", \"PAID\"]}}"));

            var findings = await run.LintAsync("order", LintRules.AvroEvolution);
            Assert.All(findings, f => Assert.Equal(LintSeverity.Suggestion, f.Severity));
            Assert.Equal(5, findings.Count); // both records lack a namespace: the nested one inherits none
            Assert.Contains(findings, f => f.Message.StartsWith("field data of record OrderPlaced has no default"));
            Assert.Contains(findings, f => f.Message.StartsWith("record OrderPlaced has no namespace"));
            Assert.Contains(findings, f => f.Message.StartsWith("record OrderPlacedData has no namespace"));
            Assert.Contains(findings, f => f.Message.StartsWith("field order_id of record OrderPlacedData has no default") && f.Location!.Line == 9);
            Assert.Contains(findings, f => f.Message.StartsWith("enum State has no default symbol"));
        }

        [Fact]
        public async Task Defaults_everywhere_and_a_namespace_do_not_fire()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.avsc", Samples.Avro(
                dataFields: "{\"name\": \"state\", \"default\": \"NEW\", \"type\": {\"type\": \"enum\", \"name\": \"State\", \"symbols\": [\"NEW\", \"PAID\"], \"default\": \"NEW\"}}"));

            Assert.Empty(await run.LintAsync("order", LintRules.AvroEvolution));
        }

        [Fact]
        public async Task Json_and_Protobuf_contracts_are_not_Avro()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("a.schema.json", Samples.Json());
            run.Contract("b.proto", Samples.Proto());

            Assert.DoesNotContain((await run.ResultsAsync()).SelectMany(r => r.Lint), f => f.Rule.Id == LintRules.AvroEvolution);
        }
    }
}
