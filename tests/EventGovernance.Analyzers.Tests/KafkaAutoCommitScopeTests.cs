using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0002 registers nothing per type: the compiler's bookkeeping for a symbol-start action is paid for every
/// type of a compilation, whether or not the rule finds anything there. A configuration held in a private
/// member is judged from the builder that uses it, reading the type on demand. The diagnostics themselves are
/// covered by <see cref="KafkaAutoCommitTests"/> and <see cref="KafkaAutoCommitTypeReadingTests"/>.
/// </summary>
public class KafkaAutoCommitScopeTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Confluent.Kafka;

        public sealed class Clock { private readonly object _gate = new(); private int _ticks; public int Next() => ++_ticks; }
        public sealed class Repository { private readonly List<string> _rows = new(); private string Name { get; } = ""; public string First() => _rows[0]; }
        public sealed class Factory { public ConsumerConfig Create() => new ConsumerConfig(); }
        public sealed class OrdersWorker
        {
            private readonly ConsumerConfig _config = new() { GroupId = "orders" };
            public IConsumer<string, string> Start() => new ConsumerBuilder<string, string>(_config).Build();
            public IConsumer<string, string> Restart() => new ConsumerBuilder<string, string>(_config).Build();
        }
        """;

    [Fact]
    public async Task The_rule_registers_no_action_per_type()
    {
        CSharpCompilation compilation = await CompileAsync();
        var analyzer = new KafkaAutoCommitAnalyzer();
        CompilationWithAnalyzers withAnalyzers = WithAnalyzer(compilation, analyzer);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        // The field's configuration is still found, from the builders alone, and reported once.
        Assert.Equal(new[] { ConfigAt }, diagnostics.Select(Describe));
        Assert.Equal(0, telemetry.SymbolStartActionsCount);
        Assert.Equal(0, telemetry.SymbolEndActionsCount);
    }

    /// <summary>
    /// An editor analyses one compilation many times, a file or only part of one (the lines on screen, the
    /// span of a light bulb), and shows a file the diagnostics local to it: the diagnostic must come from the
    /// configuration's own member, whichever builder is analysed first or alone.
    /// </summary>
    [Fact]
    public async Task An_editor_analysing_the_file_or_part_of_it_sees_the_diagnostic()
    {
        CSharpCompilation compilation = await CompileAsync();
        CompilationWithAnalyzers withAnalyzers = WithAnalyzer(compilation, new KafkaAutoCommitAnalyzer());
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);

        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, LineOf("public IConsumer<string, string> Restart"), CancellationToken.None);
        ImmutableArray<Diagnostic> whole = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        ImmutableArray<Diagnostic> again = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        ImmutableArray<Diagnostic> fieldLine = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, LineOf("private readonly ConsumerConfig _config"), CancellationToken.None);

        Assert.Equal(new[] { ConfigAt }, whole.Select(Describe));
        Assert.Equal(new[] { ConfigAt }, again.Select(Describe));
        Assert.Equal(new[] { ConfigAt }, fieldLine.Select(Describe));
    }

    private static TextSpan LineOf(string text)
    {
        int start = Source.IndexOf(text, StringComparison.Ordinal);
        return TextSpan.FromBounds(start, Source.IndexOf('\n', start));
    }

    /// <summary>The field initializer's <c>new()</c>, as zero-based line and column.</summary>
    private const string ConfigAt = "EG0002 8,46";

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan().StartLinePosition}";

    private static async Task<CSharpCompilation> CompileAsync()
    {
        var references = await Brokers.Kafka.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Scope",
            new[] { CSharpSyntaxTree.ParseText(Source, path: "Scope.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
}
