using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    public class ContractDiscoveryTests
    {
        [Theory]
        [InlineData("contracts/orders.schema.json", "orders")]
        [InlineData("payment-value.avsc", "payment-value")]
        [InlineData("a/b/customer.v1.proto", "customer.v1")]
        [InlineData("ORDERS.SCHEMA.JSON", "ORDERS")]
        public void The_subject_is_the_file_name_without_the_contract_suffix(string path, string subject) =>
            Assert.Equal(subject, ContractDiscovery.DefaultSubject(path));

        [Theory]
        [InlineData("orders.schema.json", true)]
        [InlineData("orders.json", false)]
        [InlineData("x.avsc", true)]
        [InlineData("x.proto", true)]
        [InlineData("x.txt", false)]
        public void Contract_files_are_recognised_by_suffix(string path, bool expected) =>
            Assert.Equal(expected, ContractDiscovery.IsContractFile(path));

        [Fact]
        public void Finds_contracts_recursively_skipping_the_registry_and_build_output()
        {
            using var dir = new TempDirectory();
            dir.Write("orders.schema.json", "{}");
            dir.Write("billing/payment.avsc", "\"string\"");
            dir.Write("billing/customer.proto", "syntax = \"proto3\";");
            dir.Write("notes.json", "{}");
            dir.Write("registry/subjects/orders/versions/1.json", "{}");
            dir.Write("registry/subjects/x/versions/x.schema.json", "{}");
            dir.Write("obj/copy.schema.json", "{}");
            dir.Write(".git/y.avsc", "{}");

            var contracts = ContractDiscovery.Find(dir.Path, null);

            Assert.Equal(new[] { "customer", "payment", "orders" }, contracts.Select(c => c.Subject));
            Assert.Equal(new[] { SchemaType.Protobuf, SchemaType.Avro, SchemaType.Json }, contracts.Select(c => c.Type));
            Assert.All(contracts, c => Assert.True(Path.IsPathRooted(c.FilePath)));
        }

        [Fact]
        public void A_registry_directory_elsewhere_is_skipped_by_its_own_path()
        {
            using var dir = new TempDirectory();
            dir.Write("a.schema.json", "{}");
            dir.Write("schemas-registry/subjects/b/versions/b.schema.json", "{}");
            Assert.Equal(new[] { "a" }, ContractDiscovery.Find(dir.Path, dir.Combine("schemas-registry")).Select(c => c.Subject));
        }

        [Fact]
        public void Two_files_with_one_subject_are_an_error_naming_both()
        {
            using var dir = new TempDirectory();
            dir.Write("a/orders.schema.json", "{}");
            dir.Write("b/orders.avsc", "{}");
            var e = Assert.Throws<SchemaException>(() => ContractDiscovery.Find(dir.Path, null));
            Assert.Contains("orders.avsc", e.Message);
            Assert.Contains("orders.schema.json", e.Message);
        }

        [Fact]
        public void A_missing_contracts_directory_is_a_clear_error() =>
            Assert.Contains("does not exist", Assert.Throws<SchemaException>(() => ContractDiscovery.Find("/nonexistent/contracts", null)).Message);
    }
}
