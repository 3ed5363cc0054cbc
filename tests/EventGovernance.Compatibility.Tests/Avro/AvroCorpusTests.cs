using EventGovernance.Compatibility;
using Xunit.Abstractions;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>Every reader/writer pair and every sequence of the Avro corpus gets Avro Java's verdict.</summary>
public sealed class AvroCorpusTests
{
    private readonly ITestOutputHelper _output;

    public AvroCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Corpus_has_the_documented_number_of_cases()
    {
        Assert.Equal(AvroCorpus.ExpectedPairCount, AvroCorpus.Pairs.Count);
        Assert.Equal(AvroCorpus.ExpectedSequenceCount, AvroCorpus.Sequences.Count);
    }

    [Theory]
    [MemberData(nameof(AvroCorpus.PairIndexes), MemberType = typeof(AvroCorpus))]
    public void Pair_verdict_matches_avro_java(int index)
    {
        AvroPairCase pair = AvroCorpus.Pairs[index];
        IReadOnlyList<Difference> differences = pair.Check();
        bool compatible = differences.All(d => d.IsCompatible);
        Assert.True(pair.Compatible == compatible,
            $"case {index} ({pair.Description}): Avro Java says {(pair.Compatible ? "compatible" : "incompatible")}, the engine found: "
            + string.Join("; ", differences.Select(d => $"{d.Type} {d.Path} {d.Message}")));
    }

    [Theory]
    [MemberData(nameof(AvroCorpus.SequenceIndexes), MemberType = typeof(AvroCorpus))]
    public void Sequence_verdict_matches_the_registry(int index)
    {
        AvroSequenceCase sequence = AvroCorpus.Sequences[index];
        CompatibilityResult result = sequence.Check();
        Assert.True(sequence.Compatible == result.IsCompatible,
            $"sequence {index} ({sequence.Level}, {sequence.Description}): expected {(sequence.Compatible ? "compatible" : "incompatible")}, found: "
            + string.Join("; ", result.BreakingDifferences.Select(d => $"{d.Type} {d.Path}")));
    }

    /// <summary>
    /// Type and location of every incompatibility, compared with what Avro Java reports, in order.
    /// The engine reproduces Avro Java's walk, so all of them are expected to agree. Avro Java numbers
    /// record fields (<c>/fields/0</c>); the checker keeps that location beside the named path it reports.
    /// </summary>
    [Fact]
    public void Incompatibility_types_and_locations_agree_with_avro_java()
    {
        int expected = 0, agreeing = 0;
        var disagreements = new List<string>();
        foreach (AvroPairCase pair in AvroCorpus.Pairs)
        {
            List<string> java = pair.JavaIncompatibilities.Select(i => $"{i.Type} #{i.Location}").ToList();
            List<string> ours = pair.JavaView().Select(i => $"{i.Type} #{i.Location}").ToList();
            expected += java.Count;
            int same = java.Zip(ours, (a, b) => a == b).Count(x => x);
            agreeing += same;
            if (same != java.Count || ours.Count != java.Count)
                disagreements.Add($"case {pair.Index}: java [{string.Join(", ", java)}] engine [{string.Join(", ", ours)}]");
        }
        _output.WriteLine($"Avro incompatibilities agreeing with Avro Java (type + location, in order): {agreeing}/{expected}");
        foreach (string d in disagreements) _output.WriteLine(d);
        Assert.True(expected >= 50, "the corpus should list Avro Java's incompatibilities");
        Assert.True(agreeing == expected && disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    /// <summary>Avro Java's messages for the same incompatibilities (kept for reference, also all expected to agree).</summary>
    [Fact]
    public void Java_messages_are_reproduced()
    {
        var engine = new EventGovernance.Compatibility.Avro.AvroSchemaFormat();
        int expected = 0, agreeing = 0;
        foreach (AvroPairCase pair in AvroCorpus.Pairs)
        {
            var writer = (EventGovernance.Compatibility.Avro.AvroParsedSchema)engine.Parse(AvroCorpus.Source(pair.Writer, "w.avsc"));
            var reader = (EventGovernance.Compatibility.Avro.AvroParsedSchema)engine.Parse(AvroCorpus.Source(pair.Reader, "r.avsc"));
            var ours = EventGovernance.Compatibility.Avro.AvroCompatibilityChecker.Check(reader.Root, writer.Root);
            expected += pair.JavaIncompatibilities.Count;
            agreeing += pair.JavaIncompatibilities.Zip(ours, (j, o) => j.Message == o.JavaMessage).Count(x => x);
        }
        _output.WriteLine($"Avro Java messages reproduced: {agreeing}/{expected}");
        Assert.Equal(expected, agreeing);
    }

    [Fact]
    public void Every_incompatibility_points_into_both_files()
    {
        foreach (AvroPairCase pair in AvroCorpus.Pairs.Where(p => !p.Compatible))
        {
            foreach (Difference d in pair.Check())
            {
                Assert.False(d.IsCompatible);
                Assert.StartsWith("#/", d.Path);
                Assert.NotNull(d.UpdateLocation);
                Assert.Equal($"case{pair.Index}-reader.avsc", d.UpdateLocation!.File);
                Assert.True(d.UpdateLocation.Line > 0 && d.UpdateLocation.Column > 0, $"case {pair.Index}: {d} has no reader position");
                // A reader field missing from the writer's record has no place in the writer.
                if (d.Type == "READER_FIELD_MISSING_DEFAULT_VALUE")
                {
                    Assert.Null(d.OriginalLocation);
                    continue;
                }
                Assert.NotNull(d.OriginalLocation);
                Assert.Equal($"case{pair.Index}-writer.avsc", d.OriginalLocation!.File);
                Assert.True(d.OriginalLocation.Line > 0 && d.OriginalLocation.Column > 0, $"case {pair.Index}: {d} has no writer position");
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            }
        }
    }

    [Fact]
    public void A_history_where_only_an_older_version_breaks_passes_plain_levels_and_fails_transitive_ones()
    {
        // The corpus sequences at BACKWARD/FORWARD/FULL with two versions are accepted because only the latest is checked.
        var plainWithHistory = AvroCorpus.Sequences.Where(s => !s.Level.EndsWith("TRANSITIVE", StringComparison.Ordinal) && s.History.Count > 1).ToList();
        Assert.NotEmpty(plainWithHistory);
        foreach (AvroSequenceCase sequence in plainWithHistory)
        {
            CompatibilityResult plain = sequence.Check();
            Assert.True(plain.IsCompatible, $"sequence {sequence.Index}");
            Assert.All(plain.Checks, c => Assert.Equal(sequence.History.Count - 1, c.HistoryIndex));

            // The transitive form of the same level reaches the older version and rejects the candidate there.
            CompatibilityResult transitive = (sequence with { Level = sequence.Level + "_TRANSITIVE" }).Check();
            Assert.False(transitive.IsCompatible, $"sequence {sequence.Index} at {sequence.Level}_TRANSITIVE");
            Assert.All(transitive.Checks.Where(c => !c.IsCompatible), c => Assert.True(c.HistoryIndex < sequence.History.Count - 1));
            Assert.Contains(transitive.BreakingDifferences, d => d.Type == "READER_FIELD_MISSING_DEFAULT_VALUE");
        }
    }
}
