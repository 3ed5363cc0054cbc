using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate and the registrar with the real JSON Schema engine; a <c>$ref</c> to a sibling contract is a schema reference.</summary>
    public class JsonEndToEndTests
    {
        private const string Address =
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"street\": {\"type\": \"string\"}\n  },\n  \"additionalProperties\": false\n}\n";

        private const string Customer =
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"name\": {\"type\": \"string\"},\n    \"address\": {\"$ref\": \"address.schema.json\"}\n  },\n  \"additionalProperties\": false\n}\n";

        [Fact]
        public async Task A_ref_to_a_sibling_contract_is_registered_as_a_reference_and_resolved_in_history()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/address.schema.json", Address);
            dir.Write("contracts/customer.schema.json", Customer);
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            var options = dir.ContractsRootOptions();

            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);

            Assert.True(report.Succeeded, report.Message);
            SchemaReference reference = Assert.Single((await registry.GetSchemaAsync("customer", 1)).References);
            Assert.Equal(("address.schema.json", "address", 1), (reference.Name, reference.Subject, reference.Version));

            // Changing a property's type breaks readers; the difference points at the line of the change.
            string changed = dir.Write("contracts/customer.schema.json", Customer.Replace("\"name\": {\"type\": \"string\"}", "\"name\": {\"type\": \"integer\"}"));
            ContractResult customer = (await dir.CheckContractsAsync(registry, options))
                .Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Difference breaking = customer.Differences.First(d => !d.IsCompatible);
            Assert.Equal(ContractDiscovery.DisplayPathOf(changed), breaking.Location!.File);
            Assert.Equal(4, breaking.Location.Line);
        }

        [Fact]
        public async Task A_new_contract_referencing_a_file_that_is_not_a_contract_fails_the_check_as_register_would()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/common/address.json", Address);
            dir.Write("contracts/customer.schema.json", Customer.Replace("address.schema.json", "common/address.json"));
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            var options = dir.ContractsRootOptions();

            ContractResult customer = Assert.Single(await dir.CheckContractsAsync(registry, options));

            // It used to pass as new, and only `register` found that the registry could never resolve the reference.
            Assert.Equal(ContractStatus.Invalid, customer.Status);
            Assert.Contains("reference 'common/address.json' resolves to", customer.Error!.Problem);
            Assert.Contains("which is not a contract", customer.Error.Problem);
            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);
            Assert.False(report.Succeeded);
            Assert.Empty(await registry.GetSubjectsAsync());
        }

        [Fact]
        public async Task A_remote_registry_receives_the_ref_as_a_reference()
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            dir.Write("contracts/address.schema.json", Address);
            dir.Write("contracts/customer.schema.json", Customer);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));
            var options = dir.ContractsRootOptions();

            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(("address.schema.json", "address", 1), server.Versions("customer").Single().References.Single());

            // A compatible change to the referenced contract is registered first, and the referencing one points at it.
            dir.Write("contracts/address.schema.json", Address.Replace("\"street\": {\"type\": \"string\"}", "\"street\": {\"type\": \"string\"},\n    \"city\": {\"type\": \"string\"}"));
            dir.Write("contracts/customer.schema.json", Customer.Replace("\"name\": {\"type\": \"string\"}", "\"name\": {\"type\": \"string\"},\n    \"note\": {\"type\": \"string\"}"));
            RegistrationReport second = await dir.RegisterContractsAsync(registry, options);
            Assert.True(second.Succeeded, second.Message);
            Assert.Equal(("address.schema.json", "address", 2), server.Versions("customer").Last().References.Single());
        }

        [Fact]
        public async Task A_remote_ref_makes_the_contract_invalid()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "{\n  \"properties\": {\n    \"x\": {\"$ref\": \"https://example.com/x.json\"}\n  }\n}\n");
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            ContractResult result = (await dir.CheckContractsAsync(registry, dir.ContractsRootOptions())).Single();

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Equal(3, result.Error!.Line);
            Assert.Contains("remote reference", result.Error.Problem);
        }
    }
}
