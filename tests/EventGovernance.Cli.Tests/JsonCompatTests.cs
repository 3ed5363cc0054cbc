using System.Linq;
using System.Text.Json;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>eventgov compat and check with the real JSON Schema engine.</summary>
    public class JsonCompatTests
    {
        private const string V1 = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"string\"}\n  },\n  \"additionalProperties\": false\n}\n";

        [Fact]
        public void A_type_change_is_incompatible_with_its_location_in_json_output()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", V1);
            string candidate = dir.Write("v2.json", V1.Replace("\"string\"", "\"integer\""));

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(result.Stdout);
            JsonElement breaking = doc.RootElement.GetProperty("differences").EnumerateArray().First(d => !d.GetProperty("compatible").GetBoolean());
            Assert.Equal(candidate, breaking.GetProperty("file").GetString());
            Assert.Equal(4, breaking.GetProperty("line").GetInt32());
            Assert.StartsWith("#/properties/id", breaking.GetProperty("path").GetString());
        }

        [Fact]
        public void An_added_optional_property_is_compatible_in_text_output()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", V1);
            string candidate = dir.Write("v2.json", V1.Replace("\"id\": {\"type\": \"string\"}", "\"id\": {\"type\": \"string\"},\n    \"note\": {\"type\": \"string\"}"));

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("COMPATIBLE", result.Stdout);
        }

        [Fact]
        public void A_remote_ref_is_refused_with_one_line_naming_file_and_line()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", V1);
            string candidate = dir.Write("v2.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"$ref\": \"http://schemas.example/id.json\"}\n  }\n}\n");

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith(candidate + "(4,", line);
            Assert.Contains("remote reference", line);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void Malformed_json_is_one_line_naming_file_and_line()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", V1);
            string candidate = dir.Write("v2.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"string\"\n  }\n}\n");

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(candidate + "(", Assert.Single(result.StderrLines));
            Assert.DoesNotContain("   at ", result.Stderr);
        }

        [Fact]
        public void Check_and_register_work_end_to_end_on_json_contracts()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/orders.schema.json", V1);

            CliResult registered = CliRunner.Run("register", "--contracts", dir.Combine("contracts"));
            dir.Write("contracts/orders.schema.json", V1.Replace("\"string\"", "\"integer\""));
            CliResult check = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(0, registered.ExitCode);
            Assert.Contains("registered orders version 1", registered.Stdout);
            Assert.Equal(1, check.ExitCode);
            Assert.Contains("BREAKING   orders (", check.Stdout);
            Assert.Contains("(4,", check.Stdout);
            Assert.Contains(": error EG1001: ", check.Stdout);
        }
    }
}
