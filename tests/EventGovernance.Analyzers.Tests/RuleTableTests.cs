namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// The checked-in rule tables must be what the descriptors generate. Run with
/// EVENTGOV_WRITE_RULE_TABLES=1 to rewrite stale tables (the test then still fails once, to say so).
/// </summary>
public class RuleTableTests
{
    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string>();
        foreach (RuleTables.Table table in RuleTables.All)
        {
            data.Add(table.RelativePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void CheckedInTableIsGeneratedFromTheDescriptors(string relativePath)
    {
        RuleTables.Table table = RuleTables.All.Single(t => t.RelativePath == relativePath);
        string path = Path.Combine(RepositoryPaths.Root, relativePath);
        string current = File.ReadAllText(path);
        string? expected = RuleTables.Replace(current, table.Generate(Rules.All));
        Assert.True(expected != null, $"{relativePath} has no rule table markers:{Environment.NewLine}{RuleTables.Begin}{Environment.NewLine}{RuleTables.End}");
        if (expected == current)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RuleTables.WriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
            Assert.Fail($"{relativePath}: the rule table was stale and has been rewritten; review and commit it.");
        }

        Assert.Fail($"{relativePath}: the rule table is stale. Run the RuleTableTests with {RuleTables.WriteVariable}=1 to rewrite it, then commit it.{Environment.NewLine}Expected table:{Environment.NewLine}{table.Generate(Rules.All)}");
    }

    [Fact]
    public void StaleTableIsDetected()
    {
        string file = "intro\n" + RuleTables.Begin + "\n| old |\n" + RuleTables.End + "\nafter\n";
        string? replaced = RuleTables.Replace(file, "| new |\n");
        Assert.Equal("intro\n" + RuleTables.Begin + "\n\n| new |\n\n" + RuleTables.End + "\nafter\n", replaced);
        Assert.Equal(replaced, RuleTables.Replace(replaced!, "| new |\n"));
    }

    [Fact]
    public void EveryRuleHasARowInEachTable()
    {
        Assert.NotEmpty(Rules.All);
        Assert.All(RuleTables.All, table =>
        {
            string text = table.Generate(Rules.All);
            Assert.All(Rules.All, rule => Assert.Contains($"{rule.Id}.md", text));
        });
    }
}
