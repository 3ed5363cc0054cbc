using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.Tests;
using EventGovernance.TestSupport;
using JsonSchema = NJsonSchema.JsonSchema;
using SchemaType = EventGovernance.Compatibility.SchemaType;

namespace EventGovernance.Cli.Tests
{
    /// <summary>check's and register's --format: every renderer prints the same findings of the one report.</summary>
    public class ReportFormatTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        /// <summary>"grows" breaks at line 3 (a required field added), "fresh" is new, "same" unchanged.</summary>
        private static (TempDirectory Dir, string Breaking) Repository()
        {
            var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            registry.RegisterAsync("same", SchemaType.Json, "id!\n", NoReferences).GetAwaiter().GetResult();
            registry.RegisterAsync("grows", SchemaType.Json, "id!\n", NoReferences).GetAwaiter().GetResult();
            dir.Write("contracts/fresh.schema.json", "id!\n");
            dir.Write("contracts/same.schema.json", "id!\n");
            string breaking = dir.Write("contracts/grows.schema.json", "id!\n\n  customer!\n");
            return (dir, breaking);
        }

        private static CliResult Check(TempDirectory dir, string format) =>
            CliRunner.RunWithTestFormat("check", "--no-project", "--contracts", dir.Combine("contracts"), "--format", format);

        private const string Message =
            "subject 'grows' breaks BACKWARD compatibility with version 1 (REQUIRED_FIELD_ADDED at #/customer): required field 'customer' was added";

        [Fact]
        public void Json_lists_each_finding_with_code_place_type_path_and_page()
        {
            var (dir, breaking) = Repository();
            using var _ = dir;
            CliResult result = Check(dir, "json");
            Assert.Equal(1, result.ExitCode);
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            JsonElement grows = json.RootElement.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == "grows");
            Assert.Equal(("BREAKING", "JSON", "BACKWARD"), (grows.GetProperty("status").GetString(), grows.GetProperty("format").GetString(), grows.GetProperty("level").GetString()));
            JsonElement finding = grows.GetProperty("findings").EnumerateArray().Single();
            Assert.Equal("EG1001", finding.GetProperty("code").GetString());
            Assert.Equal("error", finding.GetProperty("severity").GetString());
            Assert.Equal(breaking, finding.GetProperty("file").GetString());
            Assert.Equal((3, 3), (finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32()));
            Assert.StartsWith(Message, finding.GetProperty("message").GetString());
            Assert.Equal(("REQUIRED_FIELD_ADDED", "#/customer"), (finding.GetProperty("differenceType").GetString(), finding.GetProperty("path").GetString()));
            Assert.Equal(ErrorCodes.HelpLink("EG1001"), finding.GetProperty("helpLink").GetString());
            Assert.False(json.RootElement.GetProperty("compatible").GetBoolean());
        }

        [Fact]
        public async System.Threading.Tasks.Task Sarif_is_a_valid_sarif_2_1_0_log_with_one_result_per_finding()
        {
            var (dir, breaking) = Repository();
            using var _ = dir;
            CliResult result = Check(dir, "sarif");
            Assert.Equal(1, result.ExitCode);

            string schemaFile = Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json");
            Assert.True(File.Exists(schemaFile), $"the SARIF schema is missing: looked for '{schemaFile}'");
            JsonSchema schema = await JsonSchema.FromFileAsync(schemaFile);
            var errors = schema.Validate(result.Stdout);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + result.Stdout);

            using JsonDocument log = JsonDocument.Parse(result.Stdout);
            JsonElement run = log.RootElement.GetProperty("runs")[0];
            JsonElement sarifResult = run.GetProperty("results").EnumerateArray().Single();
            Assert.Equal("EG1001", sarifResult.GetProperty("ruleId").GetString());
            Assert.StartsWith(Message, sarifResult.GetProperty("message").GetProperty("text").GetString());
            JsonElement location = sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal(breaking.Replace('\\', '/'), location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(ErrorCodes.HelpLink("EG1001"), run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("helpUri").GetString());
        }

        [Fact]
        public void GitHub_prints_one_error_annotation_per_finding()
        {
            var (dir, breaking) = Repository();
            using var _ = dir;
            CliResult result = Check(dir, "github");
            Assert.Equal(1, result.ExitCode);
            string annotation = Assert.Single(result.StdoutLines, l => l.StartsWith("::", StringComparison.Ordinal));
            // ':' and ',' inside a property are escaped as the runner expects.
            string file = breaking.Replace('\\', '/').Replace(":", "%3A").Replace(",", "%2C");
            Assert.StartsWith($"::error file={file},line=3,col=3,title=EG1001::{Message}", annotation);
            Assert.Equal("3 contract(s): 2 pass, 1 breaking, 0 invalid", result.StdoutLines.Last());
        }

        [Fact]
        public void Markdown_has_a_summary_a_row_per_subject_and_the_breaking_findings()
        {
            var (dir, breaking) = Repository();
            using var _ = dir;
            CliResult result = Check(dir, "markdown");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("3 contract(s): 2 pass, 1 breaking, 0 invalid", result.StdoutLines[0]);
            Assert.Contains(result.StdoutLines, l => l.StartsWith("| grows | BREAKING | JSON | BACKWARD |", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith("| fresh | NEW | JSON |", StringComparison.Ordinal));
            Assert.Contains(result.StdoutLines, l => l.StartsWith($"- `{breaking}:3` [EG1001]({ErrorCodes.HelpLink("EG1001")}): {Message}", StringComparison.Ordinal));
        }

        [Fact]
        public void An_unknown_format_is_bad_usage()
        {
            var (dir, _) = Repository();
            using var __ = dir;
            CliResult result = Check(dir, "yaml");
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.StderrLines);
            Assert.Contains("--format", result.Stderr);
        }

        [Fact]
        public void Register_prints_the_same_formats()
        {
            var (dir, _) = Repository();
            using var __ = dir;
            CliResult result = CliRunner.RunWithTestFormat("register", "--no-project", "--contracts", dir.Combine("contracts"), "--format", "github");
            Assert.Equal(1, result.ExitCode);
            Assert.Single(result.StdoutLines, l => l.StartsWith("::error ", StringComparison.Ordinal) && l.Contains("title=EG1001::", StringComparison.Ordinal));
        }
    }
}
