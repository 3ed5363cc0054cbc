using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EventGovernance.Analyzers.Tests;

public class DescriptorTests
{
    public static IEnumerable<object[]> Analyzers() =>
        AllAnalyzers().Select(a => new object[] { a.GetType().Name });

    internal static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        AllAnalyzers().SelectMany(a => a.SupportedDiagnostics);

    [Fact]
    public void EveryRuleIdHasExactlyOneAnalyzer()
    {
        string[] ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(new[] { "EG0001", "EG0002", "EG0003", "EG0004" }, ids);
        Assert.Equal(ids, AllDescriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(AllAnalyzers(), a => Assert.Single(a.SupportedDiagnostics));
    }

    [Fact]
    public void EveryDescriptorHasCategorySeverityAndHelpLink()
    {
        Assert.All(AllDescriptors(), d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Category), d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault, d.Id);
            Assert.Equal($"https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/{d.Id}.md", d.HelpLinkUri);
        });
    }

    [Fact]
    public void EveryHelpLinkPointsAtADocsPageWithExamplesAndOptions()
    {
        Assert.All(AllDescriptors(), d =>
        {
            string relative = d.HelpLinkUri.Substring(d.HelpLinkUri.IndexOf("docs/rules/", StringComparison.Ordinal));
            string page = Path.Combine(RepositoryPaths.Root, relative);
            Assert.True(File.Exists(page), $"{d.Id}: help link {d.HelpLinkUri} has no page at {page}");
            string text = File.ReadAllText(page);
            Assert.StartsWith($"# {d.Id}: ", text);
            Assert.Contains("Wrong:", text);
            Assert.Contains("Right", text);
            Assert.Contains("## Options", text);
            Assert.Contains("```csharp", text);
        });
    }

    [Fact]
    public void Eg0004PageDocumentsEveryOptionKey()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", "EG0004.md"));
        var keys = new List<string> { ContractOptions.RequiredFieldsKey, ContractOptions.SuffixesKey, ContractOptions.AttributesKey };
        keys.AddRange(EnvelopeField.All.Select(f => ContractOptions.Prefix + f.Key + ContractOptions.NamesKeySuffix));
        Assert.All(keys, key => Assert.Contains("`" + key + "`", text));
    }

    [Fact]
    public void EveryRuleIsTrackedInTheReleaseFiles()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "analyzers", "EventGovernance.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.All(AllDescriptors(), d => Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", unshipped));
    }

    [Fact]
    public void OnlyTheCompilationEndRuleCarriesTheCompilationEndTag()
    {
        Assert.All(AllDescriptors(), d => Assert.Equal(
            d.Id == RuleIds.EventContractEnvelope,
            d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)));
    }
}
