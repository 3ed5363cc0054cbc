using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate and the registrar with the real Avro engine; a named type from another file is a schema reference by full name.</summary>
    public class AvroEndToEndTests
    {
        private const string Address =
            "{\n  \"type\": \"record\",\n  \"name\": \"Address\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"street\", \"type\": \"string\"}\n  ]\n}\n";

        private const string Customer =
            "{\n  \"type\": \"record\",\n  \"name\": \"Customer\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"name\", \"type\": \"string\"},\n    {\"name\": \"address\", \"type\": \"com.acme.Address\"}\n  ]\n}\n";

        private const string CustomerWithRequiredEmail =
            "{\n  \"type\": \"record\",\n  \"name\": \"Customer\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"name\", \"type\": \"string\"},\n    {\"name\": \"address\", \"type\": \"com.acme.Address\"},\n    {\"name\": \"email\", \"type\": \"string\"}\n  ]\n}\n";

        private const string CustomerWithOptionalEmail =
            "{\n  \"type\": \"record\",\n  \"name\": \"Customer\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"name\", \"type\": \"string\"},\n    {\"name\": \"address\", \"type\": \"com.acme.Address\"},\n    {\"name\": \"email\", \"type\": [\"null\", \"string\"], \"default\": null}\n  ]\n}\n";

        [Fact]
        public async Task A_type_from_another_contract_is_registered_as_a_reference_by_full_name()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/Address.avsc", Address);
            dir.Write("contracts/customer.avsc", Customer);
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            var options = dir.ContractsRootOptions();

            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { "Address", "customer" }, report.Registered.Select(r => r.Subject));
            SchemaReference reference = Assert.Single((await registry.GetSchemaAsync("customer", 1)).References);
            Assert.Equal(("com.acme.Address", "Address", 1), (reference.Name, reference.Subject, reference.Version));

            // A new field without a default breaks readers of old data; the history resolves the reference.
            string changed = dir.Write("contracts/customer.avsc", CustomerWithRequiredEmail);
            ContractResult breaking = (await dir.CheckContractsAsync(registry, options))
                .Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Breaking, breaking.Status);
            Difference difference = breaking.Differences.First(d => !d.IsCompatible);
            Assert.Equal(ContractDiscovery.DisplayPathOf(changed), difference.Location!.File);
            Assert.Equal(8, difference.Location.Line);

            dir.Write("contracts/customer.avsc", CustomerWithOptionalEmail);
            ContractResult compatible = (await dir.CheckContractsAsync(registry, options))
                .Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Compatible, compatible.Status);
        }

        [Fact]
        public async Task A_remote_registry_judges_avro_with_the_reference()
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            dir.Write("contracts/Address.avsc", Address);
            dir.Write("contracts/customer.avsc", Customer);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));
            var options = dir.ContractsRootOptions();

            RegistrationReport report = await dir.RegisterContractsAsync(registry, options);
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(("com.acme.Address", "Address", 1), server.Versions("customer").Single().References.Single());

            dir.Write("contracts/customer.avsc", CustomerWithRequiredEmail);
            ContractResult customer = (await dir.CheckContractsAsync(registry, options))
                .Single(r => r.Contract.Subject == "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Assert.False(customer.RegistryVerdict);
        }
    }
}
