using VerifyEG0017 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaEagerRebalanceAnalyzer>;
using VerifyFixEG0017 = EventGovernance.Analyzers.Tests.VerifyFix<EventGovernance.Analyzers.KafkaEagerRebalanceAnalyzer, EventGovernance.Analyzers.CodeFixes.KafkaEagerRebalanceCodeFixProvider>;

namespace EventGovernance.Analyzers.Tests;

public class KafkaEagerRebalanceTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task UnsetAndEagerStrategiesAreFlagged()
    {
        await VerifyEG0017.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var config = {|EG0017:new ConsumerConfig { GroupId = "billing" }|};
                    using var a = new ConsumerBuilder<string, string>(config).Build();
                    using var b = new ConsumerBuilder<string, string>({|EG0017:new ConsumerConfig { GroupId = "b", PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range }|}).Build();
                    var settings = {|EG0017:new Dictionary<string, string> { ["group.id"] = "c", ["partition.assignment.strategy"] = "roundrobin" }|};
                    using var c = new ConsumerBuilder<string, string>(settings).Build();
                    var later = {|EG0017:new ConsumerConfig { PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }|};
                    later.PartitionAssignmentStrategy = PartitionAssignmentStrategy.RoundRobin;
                    using var d = new ConsumerBuilder<string, string>(later).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageNamesTheEagerStrategy()
    {
        await VerifyEG0017.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run() => new ConsumerBuilder<string, string>(new ConsumerConfig { PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range }).Build();
            }
            """, Brokers.Kafka,
            Verify<KafkaEagerRebalanceAnalyzer>.Diagnostic(Descriptors.KafkaEagerRebalance)
                .WithSpan(6, 55, 6, 141)
                .WithArguments("sets PartitionAssignmentStrategy to the eager Range"));
    }

    [Fact]
    public async Task CooperativeUnknownAndAssignOnlyConsumersAreNotFlagged()
    {
        await VerifyEG0017.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(ConsumerConfig shared, PartitionAssignmentStrategy chosen, ClientConfig client)
                {
                    using var a = new ConsumerBuilder<string, string>(new ConsumerConfig { PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }).Build();
                    using var b = new ConsumerBuilder<string, string>(new Dictionary<string, string> { ["partition.assignment.strategy"] = "cooperative-sticky" }).Build();
                    using var c = new ConsumerBuilder<string, string>(shared).Build();
                    using var d = new ConsumerBuilder<string, string>(new ConsumerConfig { PartitionAssignmentStrategy = chosen }).Build();
                    using var e = new ConsumerBuilder<string, string>(new ConsumerConfig(client)).Build();
                    var config = new ConsumerConfig();
                    Configure(config);
                    using var f = new ConsumerBuilder<string, string>(config).Build();
                    var set = new ConsumerConfig();
                    set.Set("partition.assignment.strategy", "cooperative-sticky");
                    using var g = new ConsumerBuilder<string, string>(set).Build();
                    using var replay = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "replay" }).Build();
                    replay.Assign(new TopicPartitionOffset("orders", new Partition(0), new Offset(42)));
                }

                static void Configure(ConsumerConfig config) => config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task SilentWithoutKafka()
    {
        await VerifyEG0017.AnalyzerAsync("""
            class ConsumerConfig { public string? GroupId { get; set; } }
            class ConsumerBuilder<TKey, TValue> { public ConsumerBuilder(ConsumerConfig config) { } }
            class Worker
            {
                void Run() => new ConsumerBuilder<string, string>(new ConsumerConfig());
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task FixSetsCooperativeStickyInEveryInitializerLayout()
    {
        await VerifyFixEG0017.CodeFixAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    using var a = new ConsumerBuilder<string, string>({|EG0017:new ConsumerConfig { GroupId = "a" }|}).Build();
                    using var b = new ConsumerBuilder<string, string>({|EG0017:new ConsumerConfig()|}).Build();
                    using var c = new ConsumerBuilder<string, string>({|EG0017:new ConsumerConfig { GroupId = "c", PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range }|}).Build();
                    var d = {|EG0017:new ConsumerConfig
                    {
                        BootstrapServers = "localhost:9092",
                        GroupId = "d"
                    }|};
                    using var consumerD = new ConsumerBuilder<string, string>(d).Build();
                    ConsumerConfig e = {|EG0017:new()
                    {
                        GroupId = "e",
                    }|};
                    using var consumerE = new ConsumerBuilder<string, string>(e).Build();
                }
            }
            """, Usings + """
            class Worker
            {
                void Run()
                {
                    using var a = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "a", PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }).Build();
                    using var b = new ConsumerBuilder<string, string>(new ConsumerConfig() { PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }).Build();
                    using var c = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "c", PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }).Build();
                    var d = new ConsumerConfig
                    {
                        BootstrapServers = "localhost:9092",
                        GroupId = "d",
                        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky
                    };
                    using var consumerD = new ConsumerBuilder<string, string>(d).Build();
                    ConsumerConfig e = new()
                    {
                        GroupId = "e",
                        PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
                    };
                    using var consumerE = new ConsumerBuilder<string, string>(e).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NoFixWhenALaterWriteOrADictionaryDecides()
    {
        string source = Usings + """
            class Worker
            {
                void Run()
                {
                    var later = {|EG0017:new ConsumerConfig()|};
                    later.PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range;
                    using var a = new ConsumerBuilder<string, string>(later).Build();
                    using var b = new ConsumerBuilder<string, string>({|EG0017:new Dictionary<string, string> { ["group.id"] = "b" }|}).Build();
                }
            }
            """;
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<KafkaEagerRebalanceAnalyzer, EventGovernance.Analyzers.CodeFixes.KafkaEagerRebalanceCodeFixProvider, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = Brokers.Kafka,
            TestCode = source,
            FixedCode = source,
            // The finding sits on the configuration (or call), not on the operation that found it.
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }
}
