using EventGovernance.Compatibility;

namespace EventGovernance.Benchmarks.Growth;

/// <summary>
/// The operations of the growth table. Each one drives the BenchmarkDotNet class that already measures it
/// (same parameters, same <c>[GlobalSetup]</c>, same benchmark method), so the inputs are generated in one place.
/// </summary>
internal static class GrowthCatalog
{
    private static readonly int[] JsonProperties = { 1000, 10000, 50000 };
    private static readonly int[] Fields = { 100, 1000, 10000 };

    public static IReadOnlyList<GrowthOperation> All { get; } = new[]
    {
        new GrowthOperation("JSON Schema parse", "properties", JsonProperties, n =>
            Call(JsonSize(n).Parse, JsonBenchmarkData.ObjectWithProperties(n, changed: true).Length)),
        // The first step of the parse alone: separates the dependency's growth from ours.
        new GrowthOperation("of which Newtonsoft JToken load", "properties", JsonProperties, n =>
        {
            string text = JsonBenchmarkData.ObjectWithProperties(n, changed: true);
            return Call(() => JsonText.Load(text, "bench.json", 128, "a JSON Schema"), text.Length);
        }),
        new GrowthOperation("JSON Schema diff", "properties", JsonProperties, n =>
            Call(JsonSize(n).Diff, 2L * JsonBenchmarkData.ObjectWithProperties(n, changed: true).Length)),
        new GrowthOperation("JSON Schema anyOf diff", "branches", new[] { 20, 200 }, n =>
        {
            var b = new JsonSchemaAnyOfBenchmarks { Branches = n };
            b.Setup();
            return Call(b.Diff, 2L * JsonBenchmarkData.AnyOf(n, changed: true).Length);
        }),
        new GrowthOperation("Avro parse", "fields", Fields, n => Call(Avro(n).ParseWide, AvroText(n))),
        new GrowthOperation("Avro diff", "fields", Fields, n => Call(Avro(n).DiffWide, 2 * AvroText(n))),
        new GrowthOperation("Avro FULL check from text", "fields", Fields, n => Call(Avro(n).CheckWide, 2 * AvroText(n))),
        new GrowthOperation("Protobuf parse", "fields", Fields, n => Call(Protobuf(n).Parse, ProtobufText(n))),
        new GrowthOperation("Protobuf diff", "fields", Fields, n => Call(Protobuf(n).Diff, 2 * ProtobufText(n))),
        new GrowthOperation("Protobuf FULL check from text", "fields", Fields, n => Call(Protobuf(n).CheckFromText, 2 * ProtobufText(n))),
        new GrowthOperation("protobuf-net parser alone", "fields", Fields, n =>
        {
            var b = new ProtobufNetParserBenchmarks { Fields = n };
            b.Setup();
            return Call(b.ParseAndProcess, ProtobufText(n));
        }),
        new GrowthOperation("Avro FULL_TRANSITIVE check", "versions", new[] { 10, 100 }, n =>
        {
            var b = new TransitiveHistoryBenchmarks { Versions = n };
            b.Setup();
            long text = Enumerable.Range(1, n + 1).Sum(v => (long)TransitiveHistoryBenchmarks.Version(v).Length);
            return Call(b.FullTransitive, text);
        }, targetByInputText: true),
    };

    private static PreparedCall Call<T>(Func<T> call, long inputCharacters) => new PreparedCall(() => call(), inputCharacters);

    private static JsonSchemaSizeBenchmarks JsonSize(int properties)
    {
        var b = new JsonSchemaSizeBenchmarks { Properties = properties };
        b.Setup();
        return b;
    }

    private static AvroBenchmarks Avro(int fields)
    {
        var b = new AvroBenchmarks { Fields = fields };
        b.Setup();
        return b;
    }

    private static long AvroText(int fields) => AvroBenchmarks.WideRecord(fields, "long", addField: true).Length;

    private static ProtobufBenchmarks Protobuf(int fields)
    {
        var b = new ProtobufBenchmarks { Shape = "flat-" + fields };
        b.Setup();
        return b;
    }

    private static long ProtobufText(int fields) => ProtobufBenchmarks.Flat(fields, "string").Length;
}
