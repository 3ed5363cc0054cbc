using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using EventGovernance.Compatibility;

namespace EventGovernance.Benchmarks;

/// <summary>
/// A FULL_TRANSITIVE check against a history of 10 and 100 Avro versions, each adding one defaulted field,
/// as a registry call does it: every version parsed from text and checked both ways.
/// </summary>
[MemoryDiagnoser]
public class TransitiveHistoryBenchmarks
{
    private SchemaSource _candidate = null!;
    private SchemaSource[] _history = null!;

    [Params(10, 100)]
    public int Versions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = Enumerable.Range(1, Versions).Select(v => AvroBenchmarks.Source(Version(v))).ToArray();
        _candidate = AvroBenchmarks.Source(Version(Versions + 1));
        if (!CompatibilityChecker.Check(_candidate, _history, CompatibilityLevel.FullTransitive).IsCompatible)
            throw new System.InvalidOperationException("the benchmark history should be compatible");
    }

    [Benchmark]
    public bool FullTransitive() => CompatibilityChecker.Check(_candidate, _history, CompatibilityLevel.FullTransitive).IsCompatible;

    /// <summary>Version <paramref name="v"/>: ten base fields and one defaulted field per version after the first.</summary>
    internal static string Version(int v)
    {
        var fields = new List<string>();
        for (int i = 0; i < 10; i++) fields.Add($"{{\"name\": \"base{i}\", \"type\": \"string\"}}");
        for (int i = 2; i <= v; i++) fields.Add($"{{\"name\": \"added{i}\", \"type\": [\"null\", \"long\"], \"default\": null}}");
        return new StringBuilder("{\"type\": \"record\", \"name\": \"Event\", \"namespace\": \"bench\", \"fields\": [")
            .Append(string.Join(", ", fields)).Append("]}").ToString();
    }
}
