using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>Parses and diffs .proto text for the tests.</summary>
internal static class ProtobufTestSchemas
{
    public static SchemaSource Proto(string text, string path = "test.proto", IReadOnlyDictionary<string, string>? imports = null)
    {
        var files = new Dictionary<string, SchemaSource>();
        var resolver = new InMemoryReferenceResolver(files);
        if (imports != null)
            foreach (var (name, body) in imports) files[name] = new SchemaSource(body, SchemaType.Protobuf, name, resolver);
        return new SchemaSource(text, SchemaType.Protobuf, path, resolver);
    }

    public static IReadOnlyList<Difference> Diff(SchemaSource original, SchemaSource update)
    {
        ISchemaFormat format = SchemaFormats.Protobuf;
        return format.Diff(format.Parse(original), format.Parse(update), CompatibilityOptions.Default);
    }

    public static IReadOnlyList<Difference> Diff(string original, string update) =>
        Diff(Proto(original, "original.proto"), Proto(update, "update.proto"));

    public static string[] Changes(IEnumerable<Difference> differences) =>
        differences.Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

    public static string[] Sorted(params string[] changes) => changes.OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
}
