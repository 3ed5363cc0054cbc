using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1107MissingDescriptionTests
    {
        [Fact]
        public async Task Off_by_default()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.schema.json", Samples.Json());

            Assert.Empty(await run.LintAsync("order", LintRules.MissingDescription));
        }

        [Fact]
        public async Task Turned_on_it_fires_for_each_undocumented_property_in_every_format()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.EditorConfig("", "[*]\ndotnet_diagnostic.EG1107.severity = suggestion\n");
            run.Contract("order.schema.json", Samples.Json(data: "\"order_id\": {\"type\": \"string\", \"description\": \"The order.\"}, \"note\": {\"type\": \"string\"}"));
            run.Contract("order-avro.avsc", Samples.Avro(name: "OrderAvro",
                dataFields: "{\"name\": \"order_id\", \"type\": \"string\", \"default\": \"\", \"doc\": \"The order.\"}, {\"name\": \"note\", \"type\": \"string\", \"default\": \"\"}"));
            run.Contract("order-proto.proto", Samples.Proto(name: "OrderProto",
                dataFields: "// The order.\n    optional string order_id = 1;\n    optional string note = 2;\n    optional string other = 3; // documented after it"));

            foreach (string subject in new[] { "order", "order-avro", "order-proto" })
            {
                var findings = await run.LintAsync(subject, LintRules.MissingDescription);
                Assert.Contains(findings, f => f.Message.StartsWith("note at "));
                Assert.DoesNotContain(findings, f => f.Message.StartsWith("order_id at "));
                Assert.DoesNotContain(findings, f => f.Message.StartsWith("other at "));
                Assert.All(findings, f => Assert.Equal(LintSeverity.Suggestion, f.Severity));
            }
        }
    }
}

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1107RecursiveSchemaTests
    {
        // The bound is far above the few milliseconds this takes; a walk that never ends exceeds it.
        [Fact(Timeout = 60_000)]
        public async Task A_recursive_schema_reports_each_property_once()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.EditorConfig("", "[*]\ndotnet_diagnostic.EG1107.severity = warning\n");
            // A binary tree: every node references the node definition twice, so walking it naively never ends.
            run.Contract("tree.schema.json", Samples.Json(
                data: "\"root\": {\"$ref\": \"#/definitions/node\"}",
                extra: ", \"definitions\": {\"node\": {\"type\": \"object\", \"additionalProperties\": false, \"properties\": " +
                       "{\"left\": {\"$ref\": \"#/definitions/node\"}, \"right\": {\"$ref\": \"#/definitions/node\"}, \"value\": {\"type\": \"string\"}}}}"));

            var findings = await run.LintAsync("tree", Registry.Lint.LintRules.MissingDescription);
            Assert.Single(findings, f => f.Message.StartsWith("left at "));
            Assert.Single(findings, f => f.Message.StartsWith("value at "));
        }
    }
}
