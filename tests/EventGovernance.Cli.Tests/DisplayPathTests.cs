using System;
using System.IO;
using System.Text.Json;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// A difference or an error located in a referenced file is shown relative to the current directory,
    /// like the files named on the command line, not as an absolute path.
    /// </summary>
    [Collection(ProcessStateCollection.Name)] // runs eventgov in directories of its own
    public class DisplayPathTests
    {
        private const string Event = "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"amount\": {\"$ref\": \"common/money.json\"}\n  }\n}\n";

        [Fact]
        public void Compat_shows_a_difference_in_a_referenced_file_relative_to_the_current_directory()
        {
            using var dir = new TempDirectory();
            dir.Write("v1/event.json", Event);
            dir.Write("v1/common/money.json", "{\n  \"type\": \"number\"\n}\n");
            dir.Write("v2/event.json", Event);
            dir.Write("v2/common/money.json", "{\n  \"type\": \"integer\"\n}\n");
            string money = Path.Combine("v2", "common", "money.json");

            (CliResult text, CliResult json) = InDirectory(dir.Path, () => (
                CliRunner.Run("compat", "--old", "v1/event.json", "--new", "v2/event.json"),
                CliRunner.Run("compat", "--old", "v1/event.json", "--new", "v2/event.json", "--format", "json")));

            Assert.Equal(1, text.ExitCode);
            Assert.Contains($"  {money}(1,1): TYPE_NARROWED", text.Stdout);
            Assert.DoesNotContain(dir.Path, text.Stdout);
            Assert.Equal(1, json.ExitCode);
            using JsonDocument report = JsonDocument.Parse(json.Stdout);
            Assert.Equal(money, report.RootElement.GetProperty("differences")[0].GetProperty("file").GetString());
        }

        [Fact]
        public void Compat_shows_a_malformed_referenced_file_relative_to_the_current_directory()
        {
            using var dir = new TempDirectory();
            dir.Write("v1/event.json", Event);
            dir.Write("v1/common/money.json", "{\n  \"type\": \"number\"\n}\n");
            dir.Write("v2/event.json", Event);
            dir.Write("v2/common/money.json", "{\n  \"type\": \"strnig\"\n}\n");

            CliResult result = InDirectory(dir.Path, () => CliRunner.Run("compat", "--old", "v1/event.json", "--new", "v2/event.json"));

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith(Path.Combine("v2", "common", "money.json") + "(2,", line);
        }

        [Fact]
        public void A_file_outside_the_current_directory_keeps_its_full_path()
        {
            using var dir = new TempDirectory();
            using var elsewhere = new TempDirectory();
            string file = elsewhere.Combine("a.json");

            Assert.Equal(file, InDirectory(dir.Path, () => DisplayPaths.Of(file)));
            Assert.Equal("relative.json", DisplayPaths.Of("relative.json"));
        }

        [Fact]
        public void Check_shows_an_unreadable_referenced_file_relative_to_the_current_directory()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/orders/order-placed.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": {\"$ref\": \"../common/money.json\"}\n  }\n}\n");
            dir.Write("contracts/common/money.json", "{\n  \"type\": \n}\n");
            string money = Path.Combine("contracts", "common", "money.json");

            (CliResult text, CliResult json) = InDirectory(dir.Path, () => (CliRunner.Run("check"), CliRunner.Run("check", "--format", "json")));

            Assert.Equal(2, text.ExitCode);
            Assert.Contains($"{money}(3): error EG1002: subject 'order-placed': not valid JSON", text.Stdout);
            Assert.DoesNotContain(dir.Path, text.Stdout);
            Assert.Equal(2, json.ExitCode);
            Assert.DoesNotContain(dir.Path, json.Stdout);
        }

        [Theory]
        [InlineData("check")]
        [InlineData("register")]
        public void A_reference_that_is_not_a_contract_is_bad_input_named_with_a_relative_path(string command)
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/orders/order-placed.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": {\"$ref\": \"../common/money.json\"}\n  }\n}\n");
            dir.Write("contracts/common/money.json", "{\n  \"type\": \"number\"\n}\n");

            CliResult result = InDirectory(dir.Path, () => CliRunner.Run(command));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1002: subject 'order-placed': reference '../common/money.json' resolves to " + Path.Combine("contracts", "common", "money.json") + ", which is not a contract", result.Stdout);
            Assert.DoesNotContain(dir.Path, result.Stdout + result.Stderr);
            Assert.False(Directory.Exists(dir.Combine("contracts", "registry", "subjects")));
        }

        private static T InDirectory<T>(string directory, Func<T> action)
        {
            string previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = directory;
            try
            {
                return action();
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
