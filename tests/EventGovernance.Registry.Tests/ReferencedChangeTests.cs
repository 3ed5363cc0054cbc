using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>
    /// Compatibility is a property of the resolved schema: a contract whose own text is unchanged but whose
    /// referenced schema changed is a changed contract, checked and registered with the new referenced content.
    /// </summary>
    public class ReferencedChangeTests
    {
        // A shared file whose root accepts anything: only its definition is used, by a $ref with a fragment.
        private const string Money =
            "{\n  \"$defs\": {\n    \"money\": {\n      \"type\": \"object\",\n      \"properties\": {\n        \"amount\": {\"type\": \"number\"},\n        \"currency\": {\"type\": \"string\"}\n      },\n      \"additionalProperties\": false\n    }\n  }\n}\n";

        private const string MoneyAmountString = "\"amount\": {\"type\": \"string\"}";
        private const string MoneyWithNote = "\"currency\": {\"type\": \"string\"},\n        \"note\": {\"type\": \"string\"}";

        private const string OrderPlaced =
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"string\"},\n    \"total\": {\"$ref\": \"common/money.schema.json#/$defs/money\"}\n  },\n  \"additionalProperties\": false\n}\n";

        private const string OrderRefunded =
            "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"refund\": {\"$ref\": \"common/money.schema.json#/$defs/money\"}\n  },\n  \"additionalProperties\": false\n}\n";

        private const string AvroAddress =
            "{\n  \"type\": \"record\",\n  \"name\": \"Address\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"street\", \"type\": \"string\"}\n  ]\n}\n";

        private const string AvroCustomer =
            "{\n  \"type\": \"record\",\n  \"name\": \"Customer\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"name\", \"type\": \"string\"},\n    {\"name\": \"address\", \"type\": \"com.acme.Address\"}\n  ]\n}\n";

        private const string ProtoAddress = "syntax = \"proto3\";\npackage shop;\n\nmessage Address {\n  string street = 1;\n}\n";
        private const string ProtoCustomer = "syntax = \"proto3\";\npackage shop;\nimport \"address.proto\";\n\nmessage Customer {\n  string name = 1;\n  Address address = 2;\n}\n";

        private static string MoneyPath(TempDirectory dir) => dir.Combine("contracts", "common", "money.schema.json");

        private static async Task<EmbeddedRegistry> RegisteredAsync(TempDirectory dir)
        {
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            RegistrationReport first = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(first.Succeeded, first.Message);
            return registry;
        }

        private static ContractResult Of(IReadOnlyList<ContractResult> results, string subject) =>
            results.Single(r => r.Contract.Subject == subject);

        private static bool Same(string? a, string b) => a != null && Path.GetFullPath(a) == Path.GetFullPath(b);

        [Fact]
        public async Task Json_a_breaking_change_only_inside_the_referenced_file_breaks_the_referencing_contract_at_that_file()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/order-placed.schema.json", OrderPlaced);
            EmbeddedRegistry registry = await RegisteredAsync(dir);

            dir.Write("contracts/common/money.schema.json", Money.Replace("\"amount\": {\"type\": \"number\"}", MoneyAmountString));
            IReadOnlyList<ContractResult> results = await dir.CheckContractsAsync(registry, dir.ContractsRootOptions());

            ContractResult order = Of(results, "order-placed");
            Assert.Equal(ContractStatus.Breaking, order.Status);
            Difference breaking = order.Differences.First(d => !d.IsCompatible);
            Assert.True(Same(breaking.Location!.File, MoneyPath(dir)), breaking.Location.File);
            Assert.Equal(6, breaking.Location.Line);
            // The shared file's own root accepts anything: by the registry's rules it is not breaking itself.
            Assert.NotEqual(ContractStatus.Unchanged, Of(results, "money").Status);

            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.False(report.Succeeded);
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("money"));
        }

        [Fact]
        public async Task Json_a_compatible_referenced_change_registers_the_referencing_contract_again_pointing_at_the_new_version()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/order-placed.schema.json", OrderPlaced);
            dir.Write("contracts/order-refunded.schema.json", OrderRefunded);
            EmbeddedRegistry registry = await RegisteredAsync(dir);

            dir.Write("contracts/common/money.schema.json", Money.Replace("\"currency\": {\"type\": \"string\"}", MoneyWithNote));
            IReadOnlyList<ContractResult> results = await dir.CheckContractsAsync(registry, dir.ContractsRootOptions());
            Assert.Equal(ContractStatus.Compatible, Of(results, "order-placed").Status);
            Assert.Equal(ContractStatus.Compatible, Of(results, "order-refunded").Status);
            Assert.Contains("references changed", Of(results, "order-placed").Message);

            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal("money", report.Registered.First().Subject); // referenced first
            Assert.Equal(new[] { ("money", 2), ("order-placed", 2), ("order-refunded", 2) },
                report.Registered.Select(r => (r.Subject, r.Version)).OrderBy(r => r.Subject));
            foreach (string subject in new[] { "order-placed", "order-refunded" })
            {
                RegisteredSchema v2 = await registry.GetSchemaAsync(subject, 2);
                Assert.Equal(("common/money.schema.json", "money", 2), (v2.References.Single().Name, v2.References.Single().Subject, v2.References.Single().Version));
                Assert.Equal((await registry.GetSchemaAsync(subject, 1)).Text, v2.Text); // same text, new references: a new version
            }

            // Registered now: every contract is unchanged, and registering again does nothing.
            Assert.All(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), r => Assert.Equal(ContractStatus.Unchanged, r.Status));
            Assert.Empty((await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions())).Registered);
        }

        [Fact]
        public async Task Json_a_change_two_references_away_changes_every_contract_on_the_way_and_registers_from_the_bottom()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/common/line.schema.json",
                "{\n  \"$defs\": {\n    \"line\": {\n      \"type\": \"object\",\n      \"properties\": {\n        \"price\": {\"$ref\": \"money.schema.json#/$defs/money\"}\n      },\n      \"additionalProperties\": false\n    }\n  }\n}\n");
            dir.Write("contracts/order-placed.schema.json", OrderPlaced.Replace("common/money.schema.json#/$defs/money", "common/line.schema.json#/$defs/line"));
            EmbeddedRegistry registry = await RegisteredAsync(dir);

            dir.Write("contracts/common/money.schema.json", Money.Replace("\"amount\": {\"type\": \"number\"}", MoneyAmountString));
            ContractResult breaking = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), "order-placed");
            Assert.Equal(ContractStatus.Breaking, breaking.Status);
            Assert.True(Same(breaking.Differences.First(d => !d.IsCompatible).Location!.File, MoneyPath(dir)));

            dir.Write("contracts/common/money.schema.json", Money.Replace("\"currency\": {\"type\": \"string\"}", MoneyWithNote));
            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { "money", "line", "order-placed" }, report.Registered.Select(r => r.Subject));
            Assert.Equal(2, (await registry.GetSchemaAsync("line", 2)).References.Single().Version);
            SchemaReference toLine = (await registry.GetSchemaAsync("order-placed", 2)).References.Single();
            Assert.Equal(("line", 2), (toLine.Subject, toLine.Version));
        }

        [Fact]
        public async Task A_failed_registration_of_the_referencing_contract_takes_back_the_referenced_version()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/order-placed.schema.json", OrderPlaced);
            EmbeddedRegistry registry = await RegisteredAsync(dir);
            dir.Write("contracts/common/money.schema.json", Money.Replace("\"currency\": {\"type\": \"string\"}", MoneyWithNote));
            registry.BeforeCommit = path =>
            {
                if (path.Contains("order-placed") && path.EndsWith("2.json")) throw new IOException("disk full");
            };

            RegistrationReport report = await new ContractRegistrar(registry, dir.ContractsRootOptions()).RegisterAsync(dir.Contracts());

            Assert.False(report.Succeeded);
            Assert.Contains("undid money v2", report.Message);
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("money"));
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("order-placed"));
        }

        [Fact]
        public async Task Avro_a_changed_named_type_from_another_file_changes_the_contract_using_it()
        {
            using var dir = new TempDirectory();
            string address = dir.Write("contracts/Address.avsc", AvroAddress);
            dir.Write("contracts/customer.avsc", AvroCustomer);
            EmbeddedRegistry registry = await RegisteredAsync(dir);

            dir.Write("contracts/Address.avsc", AvroAddress.Replace("{\"name\": \"street\", \"type\": \"string\"}", "{\"name\": \"street\", \"type\": \"int\"}"));
            ContractResult customer = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Assert.True(Same(customer.Differences.First(d => !d.IsCompatible).Location!.File, address));

            dir.Write("contracts/Address.avsc", AvroAddress.Replace("\"type\": \"string\"}", "\"type\": \"string\"},\n    {\"name\": \"city\", \"type\": \"string\", \"default\": \"\"}"));
            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { ("Address", 2), ("customer", 2) }, report.Registered.Select(r => (r.Subject, r.Version)));
            SchemaReference reference = (await registry.GetSchemaAsync("customer", 2)).References.Single();
            Assert.Equal(("com.acme.Address", "Address", 2), (reference.Name, reference.Subject, reference.Version));
        }

        [Fact]
        public async Task Protobuf_a_changed_import_changes_the_contract_importing_it()
        {
            using var dir = new TempDirectory();
            string address = dir.Write("contracts/address.proto", ProtoAddress);
            dir.Write("contracts/customer.proto", ProtoCustomer);
            EmbeddedRegistry registry = await RegisteredAsync(dir);

            dir.Write("contracts/address.proto", ProtoAddress.Replace("string street = 1;", "int64 street = 1;"));
            ContractResult customer = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), "customer");
            Assert.Equal(ContractStatus.Breaking, customer.Status);
            Difference breaking = customer.Differences.First(d => !d.IsCompatible);
            Assert.True(Same(breaking.Location!.File, address), breaking.Location.File);
            Assert.Equal(5, breaking.Location.Line);

            dir.Write("contracts/address.proto", ProtoAddress.Replace("string street = 1;", "string street = 1;\n  string city = 2;"));
            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { ("address", 2), ("customer", 2) }, report.Registered.Select(r => (r.Subject, r.Version)));
            SchemaReference reference = (await registry.GetSchemaAsync("customer", 2)).References.Single();
            Assert.Equal(("address.proto", "address", 2), (reference.Name, reference.Subject, reference.Version));
        }

        public static IEnumerable<object[]> BreakingReferencedChanges() => new[]
        {
            new object[] { "common/money.schema.json", Money, "order-placed.schema.json", OrderPlaced, "\"amount\": {\"type\": \"number\"}", MoneyAmountString, "order-placed" },
            new object[] { "Address.avsc", AvroAddress, "customer.avsc", AvroCustomer, "\"type\": \"string\"}\n", "\"type\": \"int\"}\n", "customer" },
            new object[] { "address.proto", ProtoAddress, "customer.proto", ProtoCustomer, "string street = 1;", "int64 street = 1;", "customer" },
        };

        [Theory]
        [MemberData(nameof(BreakingReferencedChanges))]
        public async Task A_remote_registry_is_not_asked_about_old_referenced_content_when_the_referenced_contract_changed_here(
            string referencedFile, string referenced, string referencingFile, string referencing, string from, string to, string subject)
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            dir.Write("contracts/" + referencedFile, referenced);
            dir.Write("contracts/" + referencingFile, referencing);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));
            RegistrationReport first = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(first.Succeeded, first.Message);

            dir.Write("contracts/" + referencedFile, referenced.Replace(from, to));
            ContractResult result = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), subject);

            // Asked with references to the registered (old) referenced version, the registry would accept it.
            Assert.Equal(ContractStatus.Breaking, result.Status);
            Assert.Null(result.RegistryVerdict);
            Assert.Contains("not asked", result.Message);
            Assert.DoesNotContain(server.Requests, r => r.StartsWith("POST /compatibility/subjects/" + subject + "/", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_remote_registry_registers_the_referencing_contract_again_with_the_new_reference_version()
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            dir.Write("contracts/common/money.schema.json", Money);
            dir.Write("contracts/order-placed.schema.json", OrderPlaced);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));
            Assert.True((await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions())).Succeeded);

            dir.Write("contracts/common/money.schema.json", Money.Replace("\"currency\": {\"type\": \"string\"}", MoneyWithNote));
            ContractResult order = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), "order-placed");
            Assert.Equal(ContractStatus.Compatible, order.Status);

            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());
            Assert.True(report.Succeeded, report.Message);
            var versions = server.Versions("order-placed");
            Assert.Equal(2, versions.Count);
            Assert.Equal(("common/money.schema.json", "money", 2), versions.Last().References.Single());

            // With the referenced contract registered, the registry judges again (nothing changed in the references).
            ContractResult again = Of(await dir.CheckContractsAsync(registry, dir.ContractsRootOptions()), "order-placed");
            Assert.Equal(ContractStatus.Unchanged, again.Status);
        }
    }
}
