using System.Text.Json;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>eventgov compat with the real Protobuf engine.</summary>
    public class ProtobufCompatTests
    {
        private const string V1 = "syntax = \"proto3\";\npackage shop;\nimport \"common/money.proto\";\n\nmessage Order {\n  string id = 1;\n  Money total = 2;\n}\n";
        private const string Money = "syntax = \"proto3\";\npackage shop;\n\nmessage Money {\n  int64 cents = 1;\n}\n";

        [Fact]
        public void Imports_resolve_through_proto_path_and_a_type_change_breaks()
        {
            using var dir = new TempDirectory();
            dir.Write("protos/common/money.proto", Money);
            string old = dir.Write("v1/order.proto", V1);
            string candidate = dir.Write("v2/order.proto", V1.Replace("string id = 1;", "int32 id = 1;"));

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate, "--proto-path", dir.Combine("protos"), "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(result.Stdout);
            Assert.False(doc.RootElement.GetProperty("compatible").GetBoolean());
            bool found = false;
            foreach (JsonElement d in doc.RootElement.GetProperty("differences").EnumerateArray())
            {
                if (d.GetProperty("compatible").GetBoolean()) continue;
                found = true;
                Assert.Equal(candidate, d.GetProperty("file").GetString());
                Assert.Equal(6, d.GetProperty("line").GetInt32());
            }
            Assert.True(found, result.Stdout);
        }

        [Fact]
        public void An_added_field_is_compatible()
        {
            using var dir = new TempDirectory();
            dir.Write("protos/common/money.proto", Money);
            string old = dir.Write("v1/order.proto", V1);
            string candidate = dir.Write("v2/order.proto", V1.Replace("Money total = 2;", "Money total = 2;\n  string note = 3;"));

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate, "--proto-path", dir.Combine("protos"));

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("COMPATIBLE", result.Stdout);
        }

        [Fact]
        public void An_unresolvable_import_is_one_line_on_stderr()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/order.proto", V1);
            string candidate = dir.Write("v2/order.proto", V1);

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("order.proto", line);
            Assert.Contains("common/money.proto", line);
        }

        [Fact]
        public void An_unresolvable_import_names_the_proto_paths_searched()
        {
            using var dir = new TempDirectory();
            string includes = dir.Combine("protos");
            System.IO.Directory.CreateDirectory(includes);
            string old = dir.Write("v1/order.proto", V1);
            string candidate = dir.Write("v2/order.proto", V1);

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate, "--proto-path", includes);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("\"common/money.proto\" cannot be found", line);
            Assert.Contains($"nor in --proto-path {includes}", line);
        }

        [Fact]
        public void An_import_inside_an_imported_file_also_resolves_through_proto_path()
        {
            using var dir = new TempDirectory();
            dir.Write("protos/common/money.proto", "syntax = \"proto3\";\npackage shop;\nimport \"units/currency.proto\";\n\nmessage Money {\n  int64 cents = 1;\n  Currency currency = 2;\n}\n");
            dir.Write("more/units/currency.proto", "syntax = \"proto3\";\npackage shop;\n\nenum Currency {\n  EUR = 0;\n}\n");
            string old = dir.Write("v1/order.proto", V1);
            string candidate = dir.Write("v2/order.proto", V1);

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate, "--proto-path", dir.Combine("protos"), "--proto-path", dir.Combine("more"));

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        }

        [Fact]
        public void A_malformed_proto_is_one_line_naming_file_and_line()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1/a.proto", "syntax = \"proto3\";\nmessage A {\n  string id = 1;\n}\n");
            string candidate = dir.Write("v2/a.proto", "syntax = \"proto3\";\nmessage A {\n  string id = ;\n}\n");

            CliResult result = CliRunner.Run("compat", "--old", old, "--new", candidate);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(candidate + "(3,", Assert.Single(result.StderrLines));
            Assert.DoesNotContain("   at ", result.Stderr);
        }
    }
}
