using System.Linq;
using System.Text.Json;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>eventgov compat with the test format (one field per line, "name!" = required).</summary>
    public class CompatCommandTests
    {
        [Fact]
        public void A_compatible_change_exits_0()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string candidate = dir.Write("v2.json", "id!\nnote\n");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith($"COMPATIBLE: {candidate} against {old} at BACKWARD", result.Stdout);
            Assert.Equal("", result.Stderr);
        }

        [Fact]
        public void A_breaking_change_exits_1_and_names_file_line_and_who_breaks()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string candidate = dir.Write("v2.json", "id!\n  customer!\n");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate);

            Assert.Equal(1, result.ExitCode);
            string[] lines = result.Stdout.Split('\n');
            Assert.Equal($"INCOMPATIBLE: {candidate} against {old} at BACKWARD: 1 breaking change", lines[0]);
            Assert.Equal($"  {candidate}(2,3): REQUIRED_FIELD_ADDED #/customer: required field 'customer' was added: data written before it existed cannot be read", lines[1]);
            Assert.Equal($"    breaks consumers using the new schema reading data written with {old}", lines[2]);
        }

        [Fact]
        public void Forward_checks_name_the_consumers_of_the_old_schema()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\nnote!\n");
            string candidate = dir.Write("v2.json", "id!\n");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate, "--level", "forward");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"breaks consumers still using {old} reading data written with the new schema", result.Stdout);
        }

        [Fact]
        public void Json_format_prints_exactly_one_object_with_every_difference()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string candidate = dir.Write("v2.json", "id!\nnote\ncustomer!\n");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(result.Stdout);
            JsonElement root = doc.RootElement;
            Assert.False(root.GetProperty("compatible").GetBoolean());
            Assert.Equal("BACKWARD", root.GetProperty("level").GetString());
            JsonElement[] differences = root.GetProperty("differences").EnumerateArray().ToArray();
            Assert.Equal(2, differences.Length);
            JsonElement breaking = differences.Single(d => !d.GetProperty("compatible").GetBoolean());
            Assert.Equal("REQUIRED_FIELD_ADDED", breaking.GetProperty("type").GetString());
            Assert.Equal("#/customer", breaking.GetProperty("path").GetString());
            Assert.Equal(candidate, breaking.GetProperty("file").GetString());
            Assert.Equal(3, breaking.GetProperty("line").GetInt32());
            Assert.Equal(1, breaking.GetProperty("column").GetInt32());
            Assert.False(string.IsNullOrEmpty(breaking.GetProperty("message").GetString()));
        }

        [Fact]
        public void Repeated_old_files_are_the_history_for_transitive_levels()
        {
            using var dir = new TempDirectory();
            string v1 = dir.Write("v1.json", "id!\n");
            string v2 = dir.Write("v2.json", "id!\nnote!\n");
            string candidate = dir.Write("v3.json", "id!\nnote!\nextra\n");

            CliResult latestOnly = CliRunner.RunWithTestFormat("compat", "--old", v1, "--old", v2, "--new", candidate, "--level", "BACKWARD");
            CliResult transitive = CliRunner.RunWithTestFormat("compat", "--old", v1, "--old", v2, "--new", candidate, "--level", "BACKWARD_TRANSITIVE");

            Assert.Equal(0, latestOnly.ExitCode);
            Assert.Equal(1, transitive.ExitCode);
            Assert.Contains("against 2 earlier versions at BACKWARD_TRANSITIVE", transitive.Stdout);
            Assert.Contains($"reading data written with {v1}", transitive.Stdout);
        }

        [Fact]
        public void A_missing_file_exits_2_with_one_line_naming_it()
        {
            using var dir = new TempDirectory();
            string candidate = dir.Write("v2.json", "id!\n");
            string missing = dir.Combine("nope.json");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", missing, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(new[] { $"{missing}: no such file" }, result.StderrLines);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void A_malformed_schema_exits_2_with_one_line_naming_file_and_line_and_no_stack_trace()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string candidate = dir.Write("v2.json", "id!\nna-me\n");

            CliResult result = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Equal($"{candidate}(2,3): unexpected character '-' in a field name", line);
            Assert.DoesNotContain(" at ", result.Stderr);
        }

        [Fact]
        public void An_engine_defect_is_still_one_line_without_a_stack_trace()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string candidate = dir.Write("v2.json", "id!\n");
            CliResult result = CliRunner.RunIn(
                (stdout, stderr) => new CliContext(stdout, stderr) { Formats = _ => throw new System.InvalidOperationException("engine bug\nsecond line") },
                "compat", "--old", old, "--new", candidate);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("eventgov: internal error (InvalidOperationException): engine bug second line", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void References_resolve_inside_the_root_and_are_refused_outside_it()
        {
            using var dir = new TempDirectory();
            dir.Write("shared/common.txt", "tenant!\n");
            string old = dir.Write("schemas/v1.json", "import ../shared/common.txt\nid!\n");
            string candidate = dir.Write("schemas/v2.json", "import ../shared/common.txt\nid!\nnote\n");

            CliResult refused = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate);
            CliResult allowed = CliRunner.RunWithTestFormat("compat", "--old", old, "--new", candidate, "--root", dir.Path);

            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("outside the contracts root", Assert.Single(refused.StderrLines));
            Assert.Equal(0, allowed.ExitCode);
        }
    }
}
