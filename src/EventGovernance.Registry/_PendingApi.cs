// TEMPORARY: declarations of the agreed registry API so the build task compiles before the
// registry library lands. Delete this file when the real implementation is merged.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    public sealed class RegistryOptions
    {
        public string Location { get; set; } = "";
        public string? BasicAuthUserInfo { get; set; }
        public string? BearerToken { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
        public int MaxRetries { get; set; } = 3;
        public static RegistryOptions FromEnvironment(string? location) => throw new NotImplementedException();
    }

    public static class SchemaRegistries
    {
        public static ISchemaRegistry Open(RegistryOptions options) => throw new NotImplementedException();
    }

    public sealed class EmbeddedRegistry : ISchemaRegistry
    {
        public EmbeddedRegistry(string rootDirectory) => throw new NotImplementedException();
        public string DisplayName => throw new NotImplementedException();
        public Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<bool?> TestCompatibilityAsync(string subject, SchemaType type, string text, IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<int> RegisterAsync(string subject, SchemaType type, string text, IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }

    public static class ContractDiscovery
    {
        public static IReadOnlyList<Contract> Find(string contractsRoot, string? registryDirectory) => throw new NotImplementedException();
        public static string DefaultSubject(string filePath) => throw new NotImplementedException();
        public static bool IsContractFile(string filePath) => throw new NotImplementedException();
    }

    public sealed class ContractGate : IContractGate
    {
        public ContractGate(ISchemaRegistry registry, GateOptions options) => throw new NotImplementedException();
        public Task<IReadOnlyList<ContractResult>> CheckAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    }
}
