using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using EventGovernance.Compatibility;

namespace EventGovernance.Benchmarks;

/// <summary>
/// Parse and diff cost of the Protobuf engine on large schemas: a flat message of 100, 1,000 and 10,000 fields
/// (the ratio shows how the cost grows) and 50 nested messages. Each update changes one field's type at
/// the far end, so the diff walks everything and reports a breaking change.
/// </summary>
[MemoryDiagnoser]
public class ProtobufBenchmarks
{
    private static readonly ISchemaFormat Format = SchemaFormats.Protobuf;

    [Params("flat-100", "flat-1000", "flat-10000", "nested-50")]
    public string Shape { get; set; } = "flat-100";

    private SchemaSource _original = null!;
    private SchemaSource _update = null!;
    private ParsedSchema _parsedOriginal = null!;
    private ParsedSchema _parsedUpdate = null!;

    [GlobalSetup]
    public void Setup()
    {
        (string original, string update) = Shape switch
        {
            "flat-1000" => (Flat(1000, "int32"), Flat(1000, "string")),
            "flat-10000" => (Flat(10000, "int32"), Flat(10000, "string")),
            "nested-50" => (Nested(50, "int32"), Nested(50, "string")),
            _ => (Flat(100, "int32"), Flat(100, "string")),
        };
        _original = new SchemaSource(original, SchemaType.Protobuf, "original.proto");
        _update = new SchemaSource(update, SchemaType.Protobuf, "update.proto");
        _parsedOriginal = Format.Parse(_original);
        _parsedUpdate = Format.Parse(_update);
    }

    [Benchmark]
    public ParsedSchema Parse() => Format.Parse(_update);

    [Benchmark]
    public IReadOnlyList<Difference> Diff() => Format.Diff(_parsedOriginal, _parsedUpdate, CompatibilityOptions.Default);

    [Benchmark]
    public CompatibilityResult CheckFromText() =>
        CompatibilityChecker.Check(_update, new[] { _original }, CompatibilityLevel.Full);

    /// <summary>One message with <paramref name="fields"/> fields of mixed types; the last one has <paramref name="lastType"/>.</summary>
    public static string Flat(int fields, string lastType)
    {
        var text = new StringBuilder("syntax = \"proto3\";\npackage bench.v1;\nenum Kind { KIND_UNSPECIFIED = 0; A = 1; }\nmessage Item { string id = 1; }\nmessage Big {\n");
        string[] types = { "string", "int64", "double", "bool", "Kind", "Item", "bytes", "sint32" };
        for (int i = 1; i < fields; i++)
            text.Append("  ").Append(i % 10 == 0 ? "repeated " : "").Append(types[i % types.Length]).Append(" field_").Append(i).Append(" = ").Append(i).Append(";\n");
        text.Append("  ").Append(lastType).Append(" last = ").Append(fields).Append(";\n}\n");
        return text.ToString();
    }

    /// <summary><paramref name="depth"/> messages each nested in the previous, each with a few fields; the innermost changes.</summary>
    public static string Nested(int depth, string innermostType)
    {
        var text = new StringBuilder("syntax = \"proto3\";\npackage bench.v1;\n");
        for (int level = 0; level < depth; level++)
        {
            text.Append(new string(' ', level)).Append("message Level").Append(level).Append(" {\n");
            text.Append(new string(' ', level + 1)).Append("string name = 1;\n");
            text.Append(new string(' ', level + 1)).Append("map<string, int64> tags = 2;\n");
            if (level + 1 < depth)
                text.Append(new string(' ', level + 1)).Append("Level").Append(level + 1).Append(" child = 3;\n");
            else
                text.Append(new string(' ', level + 1)).Append(innermostType).Append(" value = 3;\n");
        }
        for (int level = depth - 1; level >= 0; level--) text.Append(new string(' ', level)).Append("}\n");
        return text.ToString();
    }
}
