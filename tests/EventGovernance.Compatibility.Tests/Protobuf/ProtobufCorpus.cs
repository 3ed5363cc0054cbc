using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EventGovernance.Compatibility;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>One of Confluent's Protobuf diff cases.</summary>
internal sealed record ProtobufCase(
    int Number,
    string Description,
    SchemaSource Original,
    SchemaSource Update,
    IReadOnlyList<string> Changes,
    bool Compatible)
{
    public string Key => $"{Number:00}: {Description}";
}

/// <summary>Finds the repository root and the shared Protobuf corpus beside it (../shared), failing loudly if absent.</summary>
internal static class ProtobufCorpus
{
    public static string CorpusFile() => RepositoryPaths.CorpusFile("confluent", "protobuf", "diff-schema-examples.json");

    private static readonly Lazy<IReadOnlyList<ProtobufCase>> Cases = new(Load);

    public static IReadOnlyList<ProtobufCase> All => Cases.Value;

    public static ProtobufCase ByKey(string key) => All.Single(c => c.Key == key);

    private static IReadOnlyList<ProtobufCase> Load()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(CorpusFile()));
        var cases = new List<ProtobufCase>();
        int number = 0;
        foreach (JsonElement c in doc.RootElement.EnumerateArray())
        {
            number++;
            cases.Add(new ProtobufCase(
                number,
                c.GetProperty("description").GetString()!,
                Source(c, "original", number),
                Source(c, "update", number),
                c.GetProperty("changes").EnumerateArray().Select(x => x.GetString()!).ToList(),
                c.GetProperty("compatible").GetBoolean()));
        }
        return cases;
    }

    /// <summary>The schema with its imports (the case's dependencies by reference name) served from memory.</summary>
    private static SchemaSource Source(JsonElement c, string side, int number)
    {
        var dependencies = new Dictionary<string, SchemaSource>(StringComparer.Ordinal);
        var resolver = new InMemoryReferenceResolver(dependencies);
        if (c.TryGetProperty(side + "_dependencies", out JsonElement deps))
        {
            foreach (JsonElement dep in deps.EnumerateArray())
            {
                string name = dep.GetProperty("name").GetString()!;
                dependencies[name] = new SchemaSource(dep.GetProperty("dependency").GetString()!, SchemaType.Protobuf, name, resolver);
            }
        }
        return new SchemaSource(c.GetProperty(side + "_schema").GetString()!, SchemaType.Protobuf, $"case{number:00}-{side}.proto", resolver);
    }
}
