using System;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// eventgov reading a real project through `dotnet msbuild`: the project file on disk imports the
    /// repository's EventGovernance.Build props and targets directly, so MSBuild evaluates the same items
    /// and properties the build gate would get. The CLI tests run one at a time, so changing the current
    /// directory (to exercise the project found there) is safe here.
    /// </summary>
    [Collection(ProcessStateCollection.Name)] // runs eventgov in directories of its own
    public sealed class ProjectModeTests : IDisposable
    {
        private const string Registered =
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"],\"additionalProperties\":false}\n";

        // An optional property added to a closed object: old data still reads (BACKWARD passes), but a
        // consumer still on the registered version rejects new data with the property (FORWARD breaks).
        private const string WithOptionalNote =
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}},\"required\":[\"id\"],\"additionalProperties\":false}\n";

        private static readonly string ContractFile = Path.Combine("contracts", "order-placed.schema.json");
        private static readonly string BuildDirectory = Path.Combine(RepositoryPaths.Root, "src", "EventGovernance.Build", "build");

        private readonly TempDirectory _dir = new TempDirectory();
        private readonly string _originalDirectory = Environment.CurrentDirectory;

        public void Dispose()
        {
            Environment.CurrentDirectory = _originalDirectory;
            _dir.Dispose();
        }

        private string Project(string itemGroup = "", string properties = "", bool importPackage = true)
        {
            string props = importPackage ? $"  <Import Project=\"{Path.Combine(BuildDirectory, "EventGovernance.Build.props")}\" />\n" : "";
            string targets = importPackage ? $"  <Import Project=\"{Path.Combine(BuildDirectory, "EventGovernance.Build.targets")}\" />\n" : "";
            return _dir.Write("Shop.csproj",
                "<Project>\n" + props +
                $"  <PropertyGroup>{properties}</PropertyGroup>\n" +
                $"  <ItemGroup>{itemGroup}</ItemGroup>\n" +
                targets + "</Project>\n");
        }

        private void Register(string subject, string schema, string registry = "contracts/registry") =>
            new EmbeddedRegistry(_dir.Combine(registry.Split('/')))
                .RegisterAsync(subject, SchemaType.Json, schema, Array.Empty<SchemaReference>()).GetAwaiter().GetResult();

        private string Contract(string schema) => _dir.Write(ContractFile, schema);

        private CliResult InProjectDirectory(params string[] args)
        {
            Environment.CurrentDirectory = _dir.Path;
            return CliRunner.Run(args);
        }

        private string VersionFile(string subject, int version) =>
            _dir.Combine("contracts", "registry", "subjects", subject, "versions", $"{version}.json");

        [Theory]
        [InlineData("check")]
        [InlineData("register")]
        public void A_project_with_only_event_types_says_the_producer_registers_them_at_first_send(string command)
        {
            Project("<EventType Include=\"Shop.Orders.OrderPlaced\" Subject=\"orders-value\" />");

            CliResult result = InProjectDirectory(command);

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            string line = Assert.Single(result.StdoutLines);
            Assert.Contains("1 EventType item(s)", line);
            Assert.Contains("registered by the producer at its first send", line);
            Assert.DoesNotContain("0 contract", line);
            Assert.False(Directory.Exists(_dir.Combine("contracts", "registry")), "nothing may be registered");
        }

        [Fact]
        public void Compatibility_metadata_makes_check_fail_a_forward_breaking_change_that_backward_passes()
        {
            Register("order-placed", Registered);
            Contract(WithOptionalNote);
            Project("<EventContract Update=\"contracts/order-placed.schema.json\" Compatibility=\"FULL_TRANSITIVE\" />");

            CliResult project = InProjectDirectory("check");
            CliResult directory = InProjectDirectory("check", "--no-project");

            Assert.True(project.ExitCode == 1, project.Stdout + project.Stderr);
            Assert.Contains($"BREAKING   order-placed ({ContractFile})", project.Stdout);
            Assert.Contains($"{ContractFile}(1,61): error EG1001: subject 'order-placed' breaks FULL_TRANSITIVE compatibility", project.Stdout);
            Assert.Contains("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", project.Stdout);
            Assert.True(directory.ExitCode == 0, directory.Stdout + directory.Stderr); // the registry's BACKWARD passes it
        }

        [Fact]
        public void Project_option_names_the_project_from_anywhere()
        {
            Register("order-placed", Registered);
            Contract(WithOptionalNote);
            string project = Project("<EventContract Update=\"contracts/order-placed.schema.json\" Compatibility=\"FORWARD\" />");

            CliResult result = CliRunner.Run("check", "--project", project);

            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Contains("error EG1001: subject 'order-placed' breaks FORWARD compatibility", result.Stdout);
        }

        [Fact]
        public void Subject_metadata_is_the_subject_looked_up_and_registered()
        {
            Register("orders.v1-value", Registered);
            Contract(WithOptionalNote);
            Project("<EventContract Update=\"contracts/order-placed.schema.json\" Subject=\"orders.v1-value\" />");

            CliResult check = InProjectDirectory("check");
            CliResult register = InProjectDirectory("register");

            Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
            Assert.Contains($"COMPATIBLE orders.v1-value ({ContractFile})", check.Stdout);
            Assert.True(register.ExitCode == 0, register.Stdout + register.Stderr);
            Assert.Contains($"registered orders.v1-value version 2 from {ContractFile}", register.Stdout);
            Assert.Equal(WithOptionalNote, File.ReadAllText(VersionFile("orders.v1-value", 2)));
            Assert.False(Directory.Exists(_dir.Combine("contracts", "registry", "subjects", "order-placed")));
        }

        [Fact]
        public void Register_refuses_a_change_the_build_would_reject()
        {
            Register("order-placed", Registered);
            Contract(WithOptionalNote);
            Project("<EventContract Update=\"contracts/order-placed.schema.json\" Compatibility=\"FULL_TRANSITIVE\" />");

            CliResult result = InProjectDirectory("register");

            Assert.True(result.ExitCode == 1, result.Stdout + result.Stderr);
            Assert.Contains("nothing registered", result.Stdout);
            Assert.False(File.Exists(VersionFile("order-placed", 2)));
        }

        [Fact]
        public void Project_properties_set_registry_and_level_and_options_override_them()
        {
            // The registry lives elsewhere; only the project says where.
            Register("order-placed", Registered, registry: "schemas");
            Contract(WithOptionalNote);
            Project(properties: "<EventGovernanceRegistry>schemas</EventGovernanceRegistry><EventGovernanceCompatibility>FORWARD</EventGovernanceCompatibility>");

            CliResult fromProject = InProjectDirectory("check");
            CliResult overridden = InProjectDirectory("check", "--level", "BACKWARD");

            Assert.True(fromProject.ExitCode == 1, fromProject.Stdout + fromProject.Stderr);
            Assert.Contains("error EG1001: subject 'order-placed' breaks FORWARD compatibility", fromProject.Stdout);
            Assert.True(overridden.ExitCode == 0, overridden.Stdout + overridden.Stderr);
            Assert.Contains("COMPATIBLE order-placed", overridden.Stdout);
        }

        [Fact]
        public void Contracts_option_with_a_project_in_effect_is_bad_usage()
        {
            Contract(Registered);
            string project = Project();

            CliResult named = CliRunner.Run("check", "--project", project, "--contracts", _dir.Combine("contracts"));
            CliResult found = InProjectDirectory("register", "--contracts", "contracts");

            foreach (CliResult result in new[] { named, found })
            {
                Assert.Equal(2, result.ExitCode);
                string line = Assert.Single(result.StderrLines);
                Assert.Contains("EventGovernanceContractsRoot", line);
                Assert.Contains("--no-project", line);
            }
            Assert.False(Directory.Exists(_dir.Combine("contracts", "registry", "subjects")));
        }

        [Fact]
        public void Project_without_the_package_exits_2_saying_what_to_add()
        {
            Contract(Registered);
            Project(importPackage: false);

            CliResult result = InProjectDirectory("check");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("Shop.csproj does not use EventGovernance.Build", line);
            Assert.Contains("dotnet restore", line);
        }

        [Fact]
        public void Project_referencing_the_package_but_not_restored_exits_2_saying_to_restore()
        {
            Contract(Registered);
            // Never restored: NuGet has not generated the imports that bring in the package's props and targets.
            _dir.Write("Shop.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="EventGovernance.Build" Version="0.1.0" /></ItemGroup>
                </Project>
                """);

            CliResult result = InProjectDirectory("check");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("Shop.csproj does not use EventGovernance.Build", line);
            Assert.Contains("dotnet restore", line);
        }

        [Fact]
        public void Bad_metadata_is_eg1004_with_the_builds_message()
        {
            Contract(Registered);
            Project("<EventContract Update=\"contracts/order-placed.schema.json\" Compatibility=\"SIDEWAYS\" />");

            CliResult result = InProjectDirectory("check");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(
                $"{ContractFile}: error EG1004: Compatibility metadata 'SIDEWAYS' is not a compatibility level (NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE); correct the value",
                Assert.Single(result.StderrLines));
        }

        [Fact]
        public void Bad_tuning_properties_are_eg1004_against_the_project()
        {
            Contract(Registered);
            Project(properties: "<EventGovernanceRegistryTimeout>soon</EventGovernanceRegistryTimeout><EventGovernancePolicy>loose</EventGovernancePolicy>");

            CliResult result = InProjectDirectory("check");

            Assert.Equal(2, result.ExitCode);
            Assert.Collection(result.StderrLines,
                line => Assert.StartsWith("Shop.csproj: error EG1004: EventGovernanceRegistryTimeout is 'soon'; expected a positive number of seconds; correct the value", line),
                line => Assert.StartsWith("Shop.csproj: error EG1004: EventGovernancePolicy is 'loose'; expected strict or lenient; correct the value", line));
        }

        [Fact]
        public void Disabled_gate_says_so_and_exits_0()
        {
            Register("order-placed", Registered);
            Contract("not even JSON");
            Project(properties: "<EventGovernanceEnabled>false</EventGovernanceEnabled>");

            CliResult result = InProjectDirectory("check");

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains("the event contract gate is disabled for Shop.csproj", result.Stdout);

            CliResult json = InProjectDirectory("check", "--format", "json");
            using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
            Assert.True(document.RootElement.GetProperty("disabled").GetBoolean());
        }

        [Fact]
        public void Project_msbuild_cannot_evaluate_is_one_line_and_exit_2()
        {
            _dir.Write("Shop.csproj", "<Project>\n  <PropertyGroup>\n</Project>\n");

            CliResult result = InProjectDirectory("check");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("eventgov: MSBuild could not evaluate Shop.csproj: ", line);
            Assert.Contains("Shop.csproj(", line);
            Assert.Equal("", result.Stdout);
        }

        [Fact]
        public void No_project_keeps_directory_mode_in_a_project_directory()
        {
            Register("order-placed", Registered);
            Contract(WithOptionalNote);
            Project("<EventContract Update=\"contracts/order-placed.schema.json\" Subject=\"elsewhere\" />");

            CliResult result = InProjectDirectory("check", "--no-project", "--contracts", "contracts");

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.Contains("COMPATIBLE order-placed", result.Stdout);
        }

        [Fact]
        public void Pull_in_a_project_mirrors_into_the_projects_embedded_registry()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("order-placed", "id!\n");
            Project();

            CliResult result = InProjectDirectory("pull", "--registry", server.Url);

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.True(File.Exists(VersionFile("order-placed", 1)), result.Stdout);
        }

        [Fact]
        public void Pull_from_a_projects_remote_registry_uses_its_credentials_without_printing_them()
        {
            const string token = "project-token-s3cret";
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Bearer " + token };
            server.Seed("order-placed", "id!\n");
            Project(properties: $"<EventGovernanceRegistry>{server.Url}</EventGovernanceRegistry><EventGovernanceRegistryBearerToken>{token}</EventGovernanceRegistryBearerToken>");

            CliResult result = InProjectDirectory("pull", "--out", "mirror");

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            Assert.True(File.Exists(_dir.Combine("mirror", "subjects", "order-placed", "versions", "1.json")));
            Assert.DoesNotContain(token, result.Stdout + result.Stderr);
        }
    }
}
