using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// What each rule registers, as the compiler counts it. A symbol-start action costs the compiler bookkeeping for
/// every type of the compilation, whatever the action does, and the compiler's analyzer report does not charge it to
/// the rule (docs/performance.md): no rule may register one. A rule that judges a whole type reads its operations on
/// demand (Shared/TypeOperations.cs).
/// </summary>
public class RegisteredActionsTests
{
    public static TheoryData<string> RuleIds() => new(Rules.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task No_rule_registers_a_symbol_start_action(string id)
    {
        BrokerAnalyzer analyzer = Rules.All.Single(r => r.Id == id).Analyzer;
        AnalyzerTelemetryInfo registered = await RegisteredActionsAsync(analyzer, Brokers.All);

        int actions = registered.OperationActionsCount + registered.SymbolActionsCount + registered.SyntaxNodeActionsCount
                      + registered.CompilationEndActionsCount + registered.OperationBlockStartActionsCount;
        Assert.True(actions > 0, $"{id} registers its actions in a project referencing every broker library");
        Assert.Equal(0, registered.SymbolStartActionsCount);
        Assert.Equal(0, registered.SymbolEndActionsCount);
    }

    /// <summary>What the compiler counts as registered by <paramref name="analyzer"/> over a small compilation.</summary>
    internal static async Task<AnalyzerTelemetryInfo> RegisteredActionsAsync(DiagnosticAnalyzer analyzer, Microsoft.CodeAnalysis.Testing.ReferenceAssemblies referenceSet)
    {
        ImmutableArray<MetadataReference> references = await referenceSet.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Registered",
            new[] { CSharpSyntaxTree.ParseText("class Topology { private readonly System.Collections.Generic.HashSet<string> _ids = new(); }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CompilationWithAnalyzers analyzed = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        await analyzed.GetAnalyzerDiagnosticsAsync();
        return await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
