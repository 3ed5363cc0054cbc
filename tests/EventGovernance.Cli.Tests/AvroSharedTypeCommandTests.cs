using System.IO;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// `eventgov register` and `check` with the real Avro engine, for a shared record kept in a directory of
    /// its own and used by full name from another directory (the layout of the repository's contracts).
    /// </summary>
    public class AvroSharedTypeCommandTests
    {
        private const string Envelope =
            "{\n  \"type\": \"record\",\n  \"name\": \"Envelope\",\n  \"namespace\": \"com.acme.events\",\n  \"fields\": [\n    {\"name\": \"event_id\", \"type\": \"string\"}\n  ]\n}\n";

        private const string Shipped =
            "{\n  \"type\": \"record\",\n  \"name\": \"Shipped\",\n  \"namespace\": \"com.acme.orders\",\n  \"fields\": [\n    {\"name\": \"envelope\", \"type\": \"com.acme.events.Envelope\"},\n    {\"name\": \"carrier\", \"type\": \"string\"}\n  ]\n}\n";

        [Fact]
        public void Register_writes_the_full_name_reference_and_check_reports_a_breaking_change_at_its_line()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/events/com.acme.events.Envelope.avsc", Envelope);
            string shipped = dir.Write("contracts/orders/shipped.avsc", Shipped);

            CliResult registered = CliRunner.Run("register", "--contracts", dir.Combine("contracts"));

            Assert.True(registered.ExitCode == 0, registered.Stdout + registered.Stderr);
            Assert.Contains("registered shipped version 1 from ", registered.Stdout);
            string references = File.ReadAllText(dir.Combine("contracts", "registry", "subjects", "shipped", "versions", "1.references.json"));
            Assert.Contains("\"name\": \"com.acme.events.Envelope\"", references);
            Assert.Contains("\"subject\": \"com.acme.events.Envelope\"", references);
            Assert.Contains("\"version\": 1", references);

            // carrier: string -> int cannot read data written as a string.
            File.WriteAllText(shipped, Shipped.Replace("\"carrier\", \"type\": \"string\"", "\"carrier\", \"type\": \"int\""));
            CliResult checkedAgain = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, checkedAgain.ExitCode);
            Assert.Contains("BREAKING   shipped (", checkedAgain.Stdout);
            Assert.Contains($"{shipped}(7,", checkedAgain.Stdout);
            Assert.Contains("error EG1001", checkedAgain.Stdout);
        }
    }
}
