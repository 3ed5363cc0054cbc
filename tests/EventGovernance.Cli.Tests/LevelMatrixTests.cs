using System.IO;
using System.Text.Json;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// Every level through `eventgov compat` with the real engines, on histories of two versions where the
    /// candidate equals the latest one, so only the transitive levels see the older version that breaks.
    /// </summary>
    public class LevelMatrixTests
    {
        private static string Avro(string qtyType) =>
            "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"fields\": [\n    {\"name\": \"qty\", \"type\": \"" + qtyType + "\"}\n  ]\n}\n";

        private static string Json(string totalType) =>
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": {\"type\": \"" + totalType + "\"}\n  }\n}\n";

        private static string Proto(string idType) =>
            "syntax = \"proto3\";\npackage shop;\nmessage Order {\n  " + idType + " id = 1;\n}\n";

        // Histories: (oldest, latest = candidate). Expected exit codes in the order of Levels.
        private static readonly string[] Levels = { "NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE" };

        [Theory]
        // number -> integer narrows: new readers may reject old data; old readers accept new data.
        [InlineData("json", "number", "integer", new[] { 0, 0, 1, 0, 0, 0, 1 })]
        // long -> int: an int reader cannot read longs (backward breaks); a long reader reads ints.
        [InlineData("avsc", "long", "int", new[] { 0, 0, 1, 0, 0, 0, 1 })]
        // int -> long: the reverse, so only the forward direction breaks.
        [InlineData("avsc", "int", "long", new[] { 0, 0, 0, 0, 1, 0, 1 })]
        // string -> int64 encode differently on the wire: both directions break.
        [InlineData("proto", "string", "int64", new[] { 0, 0, 1, 0, 1, 0, 1 })]
        public void Each_level_checks_the_versions_and_directions_the_registry_checks(string extension, string oldest, string latest, int[] expected)
        {
            using var dir = new TempDirectory();
            string Write(string name, string type) => dir.Write($"{name}.{extension}", extension switch
            {
                "json" => Json(type),
                "avsc" => Avro(type),
                _ => Proto(type),
            });
            string v1 = Write("v1", oldest);
            string v2 = Write("v2", latest);
            string candidate = Write("candidate", latest);

            for (int i = 0; i < Levels.Length; i++)
            {
                CliResult result = CliRunner.Run("compat", "--old", v1, "--old", v2, "--new", candidate, "--level", Levels[i], "--format", "json");

                Assert.True(expected[i] == result.ExitCode, $"{Levels[i]}: expected exit {expected[i]}, got {result.ExitCode}: {result.Stdout}{result.Stderr}");
                using JsonDocument report = JsonDocument.Parse(result.Stdout);
                Assert.Equal(Levels[i], report.RootElement.GetProperty("level").GetString());
                Assert.Equal(expected[i] == 0, report.RootElement.GetProperty("compatible").GetBoolean());
                foreach (JsonElement difference in report.RootElement.GetProperty("differences").EnumerateArray())
                {
                    if (!difference.GetProperty("compatible").GetBoolean())
                        Assert.Equal(candidate, difference.GetProperty("file").GetString());
                }
            }
        }
    }
}
