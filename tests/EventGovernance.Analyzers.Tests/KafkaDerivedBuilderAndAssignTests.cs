using VerifyEG0002 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaAutoCommitAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>EG0002 through a team's own ConsumerBuilder subclass, and for consumers that only Assign explicit offsets.</summary>
public class KafkaDerivedBuilderAndAssignTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task DerivedBuilderBuildsConsumersToo()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class TestConsumerBuilder<TKey, TValue> : ConsumerBuilder<TKey, TValue>
            {
                public TestConsumerBuilder(IEnumerable<KeyValuePair<string, string>> config) : base(config)
                {
                    SetLogHandler((_, m) => Console.WriteLine(m.Message));
                }
            }

            sealed class TracingConsumerBuilder : ConsumerBuilder<string, string>
            {
                public TracingConsumerBuilder(string name, ConsumerConfig config) : base(config) { }
            }

            class Worker
            {
                void Run()
                {
                    var config = {|EG0002:new ConsumerConfig { GroupId = "billing", BootstrapServers = "localhost:9092" }|};
                    using var consumer = new TestConsumerBuilder<string, string>(config).Build();
                    consumer.Subscribe("orders");

                    using var traced = new TracingConsumerBuilder("audit", {|EG0002:new ConsumerConfig { GroupId = "audit" }|}).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task DerivedBuilderConfigHeldInAFieldIsFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class TestConsumerBuilder : ConsumerBuilder<string, string>
            {
                public TestConsumerBuilder(ConsumerConfig config) : base(config) { }
            }

            class Worker
            {
                private readonly ConsumerConfig _config = {|EG0002:new ConsumerConfig { GroupId = "billing" }|};

                void Run()
                {
                    using var consumer = new TestConsumerBuilder(_config).Build();
                    consumer.Subscribe("orders");
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task SafeConfigThroughADerivedBuilderAndABuilderThatSetsCommitsItselfAreNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class TestConsumerBuilder : ConsumerBuilder<string, string>
            {
                public TestConsumerBuilder(ConsumerConfig config) : base(config) { }
            }

            class SafeConsumerBuilder : ConsumerBuilder<string, string>
            {
                public SafeConsumerBuilder(ConsumerConfig config) : base(Safe(config)) { }

                private static ConsumerConfig Safe(ConsumerConfig config)
                {
                    config.EnableAutoOffsetStore = false;
                    return config;
                }
            }

            class Worker
            {
                void Run()
                {
                    using var consumer = new TestConsumerBuilder(new ConsumerConfig { GroupId = "billing", EnableAutoCommit = false }).Build();
                    using var safe = new SafeConsumerBuilder(new ConsumerConfig { GroupId = "billing" }).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConsumerThatOnlyAssignsExplicitOffsetsIsNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Replayer
            {
                void Replay(long from)
                {
                    var config = new ConsumerConfig { GroupId = "replay", BootstrapServers = "localhost:9092" };
                    using var consumer = new ConsumerBuilder<string, string>(config).SetErrorHandler((_, e) => Console.WriteLine(e.Reason)).Build();
                    consumer.Assign(new TopicPartitionOffset("orders", new Partition(0), new Offset(from)));
                    consumer.Consume(TimeSpan.FromSeconds(1));
                }

                void ReplayAll(IEnumerable<TopicPartitionOffset> offsets)
                {
                    using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "replay" }).Build();
                    consumer.Assign(offsets);
                    consumer.Consume(TimeSpan.FromSeconds(1));
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConsumerThatSubscribesOrAssignsCommittedOffsetsIsStillFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void AssignsAndSubscribes(long from)
                {
                    var config = {|EG0002:new ConsumerConfig { GroupId = "billing" }|};
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    consumer.Assign(new TopicPartitionOffset("orders", new Partition(0), new Offset(from)));
                    consumer.Subscribe("orders");
                }

                void AssignsWithoutOffsets()
                {
                    using var consumer = new ConsumerBuilder<string, string>({|EG0002:new ConsumerConfig { GroupId = "billing" }|}).Build();
                    consumer.Assign(new TopicPartition("orders", new Partition(0)));
                }

                void AssignsStoredOffsets()
                {
                    using var consumer = new ConsumerBuilder<string, string>({|EG0002:new ConsumerConfig { GroupId = "billing" }|}).Build();
                    consumer.Assign(new TopicPartitionOffset("orders", new Partition(0), Offset.Stored));
                }

                void HandsTheConsumerOn(Action<IConsumer<string, string>> run)
                {
                    using var consumer = new ConsumerBuilder<string, string>({|EG0002:new ConsumerConfig { GroupId = "billing" }|}).Build();
                    consumer.Assign(new TopicPartitionOffset("orders", new Partition(0), Offset.Beginning));
                    run(consumer);
                }
            }
            """, Brokers.Kafka);
    }
}
