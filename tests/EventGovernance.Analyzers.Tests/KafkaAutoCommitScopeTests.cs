using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
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
        }
        """;

    [Fact]
    public async Task The_rule_registers_no_action_per_type()
    {
        var references = await Brokers.Kafka.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Scope",
            new[] { CSharpSyntaxTree.ParseText(Source, path: "Scope.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzer = new KafkaAutoCommitAnalyzer();
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        // The field's configuration is still found, from the builder alone.
        Assert.Equal(new[] { "EG0002 8,46" }, diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition}"));
        Assert.Equal(0, telemetry.SymbolStartActionsCount);
        Assert.Equal(0, telemetry.SymbolEndActionsCount);
    }
}
