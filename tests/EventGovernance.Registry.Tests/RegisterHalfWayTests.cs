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
    /// <summary>
    /// A registration that fails half-way: the embedded registry is left byte for byte as it was (files and
    /// directories), a remote one is reported with exactly the subjects and versions that stayed registered.
    /// </summary>
    public class RegisterHalfWayTests
    {
        private static ContractRegistrar Registrar(ISchemaRegistry registry, string root) =>
            new ContractRegistrar(registry, new ContractGate(registry, new GateOptions { ContractsRoot = root }, _ => FieldListFormat.Instance));

        [Fact]
        public async Task A_failure_half_way_leaves_the_embedded_registry_exactly_as_it_was()
        {
            using var dir = new TempDirectory();
            string root = dir.Combine("registry");
            Directory.CreateDirectory(root);
            var registry = new EmbeddedRegistry(root);
            await registry.SetCompatibilityAsync(null, CompatibilityLevel.Backward);
            await registry.RegisterAsync("changed", SchemaType.Json, "id!\n", Array.Empty<SchemaReference>());
            await registry.SetCompatibilityAsync("changed", CompatibilityLevel.Full);
            dir.Write("brand-new.schema.json", "id!\n");      // a new subject: its directories are created
            dir.Write("changed.schema.json", "id!\nnote\n");  // a new version of an existing subject
            dir.Write("zz-blocked.schema.json", "id!\n");     // registered last, and it cannot be
            // A plain file where "zz-blocked"'s directory must go: its registration fails after the other two.
            dir.Write("registry/subjects/zz-blocked", "in the way");
            IReadOnlyList<string> before = DirectorySnapshot.Take(root);

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.False(report.Succeeded);
            Assert.Contains("undid brand-new v1, changed v2", report.Message);
            Assert.Empty(report.Registered);
            Assert.Equal(before, DirectorySnapshot.Take(root));
        }

        [Fact]
        public async Task A_failure_half_way_in_a_remote_registry_names_each_subject_and_version_that_stayed()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("changed", "id!\n");
            using var dir = new TempDirectory();
            dir.Write("brand-new.schema.json", "id!\n");
            dir.Write("changed.schema.json", "id!\nnote\n");
            dir.Write("zz-blocked.schema.json", "id!\n");
            RegistryOptions options = ConfluentRegistryTests.Fast(server.Url);
            options.MaxRetries = 0;
            using var registry = new ConfluentRegistry(options);
            server.FailRegistrationOf = "zz-blocked";

            RegistrationReport report = await Registrar(registry, dir.Path).RegisterAsync(ContractDiscovery.Find(dir.Path, null));

            Assert.False(report.Succeeded);
            Assert.Equal(new[] { ("brand-new", 1), ("changed", 2) }, report.Registered.Select(r => (r.Subject, r.Version)));
            Assert.StartsWith("registration stopped: ", report.Message);
            Assert.Contains("registering 'zz-blocked'", report.Message);
            Assert.EndsWith("already registered and kept (the registry cannot take them back; run again to register the rest): brand-new v1, changed v2", report.Message);
            Assert.Equal(new[] { 1 }, server.Versions("brand-new").Select(v => v.Number));
            Assert.Equal(new[] { 1, 2 }, server.Versions("changed").Select(v => v.Number));
            Assert.Empty(server.Versions("zz-blocked"));
        }
    }
}
