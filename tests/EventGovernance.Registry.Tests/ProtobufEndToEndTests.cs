using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate and the registrar with the real Protobuf engine, imports registered as schema references.</summary>
    public class ProtobufEndToEndTests
    {
        private const string Address = "syntax = \"proto3\";\npackage shop;\n\nmessage Address {\n  string street = 1;\n}\n";
        private const string Customer = "syntax = \"proto3\";\npackage shop;\nimport \"address.proto\";\n\nmessage Customer {\n  string name = 1;\n  Address address = 2;\n}\n";

        [Fact]
        public async Task Imports_are_registered_as_references_and_history_resolves_them_in_the_embedded_registry()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/address.proto", Address);
            dir.Write("contracts/customer.proto", Customer);
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            var options = dir.ContractsRootOptions();

            RegistrationReport first = await dir.RegisterContractsAsync(registry, options);
            Assert.True(first.Succeeded, first.Message);
            SchemaReference reference = Assert.Single((await registry.GetSchemaAsync("customer", 1)).References);
            Assert.Equal(("address.proto", "address", 1), (reference.Name, reference.Subject, reference.Version));

            // Changing a field's type breaks readers; the difference points into the contract file.
            string changed = dir.Write("contracts/customer.proto", Customer.Replace("string name = 1;", "int64 name = 1;"));
            IReadOnlyList<ContractResult> results = await dir.CheckContractsAsync(registry, options);
            ContractResult customer = results.Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Difference breaking = customer.Differences.First(d => !d.IsCompatible);
            Assert.Equal(ContractDiscovery.DisplayPathOf(changed), breaking.Location!.File);
            Assert.Equal(6, breaking.Location.Line);

            // Adding a field is fine, and the registered history still resolves its import.
            dir.Write("contracts/customer.proto", Customer.Replace("Address address = 2;", "Address address = 2;\n  string email = 3;"));
            results = await dir.CheckContractsAsync(registry, options);
            Assert.Equal(ContractStatus.Compatible, results.Single(r => r.Contract.Subject == "customer").Status);
        }

        [Fact]
        public async Task A_remote_registry_receives_the_import_as_a_reference_and_judges_with_it()
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            dir.Write("contracts/address.proto", Address);
            dir.Write("contracts/customer.proto", Customer);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));
            var options = dir.ContractsRootOptions();

            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(("address.proto", "address", 1), server.Versions("customer").Single().References.Single());

            dir.Write("contracts/customer.proto", Customer.Replace("string name = 1;", "int64 name = 1;"));
            ContractResult customer = (await dir.CheckContractsAsync(registry, options))
                .Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Assert.False(customer.RegistryVerdict);
        }
    }
}
