using VerifyEG0019 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaConstantKeyAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class KafkaConstantKeyTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task LiteralConstAndNameofKeysAreFlagged()
    {
        await VerifyEG0019.AnalyzerAsync(Usings + """
            class Publisher
            {
                private const string Tenant = "acme";

                async Task PublishAsync(IProducer<string, string> producer, IProducer<int, string> numbered, string json)
                {
                    await producer.{|EG0019:ProduceAsync("orders", new Message<string, string> { Key = "orders", Value = json })|};
                    producer.{|EG0019:Produce("orders", new Message<string, string> { Key = Tenant, Value = json })|};
                    producer.{|EG0019:Produce("orders", new Message<string, string> { Key = nameof(Publisher), Value = json })|};
                    producer.{|EG0019:Produce("orders", new Message<string, string> { Key = "", Value = json })|};
                    numbered.{|EG0019:Produce("orders", new Message<int, string> { Key = 1, Value = json })|};
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageNamesTheTopicAndTheKey()
    {
        await VerifyEG0019.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer) =>
                    producer.Produce("orders", new Message<string, string> { Key = "k1", Value = "v" });
            }
            """, Brokers.Kafka,
            Verify<KafkaConstantKeyAnalyzer>.Diagnostic(Descriptors.KafkaConstantKey).WithSpan(7, 18, 7, 92).WithArguments(" to topic 'orders'", "\"k1\""));
    }

    [Fact]
    public async Task KeysFollowedThroughLocals()
    {
        await VerifyEG0019.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer, string id, string json)
                {
                    var key = "all";
                    producer.{|EG0019:Produce("orders", new Message<string, string> { Key = key, Value = json })|};

                    var message = new Message<string, string> { Value = json };
                    message.Key = "fixed";
                    producer.{|EG0019:Produce("orders", message)|};

                    var keyed = new Message<string, string> { Key = "first", Value = json };
                    keyed.Key = id;
                    producer.Produce("orders", keyed);

                    var changing = "a";
                    changing = id;
                    producer.Produce("orders", new Message<string, string> { Key = changing, Value = json });
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task EntityKeysNullKeysAndExplicitPartitionsAreNotFlagged()
    {
        await VerifyEG0019.AnalyzerAsync(Usings + """
            record Order(string Id);

            class Publisher
            {
                void Publish(IProducer<string, string> producer, IProducer<Null, string> unkeyed, Order order, Message<string, string> given)
                {
                    producer.Produce("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                    producer.Produce("orders", new Message<string, string> { Key = null!, Value = "x" });
                    producer.Produce("orders", new Message<string, string> { Value = "x" });
                    unkeyed.Produce("orders", new Message<Null, string> { Value = "x" });
                    producer.Produce(new TopicPartition("orders", new Partition(3)), new Message<string, string> { Key = "k", Value = "x" });
                    producer.Produce("orders", given);
                    var handed = new Message<string, string> { Key = "k", Value = "x" };
                    Touch(handed);
                    producer.Produce("orders", handed);
                }

                static void Touch(Message<string, string> message) { }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task AnyPartitionStillUsesTheKey()
    {
        await VerifyEG0019.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer) =>
                    producer.{|EG0019:Produce(new TopicPartition("orders", Partition.Any), new Message<string, string> { Key = "k", Value = "x" })|};
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task SilentWithoutKafka()
    {
        await VerifyEG0019.AnalyzerAsync("""
            class Message<TKey, TValue> { public TKey Key { get; set; } = default!; public TValue Value { get; set; } = default!; }
            class Producer { public void Produce(string topic, Message<string, string> message) { } }
            class Publisher
            {
                void Publish(Producer producer) => producer.Produce("orders", new Message<string, string> { Key = "k", Value = "x" });
            }
            """, Brokers.None);
    }
}
