using System;
using System.Linq;
using System.Text.Json;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>eventgov check with the test format, against both registry kinds.</summary>
    [Collection(ProcessStateCollection.Name)] // one test runs in a directory of its own
    public class CheckCommandTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        private static TempDirectory Repository()
        {
            var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            registry.RegisterAsync("same", SchemaType.Json, "id!\n", NoReferences).GetAwaiter().GetResult();
            registry.RegisterAsync("grows", SchemaType.Json, "id!\n", NoReferences).GetAwaiter().GetResult();
            dir.Write("contracts/fresh.schema.json", "id!\n");
            dir.Write("contracts/same.schema.json", "id!\n");
            dir.Write("contracts/grows.schema.json", "id!\nnote\n");
            return dir;
        }

        [Fact]
        public void All_passing_contracts_exit_0_with_one_line_each()
        {
            using var dir = Repository();

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("NEW        fresh (", lines[0]);
            Assert.StartsWith("COMPATIBLE grows (", lines[1]);
            Assert.StartsWith("UNCHANGED  same (", lines[2]);
            Assert.Equal("3 contract(s): 3 pass, 0 breaking, 0 invalid", lines[3]);
        }

        [Fact]
        public void A_breaking_contract_exits_1_with_an_msbuild_style_error()
        {
            using var dir = Repository();
            string file = dir.Write("contracts/grows.schema.json", "id!\n\n  customer!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("BREAKING   grows (", result.Stdout);
            Assert.Contains($"{file}(3,3): error EG1001: subject 'grows' breaks BACKWARD compatibility with version 1 (REQUIRED_FIELD_ADDED at #/customer): required field 'customer' was added", result.Stdout);
        }

        [Fact]
        public void A_level_given_on_the_command_line_overrides_the_registry()
        {
            using var dir = Repository();
            dir.Write("contracts/grows.schema.json", "id!\n\n  customer!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--level", "NONE");

            Assert.Equal(0, result.ExitCode);
        }

        [Fact]
        public void A_malformed_contract_exits_2_with_eg1002()
        {
            using var dir = Repository();
            string file = dir.Write("contracts/fresh.schema.json", "id!\nna-me\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("INVALID    fresh (", result.Stdout);
            Assert.Contains($"{file}(2,3): error EG1002: subject 'fresh': unexpected character '-' in a field name", result.Stdout);
        }

        [Fact]
        public void A_malformed_registry_config_exits_2_naming_the_file()
        {
            using var dir = Repository();
            string config = dir.Write("contracts/registry/config.json", "{\"compatibilityLevel\": 7}");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{config}(1,24): error EG1002: subject 'grows': \"compatibilityLevel\" must be a string", result.Stdout);
            Assert.Contains("INVALID    grows (", result.Stdout);
        }

        [Fact]
        public void Json_format_prints_one_object_with_every_contract()
        {
            using var dir = Repository();
            dir.Write("contracts/grows.schema.json", "id!\ncustomer!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(result.Stdout);
            Assert.False(doc.RootElement.GetProperty("compatible").GetBoolean());
            JsonElement[] contracts = doc.RootElement.GetProperty("contracts").EnumerateArray().ToArray();
            Assert.Equal(new[] { "NEW", "BREAKING", "UNCHANGED" }, contracts.Select(c => c.GetProperty("status").GetString()));
            JsonElement difference = contracts[1].GetProperty("differences").EnumerateArray().Single(d => !d.GetProperty("compatible").GetBoolean());
            Assert.Equal(2, difference.GetProperty("line").GetInt32());
        }

        [Fact]
        public void Against_a_remote_registry_the_registry_verdict_is_used()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("grows", "id!\n");
            using var dir = new TempDirectory();
            dir.Write("contracts/grows.schema.json", "id!\nnote\n");
            server.Verdict = (subject, level, history, candidate) => false; // scripted: the registry rejects everything

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--registry", server.Url);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("the registry's verdict wins", result.Stdout);
        }

        [Fact]
        public void Refused_credentials_exit_2_with_eg1003_and_never_show_the_credentials()
        {
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Basic nope" };
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");
            string url = server.Url.Replace("http://", "http://alice:s3cret-pass@", StringComparison.Ordinal);

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--registry", url);

            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"eventgov: error EG1003: the registry refused the credentials (401): {server.Url}; check the registry's address, the network and the credentials (see https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1003.md)",
                Assert.Single(result.StderrLines));
            Assert.DoesNotContain("s3cret", result.Stdout + result.Stderr);
            Assert.DoesNotContain("alice", result.Stdout + result.Stderr);
        }

        [Fact]
        public void Credentials_come_from_the_environment_and_never_show()
        {
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Bearer env-token-42" };
            server.Seed("a", "id!\n");
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\nnote\n");
            CliContext WithToken(System.IO.TextWriter stdout, System.IO.TextWriter stderr) => new CliContext(stdout, stderr)
            {
                Formats = _ => FieldListFormat.Instance,
                Environment = name => name == RegistryOptions.BearerTokenVariable ? "env-token-42" : null,
            };
            CliResult accepted = CliRunner.RunIn(WithToken, "check", "--contracts", dir.Combine("contracts"), "--registry", server.Url);
            server.RequiredAuthorization = "Bearer rotated";
            CliResult refused = CliRunner.RunIn(WithToken, "check", "--contracts", dir.Combine("contracts"), "--registry", server.Url, "--format", "json");

            Assert.Equal(0, accepted.ExitCode);
            Assert.Contains("COMPATIBLE a (", accepted.Stdout);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("refused the credentials (401)", refused.Stderr);
            Assert.DoesNotContain("env-token-42", accepted.Stdout + accepted.Stderr + refused.Stdout + refused.Stderr);
        }

        [Fact]
        public void An_unreachable_registry_exits_2_with_eg1003()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");
            var server = new FakeSchemaRegistry();
            string url = server.Url;
            server.Dispose();

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--registry", url, "--timeout", "1", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1003: cannot reach the registry", Assert.Single(result.StderrLines));
        }

        [Fact]
        public void A_registry_directory_named_explicitly_that_does_not_exist_exits_2_instead_of_passing_everything_as_new()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--registry", dir.Combine("contracts", "regsitry"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1003: the registry directory", Assert.Single(result.StderrLines));
            Assert.Contains("does not exist", result.Stderr);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void Without_a_registry_directory_yet_the_default_one_counts_as_empty()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("NEW", result.Stdout);
        }

        [Fact]
        public void A_missing_contracts_directory_exits_2()
        {
            using var dir = new TempDirectory();
            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("nothing-here"));
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("the contracts directory does not exist", Assert.Single(result.StderrLines));
        }
    
        [Theory]
        [InlineData("check")]
        [InlineData("register")]
        public void A_registry_url_that_is_not_http_is_refused_without_showing_its_credentials(string command)
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");
            string previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = dir.Path;
            try
            {
                CliResult result = CliRunner.RunWithTestFormat(command, "--registry", "ftp://alice:s3cret-pw@registry.example/");

                // Taken for a directory, it passed against an empty registry and created ./ftp:/alice:s3cret-pw@...
                Assert.Equal(2, result.ExitCode);
                Assert.Contains("the registry is a 'ftp' URL; give an http(s) URL or a directory", result.Stderr);
                Assert.DoesNotContain("s3cret-pw", result.Stdout + result.Stderr);
                Assert.False(System.IO.Directory.Exists(dir.Combine("ftp:")));
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }

        [Fact]
        public void A_malformed_registry_url_exits_2_without_an_internal_error_or_its_credentials()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");

            CliResult result = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"), "--registry", "http://alice:s3cret-pw@[bad");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("the registry URL is not a valid http(s) URL", result.Stderr);
            Assert.DoesNotContain("internal error", result.Stderr);
            Assert.DoesNotContain("s3cret-pw", result.Stdout + result.Stderr);
        }
}
}
