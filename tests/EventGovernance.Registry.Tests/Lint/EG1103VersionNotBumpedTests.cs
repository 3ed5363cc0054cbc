using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1103VersionNotBumpedTests
    {
        private const string JsonAmount = "\"order_id\": {\"type\": \"string\"}, \"amount\": {\"type\": \"number\"}";
        private const string RequiredAmount = ", \"required\": [\"amount\"]";

        [Fact]
        public async Task Json_breaking_change_under_the_same_const_fires_at_event_version()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("order", ".json", Samples.Json());
            run.Contract("order.schema.json", Samples.Json(data: JsonAmount, dataRequired: RequiredAmount));

            LintFinding finding = Assert.Single(await run.LintAsync("order", LintRules.VersionNotBumped));
            Assert.Equal(LintSeverity.Error, finding.Severity);
            Assert.Equal(6, finding.Location!.Line);
            Assert.Equal("#/properties/event_version", finding.Path);
        }

        [Fact]
        public async Task Json_breaking_change_with_a_new_version_or_a_compatible_change_does_not_fire()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Registered("bumped", ".json", Samples.Json());
            run.Contract("bumped.schema.json", Samples.Json(data: JsonAmount, dataRequired: RequiredAmount, version: "{\"const\": 2}"));
            run.Registered("compatible", ".json", Samples.Json());
            run.Contract("compatible.schema.json", Samples.Json(data: JsonAmount));

            Assert.Empty(await run.LintAsync("bumped", LintRules.VersionNotBumped));
            Assert.Empty(await run.LintAsync("compatible", LintRules.VersionNotBumped));
        }

        [Fact]
        public async Task Avro_breaking_change_under_the_same_default_fires_and_a_new_default_does_not()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            string breaking = "{\"name\": \"order_id\", \"type\": \"string\", \"default\": \"\"}, {\"name\": \"amount\", \"type\": \"long\"}";
            run.Registered("same", ".avsc", Samples.Avro(name: "Same"));
            run.Contract("same.avsc", Samples.Avro(name: "Same", dataFields: breaking, dataDefault: ""));
            run.Registered("bumped", ".avsc", Samples.Avro(name: "Bumped"));
            run.Contract("bumped.avsc", Samples.Avro(name: "Bumped", dataFields: breaking, version: "2", dataDefault: ""));

            Assert.Single(await run.LintAsync("same", LintRules.VersionNotBumped));
            Assert.Empty(await run.LintAsync("bumped", LintRules.VersionNotBumped));
        }

        [Fact]
        public async Task Protobuf_breaking_change_under_the_same_default_fires_and_a_new_default_does_not()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            string breaking = "optional int64 order_id = 1;";
            run.Registered("same", ".proto", Samples.Proto(name: "Same"));
            run.Contract("same.proto", Samples.Proto(name: "Same", dataFields: breaking));
            run.Registered("bumped", ".proto", Samples.Proto(name: "Bumped"));
            run.Contract("bumped.proto", Samples.Proto(name: "Bumped", dataFields: breaking, version: "2"));

            Assert.Single(await run.LintAsync("same", LintRules.VersionNotBumped));
            Assert.Empty(await run.LintAsync("bumped", LintRules.VersionNotBumped));
        }
    }
}
