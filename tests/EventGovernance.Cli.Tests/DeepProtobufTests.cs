using System.Text;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// A .proto nested thousands of levels deep used to overflow protobuf-net's recursive parser, ending
    /// eventgov with "Stack overflow." and a trace of tens of thousands of lines. It is one EG1002 line now.
    /// </summary>
    public class DeepProtobufTests
    {
        private const int Depth = 10_000;

        private static string Nested(int depth)
        {
            var text = new StringBuilder("syntax = \"proto3\";\n");
            for (int i = 0; i < depth; i++) text.Append("message M").Append(i).Append(" {\n");
            text.Append("int32 leaf = 1;\n");
            for (int i = 0; i < depth; i++) text.Append("}\n");
            return text.ToString();
        }

        private const string Flat = "syntax = \"proto3\";\nmessage M0 {\n  int32 leaf = 1;\n}\n";

        private static void AssertOneDepthError(CliResult result, string file)
        {
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            // compat prints bad input as the file's position and the problem, like every other schema error.
            Assert.Equal($"{file}(130,14): the schema nests deeper than 128 levels", line);
            Assert.DoesNotContain(" at ", result.Stderr);
        }

        [Fact]
        public void Compat_with_a_deep_new_schema_prints_one_EG1002_line()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/m.proto", Flat);
            string candidate = dir.Write("v2/m.proto", Nested(Depth));
            AssertOneDepthError(CliRunner.Run("compat", "--old", old, "--new", candidate), candidate);
        }

        [Fact]
        public void Compat_with_a_deep_old_schema_prints_one_EG1002_line()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/m.proto", Nested(Depth));
            string candidate = dir.Write("v2/m.proto", Flat);
            AssertOneDepthError(CliRunner.Run("compat", "--old", old, "--new", candidate), old);
        }

        [Fact]
        public void Check_of_a_deep_contract_prints_one_EG1002_line()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/registry/config.json", "{\"compatibilityLevel\":\"BACKWARD\"}");
            dir.Write("contracts/registry/subjects/m/versions/1.proto", Flat);
            dir.Write("contracts/m.proto", Nested(Depth));
            CliResult result = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));
            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("EG1002"));
            Assert.Matches(@"m\.proto\(130,14\): error EG1002: (subject 'm': )?the schema nests deeper than 128 levels", line);
            Assert.DoesNotContain("Stack overflow", result.Stdout + result.Stderr);
            Assert.DoesNotContain(" at ", result.Stdout + result.Stderr);
        }

        [Fact]
        public void Check_against_a_deep_registered_version_prints_one_EG1002_line()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/registry/config.json", "{\"compatibilityLevel\":\"BACKWARD\"}");
            dir.Write("contracts/registry/subjects/m/versions/1.proto", Nested(Depth));
            dir.Write("contracts/m.proto", Flat.Replace("int32 leaf = 1;", "int32 leaf = 1;\n  string note = 2;"));
            CliResult result = CliRunner.Run("check", "--contracts", dir.Combine("contracts"));
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Stdout.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"1\.proto\(130,14\): error EG1002: (subject 'm': )?the schema nests deeper than 128 levels"));
        }
    }
}
