using VerifyEG0002 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaAutoCommitAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class KafkaAutoCommitTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task DefaultConsumerConfigIsFlaggedAtItsCreation()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var config = {|EG0002:new ConsumerConfig { GroupId = "billing", BootstrapServers = "localhost:9092" }|};
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ExplicitAutoCommitAndInlineConfigAreFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var config = {|EG0002:new ConsumerConfig { GroupId = "billing", EnableAutoCommit = true, EnableAutoOffsetStore = true }|};
                    using var first = new ConsumerBuilder<string, string>(config).Build();
                    using var second = new ConsumerBuilder<Ignore, string>({|EG0002:new ConsumerConfig()|}).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task StringKeyConfigurationIsFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var settings = {|EG0002:new Dictionary<string, string> { ["group.id"] = "billing", ["enable.auto.commit"] = "true" }|};
                    using var first = new ConsumerBuilder<string, string>(settings).Build();

                    var config = {|EG0002:new ConsumerConfig()|};
                    config.Set("enable.auto.commit", "TRUE");
                    using var second = new ConsumerBuilder<string, string>(config).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigFromElsewhereIsFlaggedAtTheBuilderWhenTurnedOnExplicitly()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                IConsumer<string, string> Create(ConsumerConfig config)
                {
                    config.EnableAutoCommit = true;
                    config.EnableAutoOffsetStore = true;
                    return {|EG0002:new ConsumerBuilder<string, string>(config)|}.Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task AutoCommitOffIsNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var inInitializer = new ConsumerConfig { GroupId = "billing", EnableAutoCommit = false };
                    using var first = new ConsumerBuilder<string, string>(inInitializer).Build();

                    var later = new ConsumerConfig { GroupId = "billing" };
                    later.EnableAutoCommit = false;
                    using var second = new ConsumerBuilder<string, string>(later).Build();

                    var coalesced = new ConsumerConfig { GroupId = "billing" };
                    coalesced.EnableAutoCommit ??= false;
                    using var third = new ConsumerBuilder<string, string>(coalesced).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task StoreOffsetAfterProcessingPatternIsNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(Action<string> handle)
                {
                    var config = new ConsumerConfig { GroupId = "billing", EnableAutoCommit = true, EnableAutoOffsetStore = false };
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    consumer.Subscribe("orders");
                    var result = consumer.Consume();
                    handle(result.Message.Value);
                    consumer.StoreOffset(result);
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task StringKeysSetToFalseAreNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run()
                {
                    var added = new Dictionary<string, string> { { "group.id", "billing" }, { "enable.auto.commit", "false" } };
                    using var first = new ConsumerBuilder<string, string>(added).Build();

                    var indexed = new Dictionary<string, string> { ["enable.auto.offset.store"] = "false" };
                    using var second = new ConsumerBuilder<string, string>(indexed).Build();

                    var set = new ConsumerConfig { GroupId = "billing" };
                    set.Set("enable.auto.offset.store", "false");
                    using var third = new ConsumerBuilder<string, string>(set).Build();

                    var assigned = new Dictionary<string, string>();
                    assigned["enable.auto.commit"] = "false";
                    using var fourth = new ConsumerBuilder<string, string>(assigned).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ValuesNotKnownAtCompileTimeAreNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Settings { public bool AutoCommit { get; set; } public string Raw { get; set; } = ""; }

            class Worker
            {
                ConsumerConfig Load() => new ConsumerConfig();
                void Tune(ConsumerConfig config) { }

                void Run(Settings settings, ConsumerConfig fromCaller, ClientConfig shared)
                {
                    var computed = new ConsumerConfig { EnableAutoCommit = settings.AutoCommit };
                    using var first = new ConsumerBuilder<string, string>(computed).Build();

                    var raw = new ConsumerConfig();
                    raw.Set("enable.auto.commit", settings.Raw);
                    using var second = new ConsumerBuilder<string, string>(raw).Build();

                    using var third = new ConsumerBuilder<string, string>(fromCaller).Build();
                    using var fourth = new ConsumerBuilder<string, string>(Load()).Build();

                    var copied = new ConsumerConfig(shared);
                    using var fifth = new ConsumerBuilder<string, string>(copied).Build();

                    var handedOff = new ConsumerConfig();
                    Tune(handedOff);
                    using var sixth = new ConsumerBuilder<string, string>(handedOff).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task CoalescingWithAValueNotKnownAtCompileTimeIsNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(ConsumerConfig shared, bool manual)
                {
                    var config = new ConsumerConfig { GroupId = "billing", EnableAutoCommit = true };
                    config.EnableAutoOffsetStore ??= manual;
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    shared.Set("enable.auto.commit", "true");
                    using var other = new ConsumerBuilder<string, string>(shared).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NothingIsReportedWithoutKafka()
    {
        await VerifyEG0002.AnalyzerAsync("""
            using System.Collections.Generic;

            class ConsumerConfig : Dictionary<string, string> { public bool? EnableAutoCommit { get; set; } }
            class ConsumerBuilder<TKey, TValue> { public ConsumerBuilder(IEnumerable<KeyValuePair<string, string>> config) { } }

            class Worker
            {
                object Run() => new ConsumerBuilder<string, string>(new ConsumerConfig());
            }
            """, Brokers.None);
    }
}
