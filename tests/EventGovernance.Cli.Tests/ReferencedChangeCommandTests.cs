using System;
using System.IO;
using System.Linq;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary><c>eventgov check</c> and <c>register</c> when only a referenced file changed, with the real JSON Schema engine.</summary>
    public class ReferencedChangeCommandTests
    {
        private const string Money =
            "{\n  \"$defs\": {\n    \"money\": {\n      \"type\": \"object\",\n      \"properties\": {\n        \"amount\": {\"type\": \"number\"},\n        \"currency\": {\"type\": \"string\"}\n      },\n      \"additionalProperties\": false\n    }\n  }\n}\n";

        private const string OrderPlaced =
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"string\"},\n    \"total\": {\"$ref\": \"common/money.schema.json#/$defs/money\"}\n  },\n  \"additionalProperties\": false\n}\n";

        private static TempDirectory Registered()
        {
            var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/orders/order-placed.schema.json", OrderPlaced.Replace("common/", "../common/"));
            CliResult first = CliRunner.Run("register", "--contracts", dir.Combine("contracts"));
            Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
            return dir;
        }

        [Fact]
        public void Check_reports_the_referencing_contract_breaking_at_the_line_of_the_referenced_file()
        {
            using var dir = Registered();
            string money = dir.Write("contracts/common/money.schema.json", Money.Replace("\"amount\": {\"type\": \"number\"}", "\"amount\": {\"type\": \"string\"}"));

            CliResult result = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("BREAKING   order-placed (", result.Stdout);
            Assert.Contains($"{money}(6,", result.Stdout);
            Assert.DoesNotContain("UNCHANGED  order-placed", result.Stdout);

            CliResult register = CliRunner.Run("register", "--contracts", dir.Combine("contracts"));
            Assert.Equal(1, register.ExitCode);
            Assert.Single(Directory.GetFiles(dir.Combine("contracts", "registry", "subjects", "money", "versions"), "*.json"));
        }

        [Fact]
        public void Register_gives_the_referencing_subject_a_new_version_pointing_at_the_new_referenced_version()
        {
            using var dir = Registered();
            dir.Write("contracts/common/money.schema.json", Money.Replace("\"currency\": {\"type\": \"string\"}", "\"currency\": {\"type\": \"string\"},\n        \"note\": {\"type\": \"string\"}"));

            CliResult check = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));
            Assert.Equal(0, check.ExitCode);
            Assert.Contains("COMPATIBLE order-placed (", check.Stdout);

            CliResult result = CliRunner.Run("register", "--contracts", dir.Combine("contracts"));

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains("registered money version 2 from ", result.Stdout);
            Assert.Contains("registered order-placed version 2 from ", result.Stdout);
            Assert.Contains("referencing money v2 as '../common/money.schema.json'", result.Stdout);
            string versions = dir.Combine("contracts", "registry", "subjects", "order-placed", "versions");
            Assert.Equal(File.ReadAllText(Path.Combine(versions, "1.json")), File.ReadAllText(Path.Combine(versions, "2.json")));
            Assert.Contains("\"version\": 2", File.ReadAllText(Path.Combine(versions, "2.references.json")));

            CliResult again = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));
            Assert.Equal(0, again.ExitCode);
            Assert.Equal(2, again.Stdout.Split('\n').Count(l => l.StartsWith("UNCHANGED", StringComparison.Ordinal)));
        }
    }
}
