using System.Text;
using BenchmarkDotNet.Attributes;
using EventGovernance.Compatibility;

namespace EventGovernance.Benchmarks;

/// <summary>
/// Parse and compare large Avro schemas: a flat record of 100, 1,000 and 10,000 fields (for the growth ratio);
/// <see cref="AvroDeepBenchmarks"/> has 50 levels of nested records. Each compare reads an old version
/// with a new one that adds a defaulted field and widens every int to long, so every field is resolved.
/// </summary>
[MemoryDiagnoser]
public class AvroBenchmarks
{
    private SchemaSource _wideOld = null!, _wideNew = null!;
    private ParsedSchema _wideOldParsed = null!, _wideNewParsed = null!;

    [Params(100, 1000, 10000)]
    public int Fields { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _wideOld = Source(WideRecord(Fields, "int", addField: false));
        _wideNew = Source(WideRecord(Fields, "long", addField: true));
        _wideOldParsed = SchemaFormats.Avro.Parse(_wideOld);
        _wideNewParsed = SchemaFormats.Avro.Parse(_wideNew);
        if (SchemaFormats.Avro.Diff(_wideOldParsed, _wideNewParsed, CompatibilityOptions.Default).Count != 0)
            throw new InvalidOperationException("the benchmark schemas should be compatible");
    }

    [Benchmark]
    public ParsedSchema ParseWide() => SchemaFormats.Avro.Parse(_wideNew);

    [Benchmark]
    public IReadOnlyList<Difference> DiffWide() => SchemaFormats.Avro.Diff(_wideOldParsed, _wideNewParsed, CompatibilityOptions.Default);

    /// <summary>Parse both versions and check, as a registry call does.</summary>
    [Benchmark]
    public bool CheckWide() => CompatibilityChecker.Check(_wideNew, new[] { _wideOld }, CompatibilityLevel.Full).IsCompatible;

    internal static SchemaSource Source(string text) => new(text, SchemaType.Avro, "bench.avsc");

    /// <summary>Fields cycle through primitives, unions, enums, arrays and maps so each resolution rule is exercised.</summary>
    internal static string WideRecord(int fields, string number, bool addField)
    {
        var text = new StringBuilder("{\"type\": \"record\", \"name\": \"Wide\", \"namespace\": \"bench\", \"fields\": [\n");
        for (int i = 0; i < fields; i++)
        {
            if (i > 0) text.Append(",\n");
            string type = (i % 5) switch
            {
                0 => $"\"{number}\"",
                1 => "[\"null\", \"string\"]",
                2 => $"{{\"type\": \"enum\", \"name\": \"E{i}\", \"symbols\": [\"A\", \"B\", \"C\"]}}",
                3 => $"{{\"type\": \"array\", \"items\": \"{number}\"}}",
                _ => "{\"type\": \"map\", \"values\": [\"null\", \"double\"]}",
            };
            text.Append($"  {{\"name\": \"f{i}\", \"type\": {type}}}");
        }
        if (addField) text.Append(",\n  {\"name\": \"added\", \"type\": \"string\", \"default\": \"\"}");
        return text.Append("\n]}").ToString();
    }

    internal static string NestedRecords(int depth, string number, bool addField)
    {
        string inner = $"{{\"type\": \"record\", \"name\": \"Level{depth}\", \"fields\": [{{\"name\": \"value\", \"type\": \"{number}\"}}]}}";
        for (int level = depth - 1; level >= 1; level--)
        {
            string extra = addField ? ", {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}" : "";
            inner = $"{{\"type\": \"record\", \"name\": \"Level{level}\", \"fields\": [{{\"name\": \"count\", \"type\": \"{number}\"}}, {{\"name\": \"child\", \"type\": {inner}}}{extra}]}}";
        }
        return inner;
    }
}

/// <summary>50 levels of nested records, each level with an int widened to long and a defaulted field added.</summary>
[MemoryDiagnoser]
public class AvroDeepBenchmarks
{
    private SchemaSource _old = null!, _new = null!;
    private ParsedSchema _oldParsed = null!, _newParsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _old = AvroBenchmarks.Source(AvroBenchmarks.NestedRecords(50, "int", addField: false));
        _new = AvroBenchmarks.Source(AvroBenchmarks.NestedRecords(50, "long", addField: true));
        _oldParsed = SchemaFormats.Avro.Parse(_old);
        _newParsed = SchemaFormats.Avro.Parse(_new);
        if (SchemaFormats.Avro.Diff(_oldParsed, _newParsed, CompatibilityOptions.Default).Count != 0)
            throw new InvalidOperationException("the benchmark schemas should be compatible");
    }

    [Benchmark]
    public ParsedSchema ParseDeep50() => SchemaFormats.Avro.Parse(_new);

    [Benchmark]
    public IReadOnlyList<Difference> DiffDeep50() => SchemaFormats.Avro.Diff(_oldParsed, _newParsed, CompatibilityOptions.Default);

    [Benchmark]
    public bool CheckDeep50() => CompatibilityChecker.Check(_new, new[] { _old }, CompatibilityLevel.Full).IsCompatible;
}
