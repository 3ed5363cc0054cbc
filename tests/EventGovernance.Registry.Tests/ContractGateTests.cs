using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The gate over an embedded registry, with the test format standing in for the engines.</summary>
    public class ContractGateTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        private static ContractGate Gate(ISchemaRegistry registry, string root, CompatibilityLevel? level = null) =>
            new ContractGate(registry, new GateOptions { ContractsRoot = root, Compatibility = level }, _ => FieldListFormat.Instance);

        private static Contract ContractFor(string path, string? subject = null, CompatibilityLevel? level = null) =>
            new Contract(path, subject ?? ContractDiscovery.DefaultSubject(path), SchemaType.Json, level, displayPath: "contracts/" + Path.GetFileName(path));

        [Fact]
        public async Task Each_status_new_unchanged_compatible_breaking_invalid()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            await registry.RegisterAsync("same", SchemaType.Json, "id!\n", NoReferences);
            await registry.RegisterAsync("grows", SchemaType.Json, "id!\n", NoReferences);
            await registry.RegisterAsync("breaks", SchemaType.Json, "id!\n", NoReferences);
            var contracts = new[]
            {
                ContractFor(dir.Write("fresh.schema.json", "id!\n")),
                ContractFor(dir.Write("same.schema.json", "id!\n")),
                ContractFor(dir.Write("grows.schema.json", "id!\nnote\n")),
                ContractFor(dir.Write("breaks.schema.json", "id!\n\ncustomer!\n")),
                ContractFor(dir.Write("bad.schema.json", "id!\nna-me\n")),
            };

            IReadOnlyList<ContractResult> results = await Gate(registry, dir.Path).CheckAsync(contracts);

            Assert.Equal(new[] { ContractStatus.New, ContractStatus.Unchanged, ContractStatus.Compatible, ContractStatus.Breaking, ContractStatus.Invalid },
                results.Select(r => r.Status));
            Assert.All(results, r => Assert.Null(r.RegistryVerdict));

            Difference breaking = Assert.Single(results[3].Differences, d => !d.IsCompatible);
            Assert.Equal("REQUIRED_FIELD_ADDED", breaking.Type);
            Assert.Equal("contracts/breaks.schema.json", breaking.Location!.File);
            Assert.Equal((3, 1), (breaking.Location.Line, breaking.Location.Column));
            Assert.Contains("1 breaking change against version 1 of 'breaks' at BACKWARD", results[3].Message);

            SchemaException error = results[4].Error!;
            Assert.Equal("contracts/bad.schema.json", error.File);
            Assert.Equal((2, 3), (error.Line, error.Column));
        }

        [Fact]
        public async Task The_level_comes_from_contract_then_options_then_subject_then_global_then_backward()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            await registry.RegisterAsync("a", SchemaType.Json, "id\n", NoReferences);
            string file = dir.Write("a.schema.json", "id\nx\n");

            async Task<CompatibilityLevel> LevelAsync(CompatibilityLevel? onContract = null, CompatibilityLevel? onOptions = null) =>
                (await Gate(registry, dir.Path, onOptions).CheckAsync(new[] { ContractFor(file, level: onContract) })).Single().Level;

            Assert.Equal(CompatibilityLevel.Backward, await LevelAsync());
            await registry.SetCompatibilityAsync(null, CompatibilityLevel.Full);
            Assert.Equal(CompatibilityLevel.Full, await LevelAsync());
            await registry.SetCompatibilityAsync("a", CompatibilityLevel.Forward);
            Assert.Equal(CompatibilityLevel.Forward, await LevelAsync());
            Assert.Equal(CompatibilityLevel.None, await LevelAsync(onOptions: CompatibilityLevel.None));
            Assert.Equal(CompatibilityLevel.FullTransitive, await LevelAsync(CompatibilityLevel.FullTransitive, CompatibilityLevel.None));
        }

        [Fact]
        public async Task Transitive_levels_check_every_registered_version()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            // v1 lacks "note"; v2 has it; the candidate makes "note" required: fine against v2, breaking against v1.
            await registry.RegisterAsync("a", SchemaType.Json, "id!\n", NoReferences);
            await registry.RegisterAsync("a", SchemaType.Json, "id!\nnote!\n", NoReferences);
            string file = dir.Write("a.schema.json", "id!\nnote!\nextra\n");

            ContractResult latestOnly = (await Gate(registry, dir.Path, CompatibilityLevel.Backward).CheckAsync(new[] { ContractFor(file) })).Single();
            ContractResult all = (await Gate(registry, dir.Path, CompatibilityLevel.BackwardTransitive).CheckAsync(new[] { ContractFor(file) })).Single();

            Assert.Equal(ContractStatus.Compatible, latestOnly.Status);
            Assert.Equal(ContractStatus.Breaking, all.Status);
            Assert.Contains("every version up to 2", all.Message);
        }

        [Fact]
        public async Task History_versions_resolve_their_references_from_the_registry()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("registry"));
            await registry.RegisterAsync("common", SchemaType.Json, "tenant!\n", NoReferences);
            await registry.RegisterAsync("order", SchemaType.Json, "import common.txt\nid!\n", new[] { new SchemaReference("common.txt", "common", 1) });
            dir.Write("common.txt", "tenant!\n");
            string file = dir.Write("order.schema.json", "import common.txt\nid!\nnote\n");

            ContractResult result = (await Gate(registry, dir.Path).CheckAsync(new[] { ContractFor(file) })).Single();

            // Had the registered version's import not resolved, the check would be Invalid.
            Assert.Equal(ContractStatus.Compatible, result.Status);
            Assert.DoesNotContain(result.Differences, d => d.Path == "#/tenant");
        }

        [Fact]
        public async Task A_reference_outside_the_contracts_root_makes_the_contract_invalid()
        {
            using var dir = new TempDirectory();
            dir.Write("outside.txt", "x\n");
            string file = dir.Write("contracts/a.schema.json", "import ../outside.txt\nid\n");
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            ContractResult result = (await Gate(registry, dir.Combine("contracts")).CheckAsync(new[] { ContractFor(file) })).Single();

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("outside the contracts root", result.Message);
        }

        [Fact]
        public async Task A_malformed_registered_version_makes_the_contract_invalid_naming_the_registry_file()
        {
            using var dir = new TempDirectory();
            string registered = dir.Write("registry/subjects/a/versions/1.json", "id!\nbad-name\n");
            string file = dir.Write("a.schema.json", "id!\nnote\n");
            var registry = new EmbeddedRegistry(dir.Combine("registry"));

            ContractResult result = (await Gate(registry, dir.Path).CheckAsync(new[] { ContractFor(file) })).Single();

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Equal((registered, 2), (result.Error!.File, result.Error.Line));
        }

        [Fact]
        public async Task A_placeholder_engine_is_reported_as_invalid_not_thrown()
        {
            using var dir = new TempDirectory();
            string file = dir.Write("a.avsc", "{\"type\": \"string\"}");
            var gate = new ContractGate(new EmbeddedRegistry(dir.Combine("registry")), new GateOptions(),
                _ => throw new NotSupportedException("Avro schemas are not supported yet"));

            ContractResult result = (await gate.CheckAsync(new[] { new Contract(file, "a", SchemaType.Avro) })).Single();

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("not supported", result.Message);
        }
    }
}
