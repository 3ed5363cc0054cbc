using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// <see cref="KnownTypes"/> resolves each type in the assembly that declares it rather than searching every
/// reference. Whatever it finds must be the very symbol the compiler finds by name (so symbol comparisons in
/// the rules keep working), a library that is not referenced resolves nothing, and an assembly that declares
/// lookalike types does not stand in for the real library.
/// </summary>
public class KnownTypesResolutionTests
{
    /// <summary>Every type a holder resolves, by property, with the metadata name the compiler would look up.</summary>
    private static readonly (Type Holder, string Property, string MetadataName)[] TypeTable =
    {
        (typeof(KnownTypes), nameof(KnownTypes.RabbitMq6Model), "RabbitMQ.Client.IModel"),
        (typeof(KnownTypes), nameof(KnownTypes.RabbitMq7Channel), "RabbitMQ.Client.IChannel"),
        (typeof(KnownTypes), nameof(KnownTypes.Exception), "System.Exception"),
        (typeof(KnownTypes), nameof(KnownTypes.EventArgs), "System.EventArgs"),
        (typeof(KnownTypes), nameof(KnownTypes.KeyValuePair), "System.Collections.Generic.KeyValuePair`2"),
        (typeof(KnownTypes), nameof(KnownTypes.EqualityComparer), "System.Collections.Generic.IEqualityComparer`1"),
        (typeof(KnownTypes), nameof(KnownTypes.Comparer), "System.Collections.Generic.IComparer`1"),
        (typeof(KnownTypes), nameof(KnownTypes.Guid), "System.Guid"),
        (typeof(KnownTypes), nameof(KnownTypes.JsonSerializer), "System.Text.Json.JsonSerializer"),
        (typeof(KnownTypes), nameof(KnownTypes.JsonConvert), "Newtonsoft.Json.JsonConvert"),
        (typeof(KnownTypes), nameof(KnownTypes.RabbitMqConnectionFactory), "RabbitMQ.Client.IConnectionFactory"),
        (typeof(KnownTypes), nameof(KnownTypes.DateTime), "System.DateTime"),
        (typeof(KnownTypes), nameof(KnownTypes.DateTimeOffset), "System.DateTimeOffset"),
        (typeof(KnownTypes), nameof(KnownTypes.Stopwatch), "System.Diagnostics.Stopwatch"),
        (typeof(KnownTypes), nameof(KnownTypes.Environment), "System.Environment"),
        (typeof(KnownTypes), nameof(KnownTypes.HashSet), "System.Collections.Generic.HashSet`1"),
        (typeof(KnownTypes), nameof(KnownTypes.ConcurrentDictionary), "System.Collections.Concurrent.ConcurrentDictionary`2"),
        (typeof(KnownTypes), nameof(KnownTypes.RabbitMq6Consumer), "RabbitMQ.Client.IBasicConsumer"),
        (typeof(KnownTypes), nameof(KnownTypes.RabbitMqAsyncConsumer), "RabbitMQ.Client.IAsyncBasicConsumer"),

        (typeof(KafkaTypes), nameof(KafkaTypes.Producer), "Confluent.Kafka.IProducer`2"),
        (typeof(KafkaTypes), nameof(KafkaTypes.Message), "Confluent.Kafka.Message`2"),
        (typeof(KafkaTypes), nameof(KafkaTypes.Null), "Confluent.Kafka.Null"),
        (typeof(KafkaTypes), nameof(KafkaTypes.ConsumerBuilder), "Confluent.Kafka.ConsumerBuilder`2"),
        (typeof(KafkaTypes), nameof(KafkaTypes.ConsumerConfig), "Confluent.Kafka.ConsumerConfig"),
        (typeof(KafkaTypes), nameof(KafkaTypes.Config), "Confluent.Kafka.Config"),
        (typeof(KafkaTypes), nameof(KafkaTypes.ClientConfig), "Confluent.Kafka.ClientConfig"),
        (typeof(KafkaTypes), nameof(KafkaTypes.TopicPartition), "Confluent.Kafka.TopicPartition"),
        (typeof(KafkaTypes), nameof(KafkaTypes.Partition), "Confluent.Kafka.Partition"),
        (typeof(KafkaTypes), nameof(KafkaTypes.Consumer), "Confluent.Kafka.IConsumer`2"),
        (typeof(KafkaTypes), nameof(KafkaTypes.TopicPartitionOffset), "Confluent.Kafka.TopicPartitionOffset"),
        (typeof(KafkaTypes), nameof(KafkaTypes.ProducerBuilder), "Confluent.Kafka.ProducerBuilder`2"),
        (typeof(KafkaTypes), nameof(KafkaTypes.ProducerConfig), "Confluent.Kafka.ProducerConfig"),

        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.Model6), "RabbitMQ.Client.IModel"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.Channel7), "RabbitMQ.Client.IChannel"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.BasicProperties), "RabbitMQ.Client.IBasicProperties"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.BasicPropertiesClass), "RabbitMQ.Client.BasicProperties"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.ConnectionFactory), "RabbitMQ.Client.IConnectionFactory"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.Connection), "RabbitMQ.Client.IConnection"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.CreateChannelOptions), "RabbitMQ.Client.CreateChannelOptions"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.DeliveryModes), "RabbitMQ.Client.DeliveryModes"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.PublishBatch), "RabbitMQ.Client.IBasicPublishBatch"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.TimeSpan), "System.TimeSpan"),
        (typeof(RabbitMqTypes), nameof(RabbitMqTypes.Dictionary), "System.Collections.Generic.IDictionary`2"),

        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.Exception), "System.Exception"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.Processor), "Azure.Messaging.ServiceBus.ServiceBusProcessor"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.SessionProcessor), "Azure.Messaging.ServiceBus.ServiceBusSessionProcessor"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.ProcessorOptions), "Azure.Messaging.ServiceBus.ServiceBusProcessorOptions"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.SessionProcessorOptions), "Azure.Messaging.ServiceBus.ServiceBusSessionProcessorOptions"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.ReceiverOptions), "Azure.Messaging.ServiceBus.ServiceBusReceiverOptions"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.SessionReceiverOptions), "Azure.Messaging.ServiceBus.ServiceBusSessionReceiverOptions"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.MessageEventArgs), "Azure.Messaging.ServiceBus.ProcessMessageEventArgs"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.SessionMessageEventArgs), "Azure.Messaging.ServiceBus.ProcessSessionMessageEventArgs"),
    };

    /// <summary>Every member (field or property of a type) a holder resolves: the type's metadata name and the member's name.</summary>
    private static readonly (Type Holder, string Property, string TypeName, string Member)[] MemberTable =
    {
        (typeof(KafkaTypes), nameof(KafkaTypes.OffsetStored), "Confluent.Kafka.Offset", "Stored"),
        (typeof(KafkaTypes), nameof(KafkaTypes.PartitionAny), "Confluent.Kafka.Partition", "Any"),
        (typeof(KafkaTypes), nameof(KafkaTypes.AcksAll), "Confluent.Kafka.Acks", "All"),
        (typeof(KafkaTypes), nameof(KafkaTypes.CooperativeSticky), "Confluent.Kafka.PartitionAssignmentStrategy", "CooperativeSticky"),
        (typeof(ServiceBusTypes), nameof(ServiceBusTypes.ReceiveAndDelete), "Azure.Messaging.ServiceBus.ServiceBusReceiveMode", "ReceiveAndDelete"),
    };

    public static TheoryData<string> ReferenceSets() => new(ReferenceSetsByName.Keys);

    private static readonly Dictionary<string, ReferenceAssemblies> ReferenceSetsByName = new()
    {
        ["net8.0 only"] = Brokers.None,
        ["netstandard2.0 only"] = ReferenceAssemblies.NetStandard.NetStandard20,
        ["Confluent.Kafka"] = Brokers.Kafka,
        ["RabbitMQ.Client 6"] = Brokers.RabbitMq6,
        ["RabbitMQ.Client 7"] = Brokers.RabbitMq7,
        ["Azure.Messaging.ServiceBus"] = Brokers.ServiceBus,
        ["every broker library"] = Brokers.All,
        ["in-process notification libraries"] = Brokers.InProcess,
    };

    [Theory]
    [MemberData(nameof(ReferenceSets))]
    public async Task Each_resolved_type_is_the_symbol_the_compilation_finds_by_name(string referenceSet)
    {
        CSharpCompilation compilation = Compile(await ReferencesAsync(ReferenceSetsByName[referenceSet]));
        AssertSameAsCompilation(compilation);
    }

    [Fact]
    public void Each_resolved_type_is_the_symbol_the_compilation_finds_by_name_against_implementation_assemblies()
    {
        // The running runtime's own assemblies: the core library is System.Private.CoreLib and System.Runtime
        // only forwards to it, so a type must come from where it is declared, not from the forwarder.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        CSharpCompilation compilation = Compile(references);
        Assert.Equal("System.Private.CoreLib", compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.Name);
        AssertSameAsCompilation(compilation);
    }

    [Fact]
    public void The_tables_cover_every_type_and_member_the_holders_resolve()
    {
        var covered = TypeTable.Select(row => (row.Holder, row.Property))
            .Concat(MemberTable.Select(row => (row.Holder, row.Property)))
            .ToHashSet();
        var resolved = new[] { typeof(KnownTypes), typeof(KafkaTypes), typeof(RabbitMqTypes), typeof(ServiceBusTypes) }
            .SelectMany(holder => holder.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => typeof(ISymbol).IsAssignableFrom(p.PropertyType))
                .Select(p => (holder, p.Name)))
            .ToList();
        List<string> uncovered = resolved.Where(property => !covered.Contains(property)).Select(property => $"{property.holder.Name}.{property.Name}").ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public async Task Types_declared_in_source_under_a_library_namespace_do_not_stand_in_for_the_library()
    {
        // Without the library's reference nothing of it is resolved, even when the names exist in source.
        CSharpCompilation compilation = Compile(await ReferencesAsync(Brokers.None), LookalikeSource);
        Assert.NotNull(compilation.GetTypeByMetadataName("Confluent.Kafka.IProducer`2"));

        KnownTypes types = KnownTypes.For(compilation);

        AssertNoLibraryResolved(types);
    }

    [Fact]
    public async Task An_assembly_declaring_lookalike_types_is_not_taken_for_the_library()
    {
        MetadataReference lookalike = await LookalikeAssemblyAsync();
        CSharpCompilation compilation = Compile((await ReferencesAsync(Brokers.None)).Add(lookalike));
        Assert.NotNull(compilation.GetTypeByMetadataName("Confluent.Kafka.IProducer`2"));

        KnownTypes types = KnownTypes.For(compilation);

        AssertNoLibraryResolved(types);
    }

    [Fact]
    public async Task Beside_an_assembly_declaring_lookalike_types_the_real_libraries_are_resolved_as_the_compiler_binds_them()
    {
        // The lookalike is referenced under an extern alias, so the code's own names bind to the real libraries.
        MetadataReference lookalike = (await LookalikeAssemblyAsync()).WithAliases(new[] { "lookalike" });
        CSharpCompilation compilation = Compile((await ReferencesAsync(Brokers.All)).Add(lookalike), """
            using Azure.Messaging.ServiceBus;
            using Confluent.Kafka;
            using RabbitMQ.Client;

            public sealed class Uses
            {
                public IProducer<string, string>? Producer;
                public IChannel? Channel;
                public ServiceBusProcessor? Processor;
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        KnownTypes types = KnownTypes.For(compilation);

        Assert.Equal(BoundFieldType(compilation, "Producer"), types.Kafka?.Producer, SymbolEqualityComparer.Default);
        Assert.Equal(BoundFieldType(compilation, "Channel"), types.RabbitMq7Channel, SymbolEqualityComparer.Default);
        Assert.Equal(BoundFieldType(compilation, "Processor"), types.ServiceBus?.Processor, SymbolEqualityComparer.Default);
        Assert.Equal("Confluent.Kafka", types.Kafka!.Message.ContainingAssembly.Name);
        Assert.Equal("RabbitMQ.Client", types.RabbitMq!.Connection!.ContainingAssembly.Name);
    }

    [Fact]
    public async Task The_process_only_member_types_are_the_symbols_the_compilation_finds_by_name()
    {
        CSharpCompilation compilation = Compile(await ReferencesAsync(Brokers.All));
        string[] names =
        {
            "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1", "System.IO.Stream",
            "System.Threading.Channels.Channel`1", "System.Threading.Channels.Channel`2", "System.Threading.Channels.ChannelReader`1",
            "System.Threading.Channels.ChannelWriter`1", "System.Data.IDbConnection", "System.Net.Sockets.Socket",
            "RabbitMQ.Client.IModel", "RabbitMQ.Client.IChannel", "RabbitMQ.Client.IConnection", "Confluent.Kafka.IClient",
        };
        INamedTypeSymbol[] expected = names.Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>().ToArray();
        Assert.Equal(13, expected.Length); // RabbitMQ.Client 7 has no IModel

        ImmutableArray<INamedTypeSymbol> resolved = new InProcessTypes(compilation).ProcessOnlyMemberTypes;

        Assert.Equal(expected, resolved, SymbolEqualityComparer.Default);
    }

    [Fact]
    public async Task Concurrent_starters_wait_for_one_construction()
    {
        const int Starters = 4;
        int constructions = 0;
        var cache = new OncePerCompilation<object>(_ =>
        {
            Interlocked.Increment(ref constructions);
            // Give any other starter the chance to start a construction of its own.
            SpinWait.SpinUntil(() => Volatile.Read(ref constructions) >= 2, TimeSpan.FromSeconds(1));
            return new object();
        });
        CSharpCompilation compilation = CSharpCompilation.Create("Starters");
        using var start = new Barrier(Starters);

        Task<object>[] starters = Enumerable.Range(0, Starters)
            .Select(_ => Task.Factory.StartNew(() => { start.SignalAndWait(); return cache.For(compilation); }, TaskCreationOptions.LongRunning))
            .ToArray();
        object[] values = await Task.WhenAll(starters).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, constructions);
        Assert.All(values, value => Assert.Same(values[0], value));
        Assert.Same(values[0], cache.For(compilation));
        Assert.NotSame(values[0], cache.For(CSharpCompilation.Create("Other")));
    }

    /// <summary>Declares the libraries' key type names; compiled on its own, it is an assembly that is none of them.</summary>
    private const string LookalikeSource = """
        namespace Confluent.Kafka
        {
            public interface IProducer<TKey, TValue> { }
            public class Message<TKey, TValue> { }
            public class Null { }
        }

        namespace RabbitMQ.Client
        {
            public interface IModel { }
            public interface IChannel { }
            public interface IConnection { }
            public interface IConnectionFactory { }
            public interface IBasicConsumer { }
        }

        namespace Azure.Messaging.ServiceBus
        {
            public class ServiceBusProcessor { }
        }

        namespace Newtonsoft.Json
        {
            public static class JsonConvert { }
        }
        """;

    private static void AssertNoLibraryResolved(KnownTypes types)
    {
        Assert.Null(types.Kafka);
        Assert.Null(types.RabbitMq);
        Assert.Null(types.RabbitMq6Model);
        Assert.Null(types.RabbitMq7Channel);
        Assert.Null(types.RabbitMqConnectionFactory);
        Assert.Null(types.RabbitMq6Consumer);
        Assert.Null(types.ServiceBus);
        Assert.Null(types.JsonConvert);
        Assert.False(types.ReferencesAny(BrokerLibrary.Kafka | BrokerLibrary.RabbitMq | BrokerLibrary.ServiceBus));
    }

    private static void AssertSameAsCompilation(CSharpCompilation compilation)
    {
        KnownTypes types = KnownTypes.For(compilation);
        var holders = new Dictionary<Type, object?>
        {
            [typeof(KnownTypes)] = types,
            [typeof(KafkaTypes)] = types.Kafka,
            [typeof(RabbitMqTypes)] = types.RabbitMq,
            [typeof(ServiceBusTypes)] = types.ServiceBus,
        };

        // A group exists exactly when the compilation finds the types that make it up.
        Assert.Equal(Finds(compilation, "Confluent.Kafka.IProducer`2") && Finds(compilation, "Confluent.Kafka.Message`2"), types.Kafka != null);
        Assert.Equal(Finds(compilation, "RabbitMQ.Client.IModel") || Finds(compilation, "RabbitMQ.Client.IChannel"), types.RabbitMq != null);
        Assert.Equal(Finds(compilation, "Azure.Messaging.ServiceBus.ServiceBusProcessor"), types.ServiceBus != null);

        var mismatches = new List<string>();
        foreach ((Type holder, string property, string metadataName) in TypeTable)
        {
            if (holders[holder] is object instance)
            {
                object? resolved = holder.GetProperty(property)!.GetValue(instance);
                INamedTypeSymbol? expected = compilation.GetTypeByMetadataName(metadataName);
                if (!SymbolEqualityComparer.Default.Equals(expected, resolved as ISymbol))
                {
                    mismatches.Add($"{holder.Name}.{property}: {Describe(resolved as ISymbol)}, the compilation finds {Describe(expected)}");
                }
            }
        }

        foreach ((Type holder, string property, string typeName, string member) in MemberTable)
        {
            if (holders[holder] is object instance)
            {
                object? resolved = holder.GetProperty(property)!.GetValue(instance);
                ISymbol? expected = compilation.GetTypeByMetadataName(typeName)?.GetMembers(member).FirstOrDefault(m => m.IsStatic);
                if (!SymbolEqualityComparer.Default.Equals(expected, resolved as ISymbol))
                {
                    mismatches.Add($"{holder.Name}.{property}: {Describe(resolved as ISymbol)}, the compilation finds {Describe(expected)}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static bool Finds(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName) != null;

    private static string Describe(ISymbol? symbol) => symbol == null ? "null" : $"{symbol.ToDisplayString()} in {symbol.ContainingAssembly?.Name}";

    private static ITypeSymbol BoundFieldType(CSharpCompilation compilation, string field)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        VariableDeclaratorSyntax declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == field);
        var symbol = (IFieldSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(declarator)!;
        return ((INamedTypeSymbol)symbol.Type).OriginalDefinition;
    }

    private static async Task<MetadataReference> LookalikeAssemblyAsync()
    {
        CSharpCompilation lookalike = CSharpCompilation.Create(
            "Lookalike.Messaging",
            new[] { CSharpSyntaxTree.ParseText(LookalikeSource) },
            await ReferencesAsync(Brokers.None),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = lookalike.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync(ReferenceAssemblies referenceSet) =>
        await referenceSet.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, string source = "public sealed class Empty { }") =>
        CSharpCompilation.Create(
            "Resolution",
            new[] { CSharpSyntaxTree.ParseText(source) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
