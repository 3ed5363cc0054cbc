using VerifyEG0001 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaMessageWithoutKeyAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>EG0001 on a new random key per message (orders nothing, like no key) and on explicit partitions (need no key).</summary>
public class KafkaRandomKeyAndPartitionTests
{
    private const string Usings = """
        using System;
        using System.Text;
        using System.Threading.Tasks;
        using Confluent.Kafka;

        """;

    private const string NoKey = "has no key";
    private const string RandomKey = "has a new random key (Guid.NewGuid()) per message";

    private static string Message(string where, string what) =>
        $"Kafka message produced{where} {what}, so events for one entity may be spread over partitions and reordered; key it by a stable entity id";

    [Fact]
    public async Task NewGuidKeyPerMessageIsFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(
            Usings + """
            class Publisher
            {
                async Task Send(IProducer<string, string> producer, IProducer<Guid, string> byGuid, IProducer<byte[], string> byBytes)
                {
                    await producer.{|#0:ProduceAsync("orders", new Message<string, string> { Key = Guid.NewGuid().ToString(), Value = "x" })|};
                    byGuid.{|#1:Produce("orders", new Message<Guid, string> { Key = Guid.NewGuid(), Value = "x" })|};
                    byBytes.{|#2:Produce("orders", new Message<byte[], string> { Key = Guid.NewGuid().ToByteArray(), Value = "x" })|};

                    var message = new Message<string, string> { Value = "x" };
                    message.Key = Guid.NewGuid().ToString("N");
                    producer.{|#3:Produce("orders", message)|};

                    string key = Guid.NewGuid().ToString();
                    producer.{|#4:Produce("orders", new Message<string, string> { Key = key, Value = "x" })|};
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithMessage(Message(" to topic 'orders'", RandomKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithMessage(Message(" to topic 'orders'", RandomKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(2).WithMessage(Message(" to topic 'orders'", RandomKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(3).WithMessage(Message(" to topic 'orders'", RandomKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(4).WithMessage(Message(" to topic 'orders'", RandomKey)));
    }

    [Fact]
    public async Task StableKeysDerivedFromAGuidAreNotFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(
            Usings + """
            record Order(Guid Id);

            class Publisher
            {
                static readonly Guid Tenant = Guid.NewGuid();

                void Send(IProducer<string, string> producer, Order order, Guid customerId)
                {
                    producer.Produce("orders", new Message<string, string> { Key = order.Id.ToString(), Value = "x" });
                    producer.Produce("orders", new Message<string, string> { Key = customerId.ToString("N"), Value = "x" });
                    producer.Produce("orders", new Message<string, string> { Key = Tenant.ToString(), Value = "x" });
                    producer.Produce("orders", new Message<string, string> { Key = Guid.Parse("4c1e2b7a-0000-0000-0000-000000000000").ToString(), Value = "x" });
                }
            }
            """,
            Brokers.Kafka);
    }

    [Fact]
    public async Task ExplicitPartitionNeedsNoKey()
    {
        await VerifyEG0001.AnalyzerAsync(
            Usings + """
            class Publisher
            {
                async Task Send(IProducer<Null, string> producer, IProducer<string, string> keyed, TopicPartition assigned, int partition)
                {
                    producer.Produce(new TopicPartition("orders", new Partition(0)), new Message<Null, string> { Value = "x" });
                    producer.Produce(new TopicPartition("orders", 3), new Message<Null, string> { Value = "x" });
                    producer.Produce(new TopicPartition("orders", new Partition(partition)), new Message<Null, string> { Value = "x" });
                    await keyed.ProduceAsync(new TopicPartition("orders", new Partition(1)), new Message<string, string> { Value = "x" });
                    producer.Produce(assigned, new Message<Null, string> { Value = "x" });

                    var target = new TopicPartition("orders", new Partition(2));
                    producer.Produce(target, new Message<Null, string> { Value = "x" });
                }
            }
            """,
            Brokers.Kafka);
    }

    [Fact]
    public async Task PartitionAnyStillNeedsAKey()
    {
        await VerifyEG0001.AnalyzerAsync(
            Usings + """
            class Publisher
            {
                void Send(IProducer<Null, string> producer, IProducer<string, string> keyed)
                {
                    producer.{|#0:Produce(new TopicPartition("orders", Partition.Any), new Message<Null, string> { Value = "x" })|};
                    producer.{|#1:Produce(new TopicPartition("orders", -1), new Message<Null, string> { Value = "x" })|};
                    keyed.{|#2:Produce(new TopicPartition("orders", new Partition(-1)), new Message<string, string> { Value = "x" })|};

                    var anywhere = new TopicPartition("orders", Partition.Any);
                    producer.{|#3:Produce(anywhere, new Message<Null, string> { Value = "x" })|};
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithMessage(Message(" to topic 'orders'", NoKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithMessage(Message(" to topic 'orders'", NoKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(2).WithMessage(Message(" to topic 'orders'", NoKey)),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(3).WithMessage(Message(string.Empty, NoKey)));
    }
}
