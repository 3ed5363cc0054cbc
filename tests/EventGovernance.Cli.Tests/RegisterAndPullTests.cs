using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    public class RegisterAndPullTests
    {
        [Fact]
        public void Register_writes_new_versions_to_the_embedded_registry_and_reports_them()
        {
            using var dir = new TempDirectory();
            string address = dir.Write("contracts/address.schema.json", "street!\n");
            dir.Write("contracts/customer.schema.json", "import address.schema.json\nname!\n");

            CliResult result = CliRunner.RunWithTestFormat("register", "--contracts", dir.Combine("contracts"));

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"registered address version 1 from {address}", result.Stdout);
            Assert.Contains("registered customer version 1 from ", result.Stdout);
            Assert.Contains("referencing address v1 as 'address.schema.json'", result.Stdout);
            Assert.True(File.Exists(dir.Combine("contracts", "registry", "subjects", "customer", "versions", "1.json")));
            Assert.True(File.Exists(dir.Combine("contracts", "registry", "subjects", "customer", "versions", "1.references.json")));

            CliResult check = CliRunner.RunWithTestFormat("check", "--contracts", dir.Combine("contracts"));
            Assert.Equal(0, check.ExitCode);
            Assert.Equal(2, check.Stdout.Split('\n').Count(l => l.StartsWith("UNCHANGED", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Register_writes_nothing_when_one_contract_breaks()
        {
            using var dir = new TempDirectory();
            await new EmbeddedRegistry(dir.Combine("contracts", "registry"))
                .RegisterAsync("b", SchemaType.Json, "id!\n", Array.Empty<SchemaReference>());
            dir.Write("contracts/a.schema.json", "id!\n");
            dir.Write("contracts/b.schema.json", "id!\ncustomer!\n");

            CliResult result = CliRunner.RunWithTestFormat("register", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("nothing registered", result.Stdout);
            Assert.False(Directory.Exists(dir.Combine("contracts", "registry", "subjects", "a")));
        }

        [Fact]
        public void Register_undoes_a_half_done_batch_in_the_embedded_registry()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");
            dir.Write("contracts/b.schema.json", "id!\n");
            dir.Write("contracts/registry/subjects/b", "a file where b's directory should go");

            CliResult result = CliRunner.RunWithTestFormat("register", "--contracts", dir.Combine("contracts"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1003: nothing registered", Assert.Single(result.StderrLines));
            Assert.False(Directory.Exists(dir.Combine("contracts", "registry", "subjects", "a")), "the directories created for the undone version are left");
        }

        [Fact]
        public void Register_against_a_remote_registry_registers_and_a_half_way_failure_exits_2()
        {
            using var server = new FakeSchemaRegistry();
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");
            dir.Write("contracts/b.schema.json", "id!\n");
            server.FailRegistrationOf = "b";

            CliResult failed = CliRunner.RunWithTestFormat("register", "--contracts", dir.Combine("contracts"), "--registry", server.Url, "--retries", "0");

            Assert.Equal(2, failed.ExitCode);
            Assert.Contains("already registered and kept", failed.Stderr);
            Assert.Empty(server.Versions("b"));

            server.FailRegistrationOf = null;
            CliResult done = CliRunner.RunWithTestFormat("register", "--contracts", dir.Combine("contracts"), "--registry", server.Url, "--retries", "0");
            Assert.Equal(0, done.ExitCode);
            Assert.Contains("registered b version 1", done.Stdout);
            Assert.Single(server.Versions("a"));
        }

        [Fact]
        public async Task Pull_mirrors_subjects_versions_references_and_config()
        {
            using var server = new FakeSchemaRegistry { GlobalLevel = "FULL" };
            server.Seed("address", "street!\n");
            server.Seed("address", "street!\ncity\n");
            server.Seed("customer", "import address.schema.json\nname!\n", "JSON", ("address.schema.json", "address", 2));
            server.Seed("legacy value", "\"string\"", "AVRO");
            server.SetSubjectLevel("customer", "NONE");
            using var dir = new TempDirectory();
            string output = dir.Combine("mirror");

            CliResult result = CliRunner.Run("pull", "--registry", server.Url, "--out", output);

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith($"pulled 3 subject(s), 4 version(s) from {server.Url} into {output}", result.Stdout);
            var mirror = new EmbeddedRegistry(output);
            Assert.Equal(new[] { "address", "customer", "legacy value" }, (await mirror.GetSubjectsAsync()));
            Assert.Equal(new[] { 1, 2 }, (await mirror.GetVersionsAsync("address")));
            RegisteredSchema customer = (await mirror.GetSchemaAsync("customer", 1));
            Assert.Equal(("address.schema.json", "address", 2), (customer.References[0].Name, customer.References[0].Subject, customer.References[0].Version));
            Assert.Equal(SchemaType.Avro, (await mirror.GetSchemaAsync("legacy value", 1)).Type);
            Assert.True(File.Exists(Path.Combine(output, "subjects", "legacy%20value", "versions", "1.avsc")));
            Assert.Equal(CompatibilityLevel.None, (await mirror.GetCompatibilityAsync("customer")));
            Assert.Null((await mirror.GetCompatibilityAsync("address")));
            Assert.Equal(CompatibilityLevel.Full, (await mirror.GetCompatibilityAsync(null)));
        }

        [Fact]
        public async Task Pull_keeps_local_versions_the_registry_no_longer_has_and_says_so()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("address", "street!\n");
            using var dir = new TempDirectory();
            string output = dir.Combine("mirror");
            var mirror = new EmbeddedRegistry(output);
            await mirror.WriteVersionAsync("retired", 1, SchemaType.Json, "name!\n", Array.Empty<SchemaReference>());

            CliResult result = CliRunner.Run("pull", "--registry", server.Url, "--out", output);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"warning: version 1 of 'retired' is in {output} but not in {server.Url}; it was kept", result.Stdout);
            Assert.Equal(new[] { "address", "retired" }, await mirror.GetSubjectsAsync());
        }

        [Fact]
        public void Pull_that_fails_part_of_the_way_leaves_the_output_directory_unwritten()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("a-first", "id!\n");
            server.Seed("b-second", "id!\n");
            server.FailPathsContaining = "/subjects/b-second/";
            using var dir = new TempDirectory();
            string output = dir.Combine("mirror");

            CliResult result = CliRunner.Run("pull", "--registry", server.Url, "--out", output, "--timeout", "5", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1003", Assert.Single(result.StderrLines));
            Assert.True(server.Requests.Any(r => r.Contains("/subjects/a-first/versions/1", StringComparison.Ordinal)), string.Join("\n", server.Requests));
            Assert.False(Directory.Exists(Path.Combine(output, "subjects")), "a failed pull wrote part of the registry");
        }

        [Fact]
        public void Pull_from_an_unreachable_registry_exits_2()
        {
            var server = new FakeSchemaRegistry();
            string url = server.Url;
            server.Dispose();
            using var dir = new TempDirectory();

            CliResult result = CliRunner.Run("pull", "--registry", url, "--out", dir.Combine("mirror"), "--timeout", "1", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("error EG1003", Assert.Single(result.StderrLines));
        }
    }
}
