using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EventGovernance.Tests;
using EventGovernance.TestSupport;
using JsonSchema = NJsonSchema.JsonSchema;

namespace EventGovernance.Cli.Tests
{
    /// <summary><c>eventgov lint</c> with the real engines: exit codes, every format, and check printing the same findings.</summary>
    public class LintCommandTests
    {
        /// <summary>Open data at line 9 (EG1101 warning); with <paramref name="removeField"/>, a Protobuf field removed without reserved (EG1105 error).</summary>
        private static TempDirectory Repository(bool removeField)
        {
            var dir = new TempDirectory();
            dir.Write("contracts/registry/config.json", "{\"compatibilityLevel\": \"BACKWARD\"}");
            dir.Write("contracts/open.schema.json", string.Join("\n",
                "{",
                "  \"type\": \"object\",",
                "  \"additionalProperties\": false,",
                "  \"properties\": {",
                "    \"event_id\": {\"type\": \"string\"},",
                "    \"event_type\": {\"const\": \"order.placed\"},",
                "    \"event_version\": {\"const\": 1},",
                "    \"occurred_at\": {\"type\": \"string\"},",
                "    \"data\": {\"type\": \"object\"},",
                "    \"correlation_id\": {\"type\": \"string\"}",
                "  }",
                "}",
                ""));
            string Proto(string fields) =>
                "syntax = \"proto3\";\npackage shop;\nmessage Delivered {\n  string event_id = 10;\n  string event_type = 11;\n  int32 event_version = 12;\n" +
                "  string occurred_at = 13;\n  string correlation_id = 14;\n  string data = 15;\n  " + fields + "\n}\n";
            dir.Write("contracts/registry/subjects/delivered/versions/1.proto", Proto("string note = 2;"));
            dir.Write("contracts/delivered.proto", removeField ? Proto("") : Proto("string note = 2;"));
            return dir;
        }

        private static CliResult Lint(TempDirectory dir, params string[] more) =>
            CliRunner.Run(new[] { "lint", "--no-project", "--contracts", dir.Combine("contracts") }.Concat(more).ToArray());

        private static string OpenFile(TempDirectory dir) => dir.Combine("contracts", "open.schema.json");

        [Fact]
        public void Warnings_only_exit_0_with_each_finding_in_canonical_form_and_a_lint_summary()
        {
            using TempDirectory dir = Repository(removeField: false);
            CliResult result = Lint(dir);

            Assert.Equal(0, result.ExitCode);
            string line = Assert.Single(result.StdoutLines, l => l.Contains("EG1101", StringComparison.Ordinal));
            Assert.StartsWith($"{OpenFile(dir)}(9,11): warning EG1101: At #/properties/data the object has an open content model", line);
            Assert.EndsWith("(see https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1101.md)", line);
            Assert.Equal("lint: 0 error(s), 1 warning(s), 0 note(s)", result.StdoutLines.Last());
            Assert.Empty(result.Stderr);
        }

        [Fact]
        public void An_error_level_finding_exits_1_and_check_reports_the_same_line_and_verdict()
        {
            using TempDirectory dir = Repository(removeField: true);
            CliResult lint = Lint(dir);
            CliResult check = CliRunner.Run("check", "--no-project", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, lint.ExitCode);
            Assert.Equal(1, check.ExitCode);
            string line = Assert.Single(lint.StdoutLines, l => l.Contains("EG1105", StringComparison.Ordinal));
            Assert.Contains(": error EG1105: field note = 2 was removed from message Delivered", line);
            Assert.Contains(line, check.StdoutLines);
            Assert.Contains(check.StdoutLines, l => l.Contains("warning EG1101", StringComparison.Ordinal));
            Assert.Equal("2 contract(s): 1 pass, 0 breaking, 0 invalid, 1 failing lint", check.StdoutLines.Last());
        }

        [Fact]
        public void A_contract_that_cannot_be_read_exits_2_naming_file_and_line()
        {
            using TempDirectory dir = Repository(removeField: false);
            dir.Write("contracts/broken.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n");
            CliResult result = Lint(dir);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(result.StdoutLines, l => l.StartsWith(dir.Combine("contracts", "broken.schema.json") + "(", StringComparison.Ordinal) && l.Contains("error EG1002", StringComparison.Ordinal));
        }

        [Fact]
        public void A_bad_format_is_bad_usage()
        {
            using TempDirectory dir = Repository(removeField: false);
            CliResult result = Lint(dir, "--format", "xml");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("eventgov lint --help", result.Stderr);
            Assert.Single(result.StderrLines);
        }

        [Fact]
        public void Json_lists_lint_findings_with_severity_and_rule_page()
        {
            using TempDirectory dir = Repository(removeField: true);
            CliResult result = Lint(dir, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            Assert.False(json.RootElement.GetProperty("clean").GetBoolean());
            JsonElement[] findings = json.RootElement.GetProperty("contracts").EnumerateArray().SelectMany(c => c.GetProperty("findings").EnumerateArray()).ToArray();
            Assert.Equal(new[] { "EG1101", "EG1105" }, findings.Select(f => f.GetProperty("code").GetString()).OrderBy(c => c).ToArray());
            JsonElement error = findings.Single(f => f.GetProperty("code").GetString() == "EG1105");
            Assert.Equal("error", error.GetProperty("severity").GetString());
            Assert.Equal("https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1105.md", error.GetProperty("helpLink").GetString());
        }

        [Fact]
        public async Task Sarif_is_a_valid_sarif_2_1_0_log_with_the_lint_rules()
        {
            using TempDirectory dir = Repository(removeField: true);
            CliResult result = Lint(dir, "--format", "sarif");
            Assert.Equal(1, result.ExitCode);

            JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json"));
            var errors = schema.Validate(result.Stdout);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + result.Stdout);

            using JsonDocument log = JsonDocument.Parse(result.Stdout);
            JsonElement run = log.RootElement.GetProperty("runs")[0];
            JsonElement rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "EG1101");
            Assert.Equal("https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1101.md", rule.GetProperty("helpUri").GetString());
            JsonElement warning = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "EG1101");
            Assert.Equal("warning", warning.GetProperty("level").GetString());
            Assert.Equal(9, warning.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal("error", run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "EG1105").GetProperty("level").GetString());
        }

        [Fact]
        public void GitHub_and_Markdown_carry_the_lint_findings()
        {
            using TempDirectory dir = Repository(removeField: false);
            CliResult github = Lint(dir, "--format", "github");
            CliResult markdown = Lint(dir, "--format", "markdown");

            Assert.Equal((0, 0), (github.ExitCode, markdown.ExitCode));
            Assert.Contains(github.StdoutLines, l => l.StartsWith("::warning file=", StringComparison.Ordinal) && l.Contains(",line=9,col=11,title=EG1101::", StringComparison.Ordinal));
            Assert.Contains("[EG1101](https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1101.md)", markdown.Stdout);
        }

        [Fact]
        public void The_repository_contracts_lint_clean_of_warnings_and_errors()
        {
            CliResult result = CliRunner.Run("lint", "--no-project", "--contracts", Path.Combine(RepositoryPaths.Root, "contracts"));

            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotContain(result.StdoutLines, l => l.Contains(": warning EG11", StringComparison.Ordinal) || l.Contains(": error EG11", StringComparison.Ordinal));
            Assert.StartsWith("lint: 0 error(s), 0 warning(s), ", result.StdoutLines.Last());
        }
    }
}
