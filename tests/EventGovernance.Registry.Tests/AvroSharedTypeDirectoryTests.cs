using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>
    /// A shared Avro type kept in a directory of its own (<c>contracts/shared/</c>) and used by full name from
    /// contracts elsewhere (<c>contracts/billing/</c>): found through the contracts of the run, registered as a
    /// reference by full name, for the embedded and the remote registry.
    /// </summary>
    public class AvroSharedTypeDirectoryTests
    {
        private const string Money =
            "{\n  \"type\": \"record\",\n  \"name\": \"Money\",\n  \"namespace\": \"com.acme.shared\",\n  \"fields\": [\n    {\"name\": \"cents\", \"type\": \"long\"},\n    {\"name\": \"currency\", \"type\": \"string\"}\n  ]\n}\n";

        private const string Invoice =
            "{\n  \"type\": \"record\",\n  \"name\": \"Invoice\",\n  \"namespace\": \"com.acme.billing\",\n  \"fields\": [\n    {\"name\": \"invoice_id\", \"type\": \"string\"},\n    {\"name\": \"total\", \"type\": \"com.acme.shared.Money\"}\n  ]\n}\n";

        private static string InvoiceWith(string extraField) => Invoice.Replace("\"com.acme.shared.Money\"}", "\"com.acme.shared.Money\"},\n    " + extraField);

        private static void WriteContracts(TempDirectory dir)
        {
            dir.Write("contracts/shared/com.acme.shared.Money.avsc", Money);
            dir.Write("contracts/billing/invoice.avsc", Invoice);
        }

        private static Task<IReadOnlyList<ContractResult>> Check(ISchemaRegistry registry, TempDirectory dir) =>
            dir.CheckContractsAsync(registry, dir.ContractsRootOptions());

        [Fact]
        public async Task A_type_in_a_sibling_directory_is_found_and_registered_by_full_name()
        {
            using var dir = new TempDirectory();
            WriteContracts(dir);
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { "com.acme.shared.Money", "invoice" }, report.Registered.Select(r => r.Subject));
            SchemaReference reference = Assert.Single((await registry.GetSchemaAsync("invoice", 1)).References);
            Assert.Equal(("com.acme.shared.Money", "com.acme.shared.Money", 1), (reference.Name, reference.Subject, reference.Version));

            // The registered history reads Money from the registry; a required field added to Invoice breaks it.
            string changed = dir.Write("contracts/billing/invoice.avsc", InvoiceWith("{\"name\": \"due\", \"type\": \"long\"}"));
            ContractResult breaking = (await Check(registry, dir)).Single(r => r.Contract.Subject == "invoice");
            Assert.Equal(ContractStatus.Breaking, breaking.Status);
            SourceLocation where = breaking.Differences.First(d => !d.IsCompatible).Location!;
            Assert.Equal((ContractDiscovery.DisplayPathOf(changed), 8), (where.File, where.Line));

            dir.Write("contracts/billing/invoice.avsc", InvoiceWith("{\"name\": \"due\", \"type\": [\"null\", \"long\"], \"default\": null}"));
            Assert.Equal(ContractStatus.Compatible, (await Check(registry, dir)).Single(r => r.Contract.Subject == "invoice").Status);
        }

        [Fact]
        public async Task A_remote_registry_receives_the_reference_to_the_type_in_a_sibling_directory()
        {
            using var server = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            using var dir = new TempDirectory();
            WriteContracts(dir);
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));

            RegistrationReport report = await dir.RegisterContractsAsync(registry, dir.ContractsRootOptions());

            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(("com.acme.shared.Money", "com.acme.shared.Money", 1), server.Versions("invoice").Single().References.Single());
        }

        [Fact]
        public async Task A_type_no_contract_defines_is_an_error_at_its_line()
        {
            using var dir = new TempDirectory();
            dir.Write("contracts/billing/invoice.avsc", Invoice);
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            ContractResult invoice = Assert.Single(await Check(registry, dir));

            Assert.Equal(ContractStatus.Invalid, invoice.Status);
            Assert.Equal(7, invoice.Error!.Line);
            Assert.Contains("unknown type \"com.acme.shared.Money\"", invoice.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_file_references_still_resolve_relative_to_the_referencing_file_only()
        {
            // The Avro name lookup must not widen JSON $ref: a bare file name in another directory is not found.
            using var dir = new TempDirectory();
            dir.Write("contracts/shared/money.schema.json", "{\"type\": \"object\", \"properties\": {\"cents\": {\"type\": \"integer\"}}}\n");
            dir.Write("contracts/billing/invoice.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"total\": {\"$ref\": \"money.schema.json\"}\n  }\n}\n");
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            ContractResult invoice = (await Check(registry, dir)).Single(r => r.Contract.Subject == "invoice");

            Assert.Equal(ContractStatus.Invalid, invoice.Status);
            Assert.Contains("money.schema.json", invoice.Message, StringComparison.Ordinal);
        }
    }
}
