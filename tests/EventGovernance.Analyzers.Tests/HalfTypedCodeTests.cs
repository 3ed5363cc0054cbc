using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// Editors run analyzers on every keystroke, so no analyzer may throw on incomplete code: every prefix of
/// the samples (cut after each token) is analyzed and must produce no AD0001 (analyzer exception).
/// </summary>
public class HalfTypedCodeTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = DescriptorTests.AllAnalyzers().ToImmutableArray();

    public static TheoryData<string> SampleNames() => new() { nameof(Samples.KafkaAndRabbitMq7), nameof(Samples.RabbitMq6) };

    /// <summary>The libraries each sample references; every rule for them must fire on the full sample.</summary>
    private static BrokerLibrary LibrariesOf(string sampleName) =>
        sampleName == nameof(Samples.RabbitMq6) ? BrokerLibrary.RabbitMq : BrokerLibrary.Kafka | BrokerLibrary.RabbitMq | BrokerLibrary.ServiceBus;

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task NoAnalyzerThrowsOnAnyPrefix(string sampleName)
    {
        (string source, ReferenceAssemblies referenceSet) = sampleName == nameof(Samples.RabbitMq6)
            ? (Samples.RabbitMq6, Brokers.RabbitMq6)
            : (Samples.KafkaAndRabbitMq7, Brokers.All);
        ImmutableArray<MetadataReference> references = await referenceSet.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        // The whole sample must compile and trigger every rule, or the prefixes would not exercise them.
        ImmutableArray<Diagnostic> errors = CSharpCompilation.Create("Full", new[] { CSharpSyntaxTree.ParseText(source, parseOptions) }, references, compilationOptions)
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
        ImmutableArray<Diagnostic> full = await AnalyzeAsync(source, references, parseOptions, compilationOptions, new List<Exception>());
        string expectedIds = string.Join(",", Rules.All
            .Where(r => (r.Library & ~LibrariesOf(sampleName)) == 0)
            .Select(r => r.Id)
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(expectedIds, string.Join(",", full.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal)));

        SyntaxNode root = CSharpSyntaxTree.ParseText(source, parseOptions).GetRoot();
        var failures = new List<string>();
        int prefixes = 0;
        foreach (SyntaxToken token in root.DescendantTokens())
        {
            string prefix = source.Substring(0, token.Span.End);
            var exceptions = new List<Exception>();
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(prefix, references, parseOptions, compilationOptions, exceptions);
            prefixes++;
            foreach (Diagnostic crash in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Add($"after '{token.Text}' at {token.Span.End}: {crash.GetMessage()}");
            }

            failures.AddRange(exceptions.Select(e => $"after '{token.Text}' at {token.Span.End}: {e}"));
        }

        Assert.True(prefixes > 100, $"only {prefixes} prefixes");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(5)));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        string source,
        ImmutableArray<MetadataReference> references,
        CSharpParseOptions parseOptions,
        CSharpCompilationOptions compilationOptions,
        List<Exception> exceptions)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Prefix",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "Sample.cs") },
            references,
            compilationOptions);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
    }
}
