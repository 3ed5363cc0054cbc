using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    public class EG1101OpenContentModelTests
    {
        [Fact]
        public async Task An_open_object_at_BACKWARD_fires_at_the_object()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, "BACKWARD");
            run.Contract("order.schema.json", Samples.Json(dataClose: ""));

            LintFinding finding = Assert.Single(await run.LintAsync("order", LintRules.OpenContentModel));
            Assert.Equal(LintSeverity.Warning, finding.Severity);
            Assert.Equal("#/properties/data", finding.Path);
            Assert.Equal(9, finding.Location!.Line); // the "data" property
            Assert.Contains("PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", finding.Message);
        }

        [Theory]
        [InlineData("FULL")]
        [InlineData("BACKWARD_TRANSITIVE")]
        public async Task Fires_at_every_level_that_checks_backward(string level)
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, level);
            run.Contract("order.schema.json", Samples.Json(rootClose: ""));

            Assert.Equal("#", Assert.Single(await run.LintAsync("order", LintRules.OpenContentModel)).Path);
        }

        [Theory]
        [InlineData(", \"additionalProperties\": false")]
        [InlineData(", \"patternProperties\": {\"^x_\": {\"type\": \"string\"}}")]
        [InlineData(", \"additionalProperties\": {\"type\": \"string\"}")]
        [InlineData(", \"unevaluatedProperties\": false")]
        public async Task A_closed_or_partially_open_object_does_not_fire(string close)
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("order.schema.json", Samples.Json(dataClose: close, extra: ", \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));

            Assert.Empty(await run.LintAsync("order", LintRules.OpenContentModel));
        }

        [Theory]
        [InlineData("FORWARD")]
        [InlineData("NONE")]
        public async Task An_open_object_at_a_level_that_never_checks_backward_does_not_fire(string level)
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, level);
            run.Contract("order.schema.json", Samples.Json(dataClose: ""));

            Assert.Empty(await run.LintAsync("order", LintRules.OpenContentModel));
        }

        [Fact]
        public async Task An_open_object_in_a_referenced_file_is_left_to_that_file()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir);
            run.Contract("shared/address.schema.json", "{\"type\": \"object\", \"properties\": {\"street\": {\"type\": \"string\"}}}");
            run.Contract("order.schema.json", Samples.Json(data: "\"address\": {\"$ref\": \"shared/address.schema.json\"}"));

            var results = await run.ResultsAsync();
            Assert.DoesNotContain(results.Single(r => r.Contract.Subject == "order").Lint, f => f.Rule.Id == LintRules.OpenContentModel);
            Assert.Single(results.Single(r => r.Contract.Subject == "address").Lint, f => f.Rule.Id == LintRules.OpenContentModel);
        }
    }
}
