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

            static class Defaults { public static ConsumerConfig Shared = new(); }

            class Worker
            {
                ConsumerConfig Load() => Defaults.Shared;
                void Tune(ConsumerConfig config) { }

                void Run(Settings settings, ConsumerConfig fromCaller, ConsumerConfig shared)
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
                    using var fromPairs = new ConsumerBuilder<string, string>(new ConsumerConfig(new Dictionary<string, string>())).Build();

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
    public async Task CopyOfAClientConfigStartsFromTheConsumerDefaults()
    {
        // ClientConfig has no consumer properties, so a shared connection config copied in carries
        // neither auto-commit setting; only what the copy's initializer sets counts.
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(ClientConfig connection)
                {
                    var config = {|EG0002:new ConsumerConfig(connection) { GroupId = "billing" }|};
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    using var inline = new ConsumerBuilder<string, string>({|EG0002:new ConsumerConfig(connection)|}).Build();

                    var manual = new ConsumerConfig(connection) { GroupId = "billing", EnableAutoOffsetStore = false };
                    using var third = new ConsumerBuilder<string, string>(manual).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigInFieldInitializerIsFlaggedWhenBuiltInAnotherMethod()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            using System.Threading;
            using System.Threading.Tasks;

            class OrdersWorker
            {
                private readonly ConsumerConfig _config = {|EG0002:new() { BootstrapServers = "localhost:9092", GroupId = "orders" }|};
                private static readonly Dictionary<string, string> Settings = {|EG0002:new() { ["group.id"] = "audit" }|};

                protected Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var consumer = new ConsumerBuilder<Ignore, string>(_config).Build();
                    using var audit = new ConsumerBuilder<Ignore, string>(Settings).Build();
                    consumer.Subscribe("orders");
                    if (_config != null && _config.GroupId == "orders") { consumer.Consume(stoppingToken); }
                    return Task.CompletedTask;
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigAssignedInConstructorIsFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class OrdersWorker
            {
                private readonly ConsumerConfig _config;
                private IConsumer<string, string>? _consumer;

                public OrdersWorker(IDictionary<string, string> configuration)
                {
                    _config = {|EG0002:new ConsumerConfig { BootstrapServers = configuration["Kafka"], GroupId = "g", EnableAutoCommit = true }|};
                }

                public void Start() => _consumer = new ConsumerBuilder<string, string>(this._config).Build();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigInPrivatePropertyIsFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class OrdersWorker
            {
                private ConsumerConfig Config { get; } = {|EG0002:new ConsumerConfig { GroupId = "orders" }|};

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(Config).Build();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigInPartialClassIsFollowedAcrossFiles()
    {
        await VerifyEG0002.AnalyzerAsync(
            new[]
            {
                Usings + """
                partial class OrdersWorker
                {
                    private readonly ConsumerConfig _config = {|EG0002:new() { GroupId = "orders" }|};
                }

                partial class BillingWorker
                {
                    private readonly ConsumerConfig _config = new() { GroupId = "billing" };
                }
                """,
                Usings + """
                partial class OrdersWorker
                {
                    public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
                }

                partial class BillingWorker
                {
                    public IConsumer<string, string> Create()
                    {
                        _config.EnableAutoCommit = false;
                        return new ConsumerBuilder<string, string>(_config).Build();
                    }
                }
                """,
            },
            Brokers.Kafka,
            editorConfig: null);
    }

    [Fact]
    public async Task MemberTurnedOffAnywhereInTheTypeIsNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class LaterInAnotherMethod
            {
                private readonly ConsumerConfig _config = new() { GroupId = "orders" };

                public void Configure() => _config.EnableAutoCommit = false;

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }

            class StoreOffSetByKey
            {
                private readonly ConsumerConfig _config;

                public StoreOffSetByKey() { _config = new ConsumerConfig { GroupId = "orders" }; _config.Set("enable.auto.offset.store", "false"); }

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }

            class OffInOneOfTwoCreations
            {
                private ConsumerConfig _config = new() { GroupId = "orders" };

                public OffInOneOfTwoCreations(bool manual) { if (manual) { _config = new ConsumerConfig { EnableAutoCommit = false }; } }

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }

            class TurnedOffByANestedType
            {
                private readonly ConsumerConfig _config = new() { GroupId = "orders" };

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();

                private sealed class Tuner
                {
                    public void Tune(TurnedOffByANestedType worker) => worker._config.EnableAutoCommit = false;
                }
            }

            class SetFromAValueNotKnown
            {
                private readonly ConsumerConfig _config = new() { GroupId = "orders" };

                public SetFromAValueNotKnown(bool autoCommit) => _config.EnableAutoCommit = autoCommit;

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MembersVisibleOutsideTheTypeOrFilledFromElsewhereAreNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            interface IOptions<T> { T Value { get; } }

            class PublicField
            {
                public ConsumerConfig Config = new() { GroupId = "orders" };
                protected ConsumerConfig Shared { get; } = new() { GroupId = "orders" };

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(Config).Build();
                public IConsumer<string, string> CreateShared() => new ConsumerBuilder<string, string>(Shared).Build();
            }

            class FromOptions
            {
                private readonly ConsumerConfig _config;

                public FromOptions(IOptions<ConsumerConfig> options) => _config = options.Value;

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }

            class HandedToOtherCode
            {
                private readonly ConsumerConfig _config = new() { GroupId = "orders" };

                public HandedToOtherCode(Action<ConsumerConfig> tune) => tune(_config);

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
            }

            class NeverBuilt
            {
                private readonly ConsumerConfig _config = new() { GroupId = "orders" };

                public string Group => _config.GroupId;
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigReturnedByAFactoryMethodOfTheTypeIsFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class OrdersWorker
            {
                private readonly string _servers = "localhost:9092";

                private static ConsumerConfig CreateConfig() => {|EG0002:new() { GroupId = "orders" }|};

                private ConsumerConfig BuildConfig(string group)
                {
                    var config = {|EG0002:new ConsumerConfig { GroupId = group }|};
                    config.BootstrapServers = _servers;
                    return config;
                }

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(CreateConfig()).Build();
                public IConsumer<string, string> CreateFor(string group) => new ConsumerBuilder<string, string>(BuildConfig(group)).Build();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task FactoryMethodsThatTurnItOffOrReturnOtherConfigsAreNotFlagged()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            interface IOptions<T> { T Value { get; } }

            class OrdersWorker
            {
                private readonly IOptions<ConsumerConfig> _options;

                public OrdersWorker(IOptions<ConsumerConfig> options) => _options = options;

                private static ConsumerConfig StoreAfterProcessing()
                {
                    var config = new ConsumerConfig { GroupId = "orders" };
                    config.EnableAutoOffsetStore = false;
                    return config;
                }

                private ConsumerConfig FromOptionsOrDefault(bool useOptions)
                {
                    if (useOptions) { return _options.Value; }
                    return new ConsumerConfig { GroupId = "orders" };
                }

                protected virtual ConsumerConfig Overridable() => new ConsumerConfig { GroupId = "orders" };

                private static ConsumerConfig Tuned(Action<ConsumerConfig> tune)
                {
                    var config = new ConsumerConfig { GroupId = "orders" };
                    tune(config);
                    return config;
                }

                public void Create()
                {
                    using var first = new ConsumerBuilder<string, string>(StoreAfterProcessing()).Build();
                    using var second = new ConsumerBuilder<string, string>(FromOptionsOrDefault(true)).Build();
                    using var third = new ConsumerBuilder<string, string>(Overridable()).Build();
                    using var fourth = new ConsumerBuilder<string, string>(Tuned(c => c.EnableAutoCommit = false)).Build();
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

    [Fact]
    public async Task ConfigHandedToACallThatDoesNotBindIsNotFlagged()
    {
        // Binding from configuration (an extension from a package not referenced here) may set either value.
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(object settings)
                {
                    var config = new ConsumerConfig();
                    settings.{|CS1061:Fill|}(config);
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConfigIsFlaggedWhenAnUnboundCallGetsSomethingElse()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Worker
            {
                void Run(object settings, ProducerConfig other)
                {
                    var config = {|EG0002:new ConsumerConfig()|};
                    settings.{|CS1061:Fill|}(other);
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                }
            }
            """, Brokers.Kafka);
    }
}
