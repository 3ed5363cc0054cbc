using System.Text;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// The rule tables of README.md and docs/rules/README.md, generated from the descriptors. Each table sits
/// between a begin and an end marker (HTML comments, invisible once rendered); the text between them is
/// owned by <see cref="RuleTableTests"/>.
/// </summary>
public static class RuleTables
{
    /// <summary>Set to 1 to make the table test rewrite stale tables instead of failing.</summary>
    public const string WriteVariable = "EVENTGOV_WRITE_RULE_TABLES";

    public const string Begin = "<!-- rule table: generated from the descriptors; run the RuleTableTests with EVENTGOV_WRITE_RULE_TABLES=1 to rewrite it -->";

    public const string End = "<!-- end of rule table -->";

    /// <summary>One table: the file it lives in (relative to the repository root) and its generated text.</summary>
    public sealed record Table(string RelativePath, Func<IReadOnlyList<Rule>, string> Generate);

    public static IReadOnlyList<Table> All { get; } = new[]
    {
        new Table("README.md", Readme),
        new Table(Path.Combine("docs", "rules", "README.md"), RulesIndex),
    };

    /// <summary>The repository README links the pages from the root.</summary>
    public static string Readme(IReadOnlyList<Rule> rules)
    {
        var text = new StringBuilder();
        text.Append("| Rule | Finds | Applies to | Code fix | Docs |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (Rule rule in rules)
        {
            text.Append($"| {rule.Id} | {rule.Descriptor.Title} | {Rules.DisplayName(rule.Library)} | {(rule.HasCodeFix ? "yes" : "")} | [docs/rules/{rule.Id}.md](docs/rules/{rule.Id}.md) |\n");
        }

        return text.ToString();
    }

    /// <summary>The rules index links the pages beside it.</summary>
    public static string RulesIndex(IReadOnlyList<Rule> rules)
    {
        var text = new StringBuilder();
        text.Append("| Id | Title | Category | Default | Applies to | Code fix |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (Rule rule in rules)
        {
            text.Append($"| [{rule.Id}]({rule.Id}.md) | {rule.Descriptor.Title} | {rule.Descriptor.Category} | {rule.Descriptor.DefaultSeverity} | {Rules.DisplayName(rule.Library)} | {(rule.HasCodeFix ? "yes" : "")} |\n");
        }

        return text.ToString();
    }

    /// <summary>The file's text with the table between the markers replaced, or null when the markers are missing.</summary>
    public static string? Replace(string fileText, string table)
    {
        string newline = fileText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        int begin = fileText.IndexOf(Begin, StringComparison.Ordinal);
        int end = fileText.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return null;
        }

        int contentStart = begin + Begin.Length;
        // Blank lines around the table, so Markdown never reads a marker as part of it.
        return fileText.Substring(0, contentStart) + newline + newline + table.Replace("\n", newline, StringComparison.Ordinal) + newline + fileText.Substring(end);
    }
}
