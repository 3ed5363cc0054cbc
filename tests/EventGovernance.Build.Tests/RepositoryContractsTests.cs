using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Build.Tests;

/// <summary>
/// The repository's own contracts (<c>contracts/</c>) against their embedded registry history, in process.
/// The Avro events reference the shared envelope record <c>eventgovernance.envelope.EventEnvelope</c> by full
/// name; these tests pin that the reference is resolved, registered and read back from the registry.
/// Every test that changes anything works on a copy in a temporary directory.
/// </summary>
public sealed class RepositoryContractsTests : IDisposable
{
    private const string EnvelopeSubject = "eventgovernance.envelope.EventEnvelope";
    private const string EnvelopeFile = "envelope/eventgovernance.envelope.EventEnvelope.avsc";

    private readonly string _copy = Path.Combine(Path.GetTempPath(), "eg-repo-contracts", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_copy, recursive: true); } catch (IOException) { }
    }

    private static string RepositoryContracts
    {
        get
        {
            string contracts = Path.Combine(RepositoryPaths.Root, "contracts");
            Assert.True(Directory.Exists(contracts), $"the repository's contracts directory is missing: looked in {contracts}");
            return contracts;
        }
    }

    /// <summary>Copies the repository's contracts (registry included) and returns the copy's contracts root.</summary>
    private string CopyContracts()
    {
        string source = RepositoryContracts;
        string target = Path.Combine(_copy, "contracts");
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static void Edit(string path, string from, string to)
    {
        string text = File.ReadAllText(path);
        Assert.True(text.Contains(from, StringComparison.Ordinal), $"{path} no longer contains the text this test edits: {from}");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>An optional field in the payload of an Avro order event: compatible under every level.</summary>
    private static void AddOptionalNote(string contracts, string eventFile, string afterField)
    {
        Edit(Path.Combine(contracts, "orders", eventFile),
            $"\"name\": \"{afterField}\",",
            $"\"name\": \"note\",\n            \"type\": [\"null\", \"string\"],\n            \"default\": null\n          }},\n          {{\n            \"name\": \"{afterField}\",");
    }

    private static Task<IReadOnlyList<ContractResult>> Check(string contracts, CompatibilityLevel? level = null) =>
        new ContractGate(new EmbeddedRegistry(Path.Combine(contracts, "registry")),
                new GateOptions { ContractsRoot = contracts, Compatibility = level })
            .CheckAsync(ContractDiscovery.Find(contracts, null));

    private static string Describe(IEnumerable<ContractResult> results) =>
        string.Join("\n", results.Select(r => $"{r.Contract.Subject}: {r.Status}: {r.Message}"));

    [Fact]
    public async Task Every_repository_contract_passes_against_its_registered_history()
    {
        IReadOnlyList<ContractResult> results = await Check(RepositoryContracts);

        Assert.True(results.All(r => r.Status is ContractStatus.Unchanged or ContractStatus.Compatible), Describe(results));
        Assert.Contains(results, r => r.Contract.Subject == EnvelopeSubject && r.Contract.Type == SchemaType.Avro);
    }

    [Fact]
    public async Task Avro_history_resolves_the_envelope_through_its_registered_references()
    {
        string contracts = CopyContracts();
        AddOptionalNote(contracts, "order-paid.avsc", "currency");

        // Transitive: order-paid v1 (envelope v1) and v2 (envelope v2) are both parsed from the registry.
        ContractResult paid = (await Check(contracts, CompatibilityLevel.BackwardTransitive)).Single(r => r.Contract.Subject == "order-paid");
        Assert.True(paid.Status == ContractStatus.Compatible, paid.Message);

        // Without its references file the registered version cannot know the envelope type.
        File.Delete(Path.Combine(contracts, "registry", "subjects", "order-paid", "versions", "2.references.json"));
        ContractResult broken = (await Check(contracts)).Single(r => r.Contract.Subject == "order-paid");
        Assert.Equal(ContractStatus.Invalid, broken.Status);
        Assert.Contains("eventgovernance.envelope.EventEnvelope", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_changed_avro_event_records_the_envelope_reference()
    {
        string contracts = CopyContracts();
        AddOptionalNote(contracts, "order-refunded.avsc", "amount_cents");
        var registry = new EmbeddedRegistry(Path.Combine(contracts, "registry"));

        RegistrationReport report = await new ContractRegistrar(registry, new GateOptions { ContractsRoot = contracts })
            .RegisterAsync(ContractDiscovery.Find(contracts, null));

        Assert.True(report.Succeeded, report.Message);
        RegisteredContract refunded = report.Registered.Single(r => r.Subject == "order-refunded");
        Assert.Equal(("order-refunded", 2), (refunded.Subject, refunded.Version));
        SchemaReference reference = Assert.Single((await registry.GetSchemaAsync("order-refunded", 2)).References);
        Assert.Equal((EnvelopeSubject, EnvelopeSubject, 2), (reference.Name, reference.Subject, reference.Version));
        string written = File.ReadAllText(Path.Combine(contracts, "registry", "subjects", "order-refunded", "versions", "2.references.json"));
        Assert.Contains($"\"subject\": \"{EnvelopeSubject}\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_into_an_empty_registry_registers_the_envelope_first_and_references_it()
    {
        string contracts = CopyContracts();
        Directory.Delete(Path.Combine(contracts, "registry"), recursive: true);
        var registry = new EmbeddedRegistry(Path.Combine(contracts, "registry"));

        RegistrationReport report = await new ContractRegistrar(registry, new GateOptions { ContractsRoot = contracts })
            .RegisterAsync(ContractDiscovery.Find(contracts, null));

        Assert.True(report.Succeeded, report.Message);
        List<string> order = report.Registered.Select(r => r.Subject).ToList();
        foreach (string avroEvent in new[] { "order-paid", "order-refunded" })
        {
            Assert.True(order.IndexOf(EnvelopeSubject) < order.IndexOf(avroEvent), string.Join(", ", order));
            SchemaReference reference = Assert.Single(report.Registered.Single(r => r.Subject == avroEvent).References);
            Assert.Equal((EnvelopeSubject, EnvelopeSubject, 1), (reference.Name, reference.Subject, reference.Version));
        }
    }

    [Fact]
    public async Task A_breaking_change_in_the_avro_envelope_is_reported_at_its_line()
    {
        string contracts = CopyContracts();
        string envelope = Path.Combine(contracts, EnvelopeFile);
        Edit(envelope, "\"name\": \"event_version\",\n      \"type\": \"int\"", "\"name\": \"event_version\",\n      \"type\": \"string\"");
        int line = Array.FindIndex(File.ReadAllLines(envelope), l => l.Contains("\"event_version\"", StringComparison.Ordinal)) + 2;

        IReadOnlyList<ContractResult> results = await Check(contracts);

        ContractResult own = results.Single(r => r.Contract.Subject == EnvelopeSubject);
        Assert.Equal(ContractStatus.Breaking, own.Status);
        SourceLocation where = own.Differences.First(d => !d.IsCompatible).Location!;
        Assert.Equal((Path.GetFullPath(envelope), line), (Path.GetFullPath(where.File!), where.Line));
    }
}
