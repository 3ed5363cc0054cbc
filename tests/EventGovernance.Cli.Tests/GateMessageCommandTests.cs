using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>What eventgov check prints about each contract: once per problem, with the build's wording.</summary>
    public class GateMessageCommandTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

        [Fact]
        public void An_invalid_contract_is_printed_once()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/fresh.schema.json", "id!\nna-me\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(1, Count(result.Stdout, "unexpected character '-' in a field name"));
            Assert.Contains("INVALID    fresh (", result.Stdout);
        }

        [Fact]
        public async Task A_breaking_contract_says_who_breaks_and_what_to_do_next()
        {
            using var dir = new TempDirectory();
            await new EmbeddedRegistry(dir.Combine("contracts", "registry")).RegisterAsync("grows", SchemaType.Json, "id!\n", NoReferences);
            dir.Write("contracts/grows.schema.json", "id!\ncustomer!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--level", "FULL");

            Assert.Equal(1, result.ExitCode);
            string error = Assert.Single(result.StdoutLines, l => l.Contains("error EG1001", StringComparison.Ordinal));
            Assert.Contains("breaks FULL compatibility with version 1 (REQUIRED_FIELD_ADDED at #/customer)", error);
            Assert.Contains("; it breaks consumers using the new schema reading data written with version 1;", error);
            Assert.EndsWith("; make the change compatible or publish it under a new subject (see https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1001.md)", error);
        }

        [Fact]
        public async Task Findings_against_two_versions_say_which_version_each_is_about()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            await registry.RegisterAsync("grows", SchemaType.Json, "id!\n", NoReferences);
            await registry.RegisterAsync("grows", SchemaType.Json, "id!\nnote\n", NoReferences);
            dir.Write("contracts/grows.schema.json", "id!\nnote\ncustomer!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--level", "BACKWARD_TRANSITIVE");

            Assert.Equal(1, result.ExitCode);
            string[] errors = result.StdoutLines.Where(l => l.Contains("error EG1001", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, errors.Length);
            Assert.Contains(errors, e => e.Contains("compatibility with version 2 (", StringComparison.Ordinal) && e.Contains("written with version 2;", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("compatibility with version 1 (", StringComparison.Ordinal) && e.Contains("written with version 1;", StringComparison.Ordinal));
        }

        [Fact]
        public void A_new_subject_says_which_command_registers_it()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/fresh.schema.json", "id!\n");

            CliResult check = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(0, check.ExitCode);
            Assert.Contains("register it with `eventgov register` or `dotnet build -t:EventGovernanceRegister`",
                Assert.Single(check.StdoutLines, l => l.StartsWith("NEW", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_removed_field_is_reported_at_the_contract_with_its_registered_line()
        {
            using var dir = new TempDirectory();
            await new EmbeddedRegistry(dir.Combine("contracts", "registry")).RegisterAsync("order", SchemaType.Protobuf,
                "syntax = \"proto2\";\n\nmessage Order {\n  required string id = 1;\n  required string customer = 2;\n}\n", NoReferences);
            string contract = dir.Write("contracts/order.proto", "syntax = \"proto2\";\n\nmessage Order {\n  required string id = 1;\n}\n");

            CliResult result = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            string error = Assert.Single(result.StdoutLines, l => l.Contains("error EG1001", StringComparison.Ordinal));
            // Not a position inside the registry's copy, which nobody should edit.
            Assert.StartsWith($"{contract}: error EG1001: ", error);
            Assert.Contains("required field 'customer' = 2 was removed (it was at registered version 1, line 5)", error);
        }
    }
}
