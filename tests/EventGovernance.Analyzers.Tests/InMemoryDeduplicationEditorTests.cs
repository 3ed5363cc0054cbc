using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0014 as an editor asks for it: one file's semantic diagnostics, for a span or the whole file. The rule reports at
/// the field from a symbol action on the field, so the diagnostic is local to it; one reported at the field from an
/// action on a method's call would be non-local, and an editor analysing one file would not show it.
/// </summary>
public class InMemoryDeduplicationEditorTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using Confluent.Kafka;

        public sealed class OrderPlacedEvent { public Guid EventId { get; set; } }

        public sealed class Worker
        {
            private readonly HashSet<Guid> _seen = new();

            public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
            {
                var result = consumer.Consume(cancellationToken);
                if (!_seen.Add(result.Message.Value.EventId)) { return; }
            }
        }
        """;

    /// <summary>The field's name, as zero-based line and column.</summary>
    private const string FieldAt = "EG0014 9,35";

    [Fact]
    public async Task TheFileTheFieldsLineAndTheUsingMethodEachShowTheDiagnostic()
    {
        var references = await Brokers.Kafka.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Editor",
            new[] { CSharpSyntaxTree.ParseText(Source, path: "Worker.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new InMemoryDeduplicationAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        SemanticModel model = compilation.GetSemanticModel(compilation.SyntaxTrees.Single());

        ImmutableArray<Diagnostic> methodLine = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, LineOf("if (!_seen.Add"), CancellationToken.None);
        ImmutableArray<Diagnostic> whole = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
        ImmutableArray<Diagnostic> fieldLine = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, LineOf("private readonly HashSet<Guid> _seen"), CancellationToken.None);

        Assert.Empty(methodLine);
        Assert.Equal(new[] { FieldAt }, whole.Select(Describe));
        Assert.Equal(new[] { FieldAt }, fieldLine.Select(Describe));
    }

    private static TextSpan LineOf(string text)
    {
        int start = Source.IndexOf(text, StringComparison.Ordinal);
        return TextSpan.FromBounds(start, Source.IndexOf('\n', start));
    }

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan().StartLinePosition}";
}
