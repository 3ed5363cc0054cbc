using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EventGovernance.Analyzers.Tests;

public class DescriptorTests
{
    public static IEnumerable<object[]> Analyzers() =>
        AllAnalyzers().Select(a => new object[] { a.GetType().Name });

    internal static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers() => Rules.AllAnalyzers();

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        AllAnalyzers().SelectMany(a => a.SupportedDiagnostics);

    [Fact]
    public void EveryRuleIdHasExactlyOneAnalyzer()
    {
        IReadOnlyList<string> ids = Rules.DeclaredIds();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^EG[0-9]{4}$", id));
        Assert.Equal(ids, AllDescriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(AllAnalyzers(), a => Assert.Single(a.SupportedDiagnostics));
    }

    [Fact]
    public void EveryAnalyzerDerivesFromTheBaseAndLivesInAFileNamedAfterItsRule()
    {
        string rulesDirectory = Path.Combine(RepositoryPaths.Root, "analyzers", "EventGovernance.Analyzers", "Rules");
        Assert.All(AllAnalyzers(), a =>
        {
            Assert.IsAssignableFrom<BrokerAnalyzer>(a);
            string file = Path.Combine(rulesDirectory, a.SupportedDiagnostics[0].Id + a.GetType().Name + ".cs");
            Assert.True(File.Exists(file), $"{a.GetType().Name}: expected its source at {file}");
        });
        string[] expectedFiles = AllAnalyzers().Select(a => a.SupportedDiagnostics[0].Id + a.GetType().Name + ".cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        string[] actualFiles = Directory.GetFiles(rulesDirectory, "*.cs").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;
        Assert.Equal(expectedFiles, actualFiles);
    }

    [Fact]
    public void EveryRulePageBelongsToARule()
    {
        string[] pages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs", "rules"), "EG0*.md") // EG11xx pages are the contract lint's (LintRules)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Rules.DeclaredIds(), pages);
    }

    [Fact]
    public void EveryDescriptorHasCategorySeverityAndHelpLink()
    {
        Assert.All(AllDescriptors(), d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Category), d.Id);
            Assert.True(d.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info, d.Id);
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
        var keys = new List<string>
        {
            ContractOptions.RequiredFieldsKey, ContractOptions.SuffixesKey, ContractOptions.AttributesKey,
            ContractOptions.ExcludedNamespacesKey, ContractOptions.ExcludedTypesKey, ContractOptions.InProcessInterfacesKey,
        };
        keys.AddRange(EnvelopeField.All.Select(f => ContractOptions.Prefix + f.Key + ContractOptions.NamesKeySuffix));
        Assert.All(keys, key => Assert.Contains("`" + key + "`", text));
    }

    [Fact]
    public void EveryRuleIsTrackedInTheReleaseFiles()
    {
        string directory = Path.Combine(RepositoryPaths.Root, "analyzers", "EventGovernance.Analyzers");
        string tracked = File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Shipped.md"))
                         + File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Unshipped.md"));
        Assert.All(Rules.All, r => Assert.Contains($"{r.Id} | {r.Descriptor.Category} | {r.Descriptor.DefaultSeverity} | {r.Analyzer.GetType().Name}", tracked));
    }

    [Fact]
    public void OnlyTheCompilationEndRuleCarriesTheCompilationEndTag()
    {
        Assert.All(AllDescriptors(), d => Assert.Equal(
            d.Id == RuleIds.EventContractEnvelope,
            d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)));
    }
}
