using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1106FatEventTests
    {
        private static string JsonProps(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => $"\"p{i}\": {{\"type\": \"string\"}}"));
        private static string AvroFields(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => $"{{\"name\": \"p{i}\", \"type\": \"string\", \"default\": \"\"}}"));
        private static string ProtoFields(int n) => string.Join("\n    ", Enumerable.Range(1, n).Select(i => $"optional string p{i} = {i};"));

        [Fact]
        public async Task More_than_30_payload_properties_fire_in_every_format_and_30_do_not()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("fat.schema.json", Samples.Json(data: JsonProps(31)));
            run.Contract("lean.schema.json", Samples.Json(data: JsonProps(30)));
            run.Contract("fat-avro.avsc", Samples.Avro(name: "FatAvro", dataFields: AvroFields(31)));
            run.Contract("lean-avro.avsc", Samples.Avro(name: "LeanAvro", dataFields: AvroFields(30)));
            run.Contract("fat-proto.proto", Samples.Proto(name: "FatProto", dataFields: ProtoFields(31)));
            run.Contract("lean-proto.proto", Samples.Proto(name: "LeanProto", dataFields: ProtoFields(30)));

            foreach (string subject in new[] { "fat", "fat-avro", "fat-proto" })
            {
                LintFinding finding = Assert.Single(await run.LintAsync(subject, LintRules.FatEvent));
                Assert.Contains("31 top-level payload properties (more than 30)", finding.Message);
                Assert.Equal(LintSeverity.Suggestion, finding.Severity);
            }
            foreach (string subject in new[] { "lean", "lean-avro", "lean-proto" })
                Assert.Empty(await run.LintAsync(subject, LintRules.FatEvent));
        }

        [Fact]
        public async Task The_limit_is_an_option()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.EditorConfig("", "[*.json]\neventgov.EG1106.max_properties = 3\n");
            run.Contract("order.schema.json", Samples.Json(data: JsonProps(4)));

            Assert.Contains("4 top-level payload properties (more than 3)", Assert.Single(await run.LintAsync("order", LintRules.FatEvent)).Message);
        }

        [Fact]
        public async Task An_updated_event_carrying_the_whole_entity_fires_in_every_format()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("updated.schema.json", Samples.Json(data: JsonProps(11), type: "{\"const\": \"order.updated\"}"));
            run.Contract("placed.schema.json", Samples.Json(data: JsonProps(11)));
            run.Contract("small-update.schema.json", Samples.Json(data: JsonProps(2), type: "{\"const\": \"order.updated\"}"));
            run.Contract("updated-avro.avsc", Samples.Avro(name: "OrderUpdated", dataFields: AvroFields(11)));
            run.Contract("updated-proto.proto", Samples.Proto(name: "OrderUpdated", dataFields: ProtoFields(11)));

            foreach (string subject in new[] { "updated", "updated-avro", "updated-proto" })
                Assert.Contains("carrying 11 properties, the whole entity", Assert.Single(await run.LintAsync(subject, LintRules.FatEvent)).Message);
            Assert.Empty(await run.LintAsync("placed", LintRules.FatEvent));
            Assert.Empty(await run.LintAsync("small-update", LintRules.FatEvent));
        }
    }
}
