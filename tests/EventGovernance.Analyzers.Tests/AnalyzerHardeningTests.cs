using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// Every analyzer over code an editor sees mid-edit (syntax errors, unresolved types, generics in odd
/// places) must not throw and must only report inside the analysed trees; and the results must not depend
/// on whether the analyzers run concurrently.
/// </summary>
public class AnalyzerHardeningTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Rules.AllAnalyzers().ToImmutableArray();

    public static TheoryData<string> BrokenSources() => new(Broken);

    /// <summary>Each source is broken in its own way; all of them touch the members the rules look at.</summary>
    private static readonly string[] Broken =
    {
        // Syntax errors in the middle of broker calls and initializers.
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using RabbitMQ.Client;
        using Azure.Messaging.ServiceBus;

        class Broken
        {
            private readonly Dictionary<string, object?> _args = new() { ["x-max-length"] = };
            private readonly ProducerConfig _config = new ProducerConfig { Acks = Acks. };

            async Task RunAsync(IChannel channel, ServiceBusClient client, IProducer<string, string> producer)
            {
                await channel.QueueDeclareAsync("q", durable: true, exclusive: false, autoDelete: false, arguments: _args;
                await channel.BasicPublishAsync("a", "b", new BasicProperties { Persistent = }, );
                var processor = client.CreateProcessor(
                processor.ProcessMessageAsync += async args => { try { await args.; } catch { } };
                using var consumer = new ConsumerBuilder<string, >(new ConsumerConfig { GroupId = }).Build();
                using var built = new ProducerBuilder<string, string>(_config).Build();
                producer.ProduceAsync("t", new Message<string, string> { Key = , Value = "v" });
                new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode. };
            }

            ProducerConfig Factory() => new ProducerConfig { EnableIdempotence = ;
        """,
        // Types and members that do not resolve.
        """
        using System;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using RabbitMQ.Client;
        using Azure.Messaging.ServiceBus;

        class Unresolved
        {
            private readonly MissingDictionary _args = new MissingDictionary();
            private readonly ConsumerConfig _config = MissingFactory.Create();

            async Task RunAsync(IChannel channel, ServiceBusClient client, IProducer<MissingKey, MissingValue> producer)
            {
                await channel.QueueDeclareAsync("q", true, false, false, _args);
                await channel.QueueDeclareAsync("q", Missing.Durable, false, false, new Dictionary<string, object> { [Missing.Key] = 1 });
                await producer.ProduceAsync(Missing.Topic, new Message<MissingKey, MissingValue> { Value = Missing.Value });
                var processor = client.CreateProcessor("q", new ServiceBusProcessorOptions { AutoCompleteMessages = Missing.Flag });
                processor.ProcessMessageAsync += MissingHandler;
                processor.ProcessMessageAsync += async args => { try { await Missing.HandleAsync(args); } catch (MissingException) { } };
                new ServiceBusReceiverOptions { ReceiveMode = Missing.Mode };
                using var consumer = new ConsumerBuilder<string, string>(_config).Build();
                using var other = new ProducerBuilder<string, string>(MissingFactory()).Build();
                await channel.BasicPublishAsync("a", "b", false, Missing.Properties, Missing.Body);
                channel.QueueDeclare("legacy", true, false, false, null);
            }
        }

        [EventContract]
        public record Unknown(MissingType EventId, DateTimeOffset OccurredAt);
        """,
        // Generics in odd places: open and nested type arguments, constraints, generic handlers and builders.
        """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using RabbitMQ.Client;
        using Azure.Messaging.ServiceBus;

        public sealed class Builder<TKey, TValue, TExtra> : ConsumerBuilder<TKey, TValue> where TExtra : IDictionary<string, object?>, new()
        {
            private readonly TExtra _args = new();
            private readonly ConsumerConfig _config = new() { GroupId = "g" };

            public Builder(IEnumerable<KeyValuePair<string, string>> config) : base(config) { }

            public Task DeclareAsync<TChannel>(TChannel channel) where TChannel : IChannel =>
                channel.QueueDeclareAsync("q", true, false, false, _args);

            public IConsumer<TKey, TValue> Create() => new Builder<TKey, TValue, TExtra>(_config).Build();

            public Task ProduceAsync<TProducer>(TProducer producer, TValue value) where TProducer : IProducer<TKey, TValue> =>
                producer.ProduceAsync("t", new Message<TKey, TValue> { Value = value });

            public void Hook<TProcessor>(TProcessor processor, Func<ProcessMessageEventArgs, Task> handler) where TProcessor : ServiceBusProcessor =>
                processor.ProcessMessageAsync += handler;

            private static Dictionary<string, List<Dictionary<TKey, TValue>>> Nested() => new() { ["x-dead-letter-exchange"] = new() };
        }

        public record Envelope<T>(Guid EventId, string EventType, DateTimeOffset OccurredAt, T Payload) where T : Envelope<T>;

        public class Recursive<T> where T : Recursive<Recursive<T>> { public Message<T, Recursive<T>> Message { get; } = new(); }
        """,
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task NoAnalyzerThrowsOrReportsOutsideTheTree(string source)
    {
        (CSharpCompilation compilation, ImmutableArray<Diagnostic> diagnostics, List<Exception> exceptions) = await AnalyzeAsync(source, concurrent: true);

        Assert.True(compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), "the source is meant to be broken");
        Assert.Empty(exceptions.Select(e => e.ToString()));
        Assert.Empty(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            foreach (Location location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
            {
                Assert.True(location.IsInSource && location.SourceTree == tree && location.SourceSpan.End <= tree.Length,
                    $"{diagnostic.Id} at {location} is outside the analysed tree");
            }
        }
    }

    [Theory]
    [InlineData(nameof(Samples.KafkaAndRabbitMq7))]
    [InlineData(nameof(Samples.RabbitMq6))]
    [InlineData("broken")]
    public async Task ResultsAreTheSameWithAndWithoutConcurrentExecution(string sampleName)
    {
        string source = sampleName switch
        {
            nameof(Samples.KafkaAndRabbitMq7) => Samples.KafkaAndRabbitMq7,
            nameof(Samples.RabbitMq6) => Samples.RabbitMq6,
            _ => string.Join(Environment.NewLine, Broken),
        };
        ReferenceAssemblies references = sampleName == nameof(Samples.RabbitMq6) ? Brokers.RabbitMq6 : Brokers.All;

        (_, ImmutableArray<Diagnostic> sequential, List<Exception> sequentialExceptions) = await AnalyzeAsync(source, concurrent: false, references);
        (_, ImmutableArray<Diagnostic> concurrent, List<Exception> concurrentExceptions) = await AnalyzeAsync(source, concurrent: true, references);

        Assert.Empty(sequentialExceptions.Concat(concurrentExceptions).Select(e => e.ToString()));
        Assert.True(sampleName == "broken" || !sequential.IsEmpty, "the samples trigger every rule");
        Assert.Equal(Describe(sequential), Describe(concurrent));
    }

    private static IReadOnlyList<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {string.Join(";", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))} {d.GetMessage()}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();

    private static async Task<(CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> AnalyzeAsync(
        string source, bool concurrent, ReferenceAssemblies? referenceSet = null)
    {
        ImmutableArray<MetadataReference> references = await (referenceSet ?? Brokers.All).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Hardening",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Sample.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        return (compilation, diagnostics, exceptions);
    }
}
