using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Registry.Lint;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests.Lint
{
    /// <summary>Severities and suppressions: .editorconfig sections and the in-file markers.</summary>
    public class LintConfigurationTests
    {
        [Fact]
        public async Task Editorconfig_sets_severities_per_glob_and_later_sections_win()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, "NONE");
            run.EditorConfig("", string.Join("\n",
                "root = true",
                "[*.json]",
                "dotnet_diagnostic.EG1108.severity = error",
                "[orders/**]",
                "dotnet_diagnostic.EG1108.severity = none",
                "[{b,c}.avsc]",
                "dotnet_diagnostic.EG1108.severity = suggestion",
                ""));
            run.Contract("a.schema.json", Samples.Json());
            run.Contract("orders/quiet.schema.json", Samples.Json());
            run.Contract("b.avsc", Samples.Avro(name: "B"));
            run.Contract("d.avsc", Samples.Avro(name: "D"));

            Assert.Equal(LintSeverity.Error, Assert.Single(await run.LintAsync("a", LintRules.NoCompatibility)).Severity);
            Assert.Empty(await run.LintAsync("quiet", LintRules.NoCompatibility));
            Assert.Equal(LintSeverity.Suggestion, Assert.Single(await run.LintAsync("b", LintRules.NoCompatibility)).Severity);
            Assert.Equal(LintSeverity.Warning, Assert.Single(await run.LintAsync("d", LintRules.NoCompatibility)).Severity);
        }

        [Fact]
        public async Task A_closer_editorconfig_wins_and_root_true_stops_the_walk()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, "NONE");
            dir.Write(".editorconfig", "[*]\ndotnet_diagnostic.EG1108.severity = error\n");
            run.EditorConfig("", "[*]\ndotnet_diagnostic.EG1108.severity = suggestion\n");
            run.EditorConfig("orders", "[*]\ndotnet_diagnostic.EG1108.severity = none\n");
            run.EditorConfig("isolated", "root = true\n");
            run.Contract("top.schema.json", Samples.Json());
            run.Contract("orders/inner.schema.json", Samples.Json());
            run.Contract("isolated/alone.schema.json", Samples.Json());

            Assert.Equal(LintSeverity.Suggestion, Assert.Single(await run.LintAsync("top", LintRules.NoCompatibility)).Severity);
            Assert.Empty(await run.LintAsync("inner", LintRules.NoCompatibility));
            Assert.Equal(LintSeverity.Warning, Assert.Single(await run.LintAsync("alone", LintRules.NoCompatibility)).Severity);
        }

        [Fact]
        public async Task One_contract_suppresses_rules_in_its_own_text_in_every_format()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, "NONE");
            run.Contract("loud.schema.json", Samples.Json(dataClose: ""));
            run.Contract("quiet.schema.json", Samples.Json(dataClose: "", extra: ", \"x-eventgov-suppress\": [\"EG1108\"]"));
            run.Contract("quiet-avro.avsc", Samples.Avro(name: "QuietAvro", extra: " \"eventgov.suppress\": [\"EG1108\"],"));
            run.Contract("quiet-proto.proto", Samples.Proto(name: "QuietProto", extra: "// eventgov:suppress EG1108, EG1102\n"));

            Assert.Single(await run.LintAsync("loud", LintRules.NoCompatibility));
            foreach (string subject in new[] { "quiet", "quiet-avro", "quiet-proto" })
                Assert.Empty(await run.LintAsync(subject, LintRules.NoCompatibility));
        }

        [Fact]
        public async Task The_gate_lints_only_when_asked()
        {
            using var dir = new TempDirectory();
            var run = new LintRun(dir, "NONE");
            run.Contract("a.schema.json", Samples.Json());
            string registry = dir.Combine("contracts", "registry");
            var gate = new ContractGate(new EmbeddedRegistry(registry), new GateOptions { ContractsRoot = dir.Combine("contracts") });

            var results = await gate.CheckAsync(ContractDiscovery.Find(dir.Combine("contracts"), registry));

            Assert.Empty(results.Single().Lint);
            Assert.NotEmpty((await run.ResultsAsync()).Single().Lint);
        }

        [Theory]
        [InlineData("*.json", "a.schema.json", true)]
        [InlineData("*.json", "deep/er/a.schema.json", true)]
        [InlineData("*.json", "a.avsc", false)]
        [InlineData("orders/**", "orders/a.json", true)]
        [InlineData("orders/**", "orders/x/a.json", true)]
        [InlineData("orders/**", "other/orders/a.json", false)]
        [InlineData("/orders/*.proto", "orders/a.proto", true)]
        [InlineData("{a,b}.avsc", "b.avsc", true)]
        [InlineData("{a,b}.avsc", "c.avsc", false)]
        [InlineData("contracts/**/*.{json,avsc}", "contracts/a.avsc", true)]
        [InlineData("v[12].json", "v2.json", true)]
        [InlineData("v[12].json", "v3.json", false)]
        [InlineData("?.proto", "a.proto", true)]
        public void Section_globs_match_as_editorconfig_does(string glob, string path, bool matches) =>
            Assert.Equal(matches, EditorConfig.Matches(glob, path));
    }
}
