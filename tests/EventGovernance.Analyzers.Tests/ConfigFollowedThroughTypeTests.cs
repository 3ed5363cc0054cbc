using VerifyEG0009 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaProducerNotDurableAnalyzer>;
using VerifyEG0017 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaEagerRebalanceAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0009 and EG0017 follow a configuration the way EG0002 does: through a local, a private field set in an
/// initializer or the constructor, and a private factory method of the same type; unknown values stay silent.
/// </summary>
public class ConfigFollowedThroughTypeTests
{
    [Fact]
    public async Task ProducerConfigInAFieldSetInTheConstructorIsFollowed()
    {
        await VerifyEG0009.AnalyzerAsync("""
            using Confluent.Kafka;

            class Publisher
            {
                private readonly ProducerConfig _config;
                private readonly ProducerConfig _durable;
                private readonly ProducerConfig _initialized = {|EG0009:new ProducerConfig { Acks = Acks.Leader }|};

                Publisher(string servers)
                {
                    _config = {|EG0009:new ProducerConfig { BootstrapServers = servers }|};
                    _durable = new ProducerConfig { BootstrapServers = servers };
                    _durable.EnableIdempotence = true;
                }

                IProducer<string, string> Create() => new ProducerBuilder<string, string>(_config).Build();
                IProducer<string, string> CreateDurable() => new ProducerBuilder<string, string>(_durable).Build();
                IProducer<string, string> CreateInitialized() => new ProducerBuilder<string, string>(this._initialized).Build();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ProducerConfigFromAPrivateFactoryMethodIsFollowed()
    {
        await VerifyEG0009.AnalyzerAsync("""
            using Confluent.Kafka;

            class Publisher
            {
                private ProducerConfig Inline() => {|EG0009:new ProducerConfig { BootstrapServers = "kafka" }|};

                private static ProducerConfig Local()
                {
                    var config = {|EG0009:new ProducerConfig { BootstrapServers = "kafka" }|};
                    config.Acks = Acks.None;
                    return config;
                }

                private static ProducerConfig Durable()
                {
                    var config = new ProducerConfig { BootstrapServers = "kafka" };
                    config.EnableIdempotence = true;
                    return config;
                }

                void Run()
                {
                    using var first = new ProducerBuilder<string, string>(Inline()).Build();
                    using var second = new ProducerBuilder<string, string>(Local()).Build();
                    using var third = new ProducerBuilder<string, string>(Durable()).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ProducerConfigsNotKnownAreNotFlagged()
    {
        await VerifyEG0009.AnalyzerAsync("""
            using Confluent.Kafka;

            class Publisher
            {
                private readonly ProducerConfig _injected;
                private readonly ProducerConfig _changedLater = new ProducerConfig();
                private ProducerConfig _reassigned = new ProducerConfig();
                private readonly ProducerConfig _handed = new ProducerConfig();
                public ProducerConfig Shared = new ProducerConfig();

                Publisher(ProducerConfig injected, bool which)
                {
                    _injected = injected;
                    Tune(_handed);
                }

                void Enable() => _changedLater.EnableIdempotence = true;
                void Swap(ProducerConfig other) => _reassigned = other;
                static void Tune(ProducerConfig config) => config.EnableIdempotence = true;

                public virtual ProducerConfig Overridable() => new ProducerConfig();
                private ProducerConfig Either(bool which) { if (which) { return new ProducerConfig(); } return new ProducerConfig { EnableIdempotence = true }; }

                void Run(bool which)
                {
                    using var a = new ProducerBuilder<string, string>(_injected).Build();
                    using var b = new ProducerBuilder<string, string>(_changedLater).Build();
                    using var c = new ProducerBuilder<string, string>(_reassigned).Build();
                    using var d = new ProducerBuilder<string, string>(_handed).Build();
                    using var e = new ProducerBuilder<string, string>(Shared).Build();
                    using var f = new ProducerBuilder<string, string>(Overridable()).Build();
                    using var g = new ProducerBuilder<string, string>(Either(which)).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ConsumerConfigForRebalancingIsFollowedThroughFieldsFactoriesAndLocals()
    {
        await VerifyEG0017.AnalyzerAsync("""
            using Confluent.Kafka;

            class Worker
            {
                private readonly ConsumerConfig _config;
                private readonly ConsumerConfig _cooperative;
                private readonly ConsumerConfig _unknown;

                Worker(ConsumerConfig injected)
                {
                    _config = {|EG0017:new ConsumerConfig { GroupId = "orders" }|};
                    _cooperative = new ConsumerConfig { GroupId = "billing" };
                    _cooperative.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
                    _unknown = injected;
                }

                private static ConsumerConfig Create() => {|EG0017:new ConsumerConfig { GroupId = "audit", PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range }|};

                private static ConsumerConfig CreateCooperative()
                {
                    var config = new ConsumerConfig { GroupId = "mail" };
                    config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky;
                    return config;
                }

                void Run()
                {
                    using var a = new ConsumerBuilder<string, string>(_config).Build();
                    using var b = new ConsumerBuilder<string, string>(_cooperative).Build();
                    using var c = new ConsumerBuilder<string, string>(_unknown).Build();
                    using var d = new ConsumerBuilder<string, string>(Create()).Build();
                    using var e = new ConsumerBuilder<string, string>(CreateCooperative()).Build();
                    var local = {|EG0017:new ConsumerConfig { GroupId = "sms" }|};
                    using var f = new ConsumerBuilder<string, string>(local).Build();
                }
            }
            """, Brokers.Kafka);
    }
}
