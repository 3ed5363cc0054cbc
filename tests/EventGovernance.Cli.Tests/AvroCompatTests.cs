using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>eventgov compat with the real Avro engine.</summary>
    public class AvroCompatTests
    {
        private const string V1 = "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n    {\"name\": \"id\", \"type\": \"string\"}\n  ]\n}\n";

        [Fact]
        public void A_field_without_default_breaks_backward_and_one_with_a_default_does_not()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/order.avsc", V1);
            string breaking = dir.Write("v2/order.avsc", V1.Replace("\"string\"}", "\"string\"},\n    {\"name\": \"total\", \"type\": \"long\"}"));
            string fine = dir.Write("v3/order.avsc", V1.Replace("\"string\"}", "\"string\"},\n    {\"name\": \"total\", \"type\": \"long\", \"default\": 0}"));

            CliResult broken = CliRunner.Run("compat", "--old", old, "--new", breaking);
            CliResult compatible = CliRunner.Run("compat", "--old", old, "--new", fine);

            Assert.Equal(1, broken.ExitCode);
            Assert.Contains($"{breaking}(6,", broken.Stdout);
            Assert.Contains("breaks consumers using the new schema", broken.Stdout);
            Assert.Equal(0, compatible.ExitCode);
        }

        [Fact]
        public void Malformed_avro_is_one_line_naming_the_file()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/order.avsc", V1);
            string candidate = dir.Write("v2/order.avsc", "{\n  \"type\": \"record\",\n  \"name\": \"Order\"\n  \"fields\": []\n}\n");

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(candidate + "(", Assert.Single(result.StderrLines));
        }
    }
}
