using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate against a remote registry: the registry's verdict wins, our engine adds the detail.</summary>
    public class RemoteGateTests
    {
        private static ContractGate Gate(ISchemaRegistry registry, string root) =>
            new ContractGate(registry, new GateOptions { ContractsRoot = root }, _ => FieldListFormat.Instance);

        private static Contract ContractFor(string path) =>
            new Contract(path, ContractDiscovery.DefaultSubject(path), SchemaType.Json);

        [Fact]
        public async Task New_compatible_and_breaking_contracts_carry_the_registry_verdict()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("grows", "id!\n");
            server.Seed("breaks", "id!\n");
            using var dir = new TempDirectory();
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));

            IReadOnlyList<ContractResult> results = await Gate(registry, dir.Path).CheckAsync(new[]
            {
                ContractFor(dir.Write("fresh.schema.json", "id!\n")),
                ContractFor(dir.Write("grows.schema.json", "id!\nnote\n")),
                ContractFor(dir.Write("breaks.schema.json", "id!\ncustomer!\n")),
            });

            Assert.Equal(new[] { ContractStatus.New, ContractStatus.Compatible, ContractStatus.Breaking }, results.Select(r => r.Status));
            Assert.Equal(new bool?[] { null, true, false }, results.Select(r => r.RegistryVerdict));
            Assert.Equal(2, results[2].Differences.First(d => !d.IsCompatible).Location!.Line);
            Assert.DoesNotContain("verdict wins", results[2].Message);
        }

        [Fact]
        public async Task When_the_registry_disagrees_its_verdict_wins_and_the_message_says_so()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("a", "id!\n");
            server.Seed("b", "id!\n");
            // A scripted verdict: the server rejects "a" and accepts "b", whatever our engine says.
            server.Verdict = (subject, level, history, candidate) => subject == "b";
            using var dir = new TempDirectory();
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));

            IReadOnlyList<ContractResult> results = await Gate(registry, dir.Path).CheckAsync(new[]
            {
                ContractFor(dir.Write("a.schema.json", "id!\nnote\n")),      // our engine: compatible
                ContractFor(dir.Write("b.schema.json", "id!\ncustomer!\n")), // our engine: breaking
            });

            Assert.Equal(ContractStatus.Breaking, results[0].Status);
            Assert.Contains("rejects it although our engine found no breaking change", results[0].Message);
            Assert.Equal(ContractStatus.Compatible, results[1].Status);
            Assert.Contains("accepts it although our engine found breaking changes", results[1].Message);
            Assert.Contains(results[1].Differences, d => !d.IsCompatible); // the detail is still there
        }

        [Fact]
        public async Task A_referencing_contract_is_checked_with_schema_references()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("address", "street!\n");
            server.Seed("customer", "import address.schema.json\nname!\n", "JSON", ("address.schema.json", "address", 1));
            using var dir = new TempDirectory();
            string address = dir.Write("address.schema.json", "street!\n");
            string customer = dir.Write("customer.schema.json", "import address.schema.json\nname!\nnote\n");
            using var registry = new ConfluentRegistry(ConfluentRegistryTests.Fast(server.Url));

            IReadOnlyList<ContractResult> results = await Gate(registry, dir.Path).CheckAsync(new[] { ContractFor(address), ContractFor(customer) });

            Assert.Equal(ContractStatus.Unchanged, results[0].Status);
            Assert.Equal(ContractStatus.Compatible, results[1].Status);
            Assert.True(results[1].RegistryVerdict); // the server could resolve the reference we sent
        }
    }
}
