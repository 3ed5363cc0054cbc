using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Xunit.Abstractions;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>
/// Apache.Avro for C# has its own reader/writer check (<c>Schema.CanRead</c>) that does not always agree
/// with Avro Java, whose verdicts the registry and this engine follow. docs/avro-compatibility.md lists
/// every corpus case where the two disagree; this test keeps that list true.
/// </summary>
public sealed class ApacheAvroComparisonTests
{
    private const string StartMarker = "<!-- csharp-disagreements:start -->";
    private const string EndMarker = "<!-- csharp-disagreements:end -->";

    private readonly ITestOutputHelper _output;

    public ApacheAvroComparisonTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Cases_where_apache_avro_csharp_disagrees_are_exactly_those_documented()
    {
        var disagreeing = new SortedDictionary<int, string>();
        foreach (AvroPairCase pair in AvroCorpus.Pairs)
        {
            bool engine = pair.Check().All(d => d.IsCompatible);
            Assert.Equal(pair.Compatible, engine); // the engine follows Avro Java; checked per case elsewhere too
            string csharp = CSharpVerdict(pair);
            string java = pair.Compatible ? "compatible" : "incompatible";
            if (csharp != java) disagreeing[pair.Index] = $"Java/engine: {java}, Apache.Avro C#: {csharp} — {pair.Description}";
        }
        foreach (KeyValuePair<int, string> d in disagreeing) _output.WriteLine($"case {d.Key}: {d.Value}");

        IReadOnlyCollection<int> documented = DocumentedCases();
        Assert.True(disagreeing.Keys.SequenceEqual(documented.OrderBy(i => i)),
            $"docs/avro-compatibility.md lists cases [{string.Join(", ", documented.OrderBy(i => i))}] but Apache.Avro C# disagrees with Avro Java on [{string.Join(", ", disagreeing.Keys)}]:"
            + Environment.NewLine + string.Join(Environment.NewLine, disagreeing.Select(d => $"case {d.Key}: {d.Value}")));
    }

    /// <summary>"compatible", "incompatible", or "error: …" when Apache.Avro cannot parse or check the pair.</summary>
    private static string CSharpVerdict(AvroPairCase pair)
    {
        global::Avro.Schema reader, writer;
        try
        {
            reader = global::Avro.Schema.Parse(pair.Reader.ToString(Formatting.None));
            writer = global::Avro.Schema.Parse(pair.Writer.ToString(Formatting.None));
        }
        catch (Exception e)
        {
            return "parse error (" + e.GetType().Name + ")";
        }
        try
        {
            return reader.CanRead(writer) ? "compatible" : "incompatible";
        }
        catch (Exception e)
        {
            return "check error (" + e.GetType().Name + ")";
        }
    }

    /// <summary>Case numbers in the first column of the table between the markers.</summary>
    private static IReadOnlyCollection<int> DocumentedCases()
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "avro-compatibility.md");
        Assert.True(File.Exists(path), $"missing {path}");
        string text = File.ReadAllText(path);
        int start = text.IndexOf(StartMarker, StringComparison.Ordinal);
        int end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{path} has no table between {StartMarker} and {EndMarker}");
        var cases = new List<int>();
        foreach (Match m in Regex.Matches(text.Substring(start, end - start), @"^\|\s*(\d+)\s*\|", RegexOptions.Multiline))
            cases.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(cases.Count, cases.Distinct().Count());
        return cases;
    }
}
