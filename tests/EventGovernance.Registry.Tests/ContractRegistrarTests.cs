using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    public class ContractRegistrarTests
    {
        private static ContractRegistrar Registrar(ISchemaRegistry registry, string root) =>
            new ContractRegistrar(registry, new ContractGate(registry, new GateOptions { ContractsRoot = root }, _ => FieldListFormat.Instance));

        [Fact]
        public async Task Registers_referenced_contracts_first_with_schema_references_in_the_embedded_registry()
        {
            using var dir = new TempDirectory();
            dir.Write("customer.schema.json", "import address.schema.json\nname!\n");
            dir.Write("address.schema.json", "street!\n");
            var registry = new EmbeddedRegistry(dir.Combine("registry"));

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { "address", "customer" }, report.Registered.Select(r => r.Subject));
            RegisteredSchema customer = await registry.GetSchemaAsync("customer", 1);
            SchemaReference reference = Assert.Single(customer.References);
            Assert.Equal(("address.schema.json", "address", 1), (reference.Name, reference.Subject, reference.Version));
            Assert.Equal("registered address v1, customer v1", report.Message);

            // A second run has nothing to do.
            RegistrationReport again = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));
            Assert.True(again.Succeeded);
            Assert.Empty(again.Registered);
        }

        [Fact]
        public async Task A_changed_referenced_contract_is_registered_first_and_referenced_at_its_new_version()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("address", "street!\n");
            server.Seed("customer", "import address.schema.json\nname!\n", "JSON", ("address.schema.json", "address", 1));
            using var dir = new TempDirectory();
            dir.Write("address.schema.json", "street!\ncity\n");
            dir.Write("customer.schema.json", "import address.schema.json\nname!\nnote\n");
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { ("address", 2), ("customer", 2) }, report.Registered.Select(r => (r.Subject, r.Version)));
            var customerV2 = server.Versions("customer").Last();
            Assert.Equal(("address.schema.json", "address", 2), customerV2.References.Single());
        }

        [Fact]
        public async Task Nothing_is_registered_when_one_contract_breaks()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            await registry.RegisterAsync("b", SchemaType.Json, "id!\n", Array.Empty<SchemaReference>());
            dir.Write("a.schema.json", "id!\n");
            dir.Write("b.schema.json", "id!\ncustomer!\n");

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.False(report.Succeeded);
            Assert.Contains("nothing registered", report.Message);
            Assert.Empty(await registry.GetVersionsAsync("a"));
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("b"));
        }

        [Fact]
        public async Task A_failure_half_way_in_the_embedded_registry_undoes_what_was_registered()
        {
            using var dir = new TempDirectory();
            dir.Write("a.schema.json", "id!\n");
            dir.Write("b.schema.json", "id!\n");
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            // "b" cannot get a directory: a plain file is in the way, so its registration fails after "a"'s.
            dir.Write("registry/subjects/b", "in the way");

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.False(report.Succeeded);
            Assert.IsType<RegistryUnavailableException>(report.Error);
            Assert.Contains("undid a v1", report.Message);
            Assert.Empty(report.Registered);
            Assert.Empty(await registry.GetVersionsAsync("a"));
            Assert.False(Directory.Exists(dir.Combine("registry", "subjects", "a")), "the directories created for the undone version are left");
        }

        [Fact]
        public async Task A_failure_half_way_in_the_remote_registry_reports_exactly_what_stayed_registered()
        {
            using var server = new FakeSchemaRegistry();
            using var dir = new TempDirectory();
            dir.Write("a.schema.json", "id!\n");
            dir.Write("b.schema.json", "id!\n");
            RegistryOptions options = ConfluentRegistryTests.Fast(server.Url);
            options.MaxRetries = 0;
            using var registry = new ConfluentRegistry(options);
            var contracts = ContractDiscovery.Find(dir.Path, null);
            var registrar = Registrar(registry, dir.Path);

            RegistrationReport report = await RegisterFailingAtSubjectAsync(server, registrar, contracts, "b");

            Assert.False(report.Succeeded);
            Assert.Equal(new[] { "a" }, report.Registered.Select(r => r.Subject));
            Assert.Contains("already registered and kept", report.Message);
            Assert.Single(server.Versions("a"));
            Assert.Empty(server.Versions("b")); // b is registered completely or not at all

            // Running again completes the rest; a is not registered twice.
            RegistrationReport again = await registrar.RegisterAsync(contracts);
            Assert.True(again.Succeeded, again.Message);
            Assert.Single(server.Versions("a"));
            Assert.Single(server.Versions("b"));
        }

        /// <summary>Runs the registrar while the server answers 503 to the registration of one subject.</summary>
        private static async Task<RegistrationReport> RegisterFailingAtSubjectAsync(FakeSchemaRegistry server, ContractRegistrar registrar,
            System.Collections.Generic.IReadOnlyList<Contract> contracts, string subject)
        {
            server.FailRegistrationOf = subject;
            try
            {
                return await registrar.RegisterAsync(contracts);
            }
            finally
            {
                server.FailRegistrationOf = null;
            }
        }
    }
}
