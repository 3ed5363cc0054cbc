using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using Xunit.Abstractions;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>Confluent's own Protobuf cases: every BACKWARD verdict must match the registry's.</summary>
public sealed class ProtobufCorpusTests
{
    /// <summary>Cases whose change set (TYPE #/path) must equal Confluent's exactly; raise it, never lower it.</summary>
    private const int MinimumExactChangeSets = 36;

    private readonly ITestOutputHelper _output;

    public ProtobufCorpusTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> CaseKeys()
    {
        var data = new TheoryData<string>();
        foreach (ProtobufCase c in ProtobufCorpus.All) data.Add(c.Key);
        return data;
    }

    private static IReadOnlyList<Difference> Diff(ProtobufCase c)
    {
        ISchemaFormat format = SchemaFormats.Protobuf;
        return format.Diff(format.Parse(c.Original), format.Parse(c.Update), CompatibilityOptions.Default);
    }

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public void Backward_verdict_matches_the_registry(string key)
    {
        ProtobufCase c = ProtobufCorpus.ByKey(key);
        IReadOnlyList<Difference> differences = Diff(c);
        bool compatible = differences.All(d => d.IsCompatible);
        Assert.True(c.Compatible == compatible,
            $"expected {(c.Compatible ? "compatible" : "incompatible")}; found: {string.Join(", ", differences.Select(d => $"{d} ({(d.IsCompatible ? "ok" : "breaking")})"))}");
    }

    [Fact]
    public void Corpus_has_all_cases()
    {
        Assert.Equal(36, ProtobufCorpus.All.Count);
    }

    [Fact]
    public void Change_sets_agree_with_the_registry()
    {
        int exact = 0;
        var mismatches = new List<string>();
        foreach (ProtobufCase c in ProtobufCorpus.All)
        {
            var found = new HashSet<string>(Diff(c).Select(d => d.ToString()));
            if (found.SetEquals(c.Changes)) exact++;
            else mismatches.Add($"{c.Key}: expected [{string.Join(", ", c.Changes)}] found [{string.Join(", ", found)}]");
        }
        _output.WriteLine($"Protobuf change sets: {exact}/{ProtobufCorpus.All.Count} agree exactly with Confluent's");
        foreach (string m in mismatches) _output.WriteLine(m);
        Assert.True(exact >= MinimumExactChangeSets,
            $"{exact}/{ProtobufCorpus.All.Count} change sets agree, below the floor of {MinimumExactChangeSets}:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_difference_has_a_location_in_its_file()
    {
        foreach (ProtobufCase c in ProtobufCorpus.All)
        {
            foreach (Difference d in Diff(c))
            {
                SourceLocation? at = d.Location;
                Assert.True(at != null && at.Line > 0 && at.Column > 0, $"{c.Key}: {d} has no position");
            }
        }
    }
}
