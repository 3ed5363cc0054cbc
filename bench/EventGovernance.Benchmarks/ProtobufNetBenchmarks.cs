using System.IO;
using BenchmarkDotNet.Attributes;
using Google.Protobuf.Reflection;
using ProtoBuf.Reflection;

namespace EventGovernance.Benchmarks;

/// <summary>
/// protobuf-net.Reflection's parser alone (no source index, no model, no diff) on the flat messages of
/// <see cref="ProtobufBenchmarks"/>: separates the dependency's growth from ours.
/// </summary>
[MemoryDiagnoser]
public class ProtobufNetParserBenchmarks
{
    private string _text = "";

    [Params(100, 1000, 10000)]
    public int Fields { get; set; }

    [GlobalSetup]
    public void Setup() => _text = ProtobufBenchmarks.Flat(Fields, "string");

    [Benchmark]
    public int ParseAndProcess()
    {
        var set = new FileDescriptorSet();
        set.Add("bench.proto", true, new StringReader(_text));
        set.Process();
        return set.Files[0].MessageTypes.Count;
    }
}
