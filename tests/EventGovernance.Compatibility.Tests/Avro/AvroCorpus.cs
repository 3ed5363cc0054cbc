using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Avro;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>
/// The Avro conformance cases in ../shared/corpus/avro beside the repository root. The files are
/// found by walking up from the test binaries to the directory holding EventGovernance.sln; a missing
/// corpus fails the tests with the places searched rather than skipping them.
/// </summary>
internal static class AvroCorpus
{
    private static readonly Lazy<string> Directory = new(FindCorpusDirectory);
    private static readonly Lazy<IReadOnlyList<AvroPairCase>> LazyPairs = new(LoadPairs);
    private static readonly Lazy<IReadOnlyList<AvroSequenceCase>> LazySequences = new(LoadSequences);

    public static IReadOnlyList<AvroPairCase> Pairs => LazyPairs.Value;
    public static IReadOnlyList<AvroSequenceCase> Sequences => LazySequences.Value;

    /// <summary>Row indexes for xunit theories (the data itself is loaded inside the test, so a missing corpus fails the test).</summary>
    public static IEnumerable<object[]> PairIndexes() => Enumerable.Range(0, ExpectedPairCount).Select(i => new object[] { i });

    public static IEnumerable<object[]> SequenceIndexes() => Enumerable.Range(0, ExpectedSequenceCount).Select(i => new object[] { i });

    /// <summary>The corpus README's counts; a test checks the files still hold exactly this many.</summary>
    public const int ExpectedPairCount = 106;
    public const int ExpectedSequenceCount = 22;

    /// <summary>A schema as indented text, so that line numbers in reports are meaningful.</summary>
    public static SchemaSource Source(JToken schema, string name) =>
        new(schema.ToString(Formatting.Indented), SchemaType.Avro, name);

    public static ParsedSchema Parse(JToken schema, string name) => SchemaFormats.Avro.Parse(Source(schema, name));

    private static string FindCorpusDirectory() => RepositoryPaths.CorpusDirectory("avro");

    private static JArray LoadArray(string fileName)
    {
        string path = Path.Combine(Directory.Value, fileName);
        if (!File.Exists(path))
            throw new InvalidOperationException($"the Avro corpus file is missing: {path}");
        return JArray.Parse(File.ReadAllText(path));
    }

    private static IReadOnlyList<AvroPairCase> LoadPairs() =>
        LoadArray("avro-compat-cases.json").Select((c, i) => new AvroPairCase(
            i,
            (string)c["description"]!,
            c["reader"]!,
            c["writer"]!,
            (bool)c["compatible"]!,
            ((JArray)c["java_incompatibilities"]!).Select(x => new JavaIncompatibility((string)x["type"]!, (string)x["location"]!, (string)x["message"]!)).ToList()))
        .ToList();

    private static IReadOnlyList<AvroSequenceCase> LoadSequences() =>
        LoadArray("avro-transitive-cases.json").Select((c, i) => new AvroSequenceCase(
            i,
            (string)c["description"]!,
            (string)c["level"]!,
            ((JArray)c["history"]!).ToList(),
            c["candidate"]!,
            (bool)c["compatible"]!))
        .ToList();
}

internal sealed record JavaIncompatibility(string Type, string Location, string Message);

internal sealed record AvroPairCase(int Index, string Description, JToken Reader, JToken Writer, bool Compatible, IReadOnlyList<JavaIncompatibility> JavaIncompatibilities)
{
    public IReadOnlyList<Difference> Check()
    {
        ParsedSchema writer = AvroCorpus.Parse(Writer, $"case{Index}-writer.avsc");
        ParsedSchema reader = AvroCorpus.Parse(Reader, $"case{Index}-reader.avsc");
        return SchemaFormats.Avro.Diff(writer, reader, CompatibilityOptions.Default);
    }

    /// <summary>The checker's incompatibilities with Avro Java's own locations (fields by position).</summary>
    public IReadOnlyList<EventGovernance.Compatibility.Avro.AvroCompatibilityChecker.Incompatibility> JavaView()
    {
        var writer = (EventGovernance.Compatibility.Avro.AvroParsedSchema)AvroCorpus.Parse(Writer, $"case{Index}-writer.avsc");
        var reader = (EventGovernance.Compatibility.Avro.AvroParsedSchema)AvroCorpus.Parse(Reader, $"case{Index}-reader.avsc");
        return EventGovernance.Compatibility.Avro.AvroCompatibilityChecker.Check(reader.Root, writer.Root);
    }
}

internal sealed record AvroSequenceCase(int Index, string Description, string Level, IReadOnlyList<JToken> History, JToken Candidate, bool Compatible)
{
    public CompatibilityResult Check()
    {
        CompatibilityLevel level = CompatibilityLevels.Parse(Level) ?? throw new InvalidOperationException($"sequence {Index}: unknown level {Level}");
        var history = History.Select((h, i) => AvroCorpus.Source(h, $"sequence{Index}-v{i + 1}.avsc")).ToList();
        return CompatibilityChecker.Check(AvroCorpus.Source(Candidate, $"sequence{Index}-candidate.avsc"), history, level);
    }
}
