using Microsoft.CodeAnalysis.Testing;
using VerifyEG0001 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaMessageWithoutKeyAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class KafkaMessageWithoutKeyTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task NullKeyTypeIsFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Send(IProducer<Null, string> producer)
                {
                    producer.Produce("orders", {|EG0001:new Message<Null, string> { Value = "x" }|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageCreatedWithoutKeyIsFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                async Task Send(IProducer<string, string> producer)
                {
                    await producer.ProduceAsync("orders", {|EG0001:new Message<string, string> { Value = "x" }|});
                    await producer.ProduceAsync("orders", {|EG0001:new Message<string, string>()|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NullOrDefaultKeyIsFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            #nullable enable
            class Publisher
            {
                void Send(IProducer<string, string> producer, IProducer<long, string> numbered)
                {
                    producer.Produce("orders", {|EG0001:new Message<string, string> { Key = null!, Value = "x" }|});
                    producer.Produce("orders", {|EG0001:new Message<string, string> { Key = default!, Value = "x" }|});
                    numbered.Produce("orders", {|EG0001:new Message<long, string> { Key = default, Value = "x" }|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageInLocalWithoutKeyIsFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                async Task Send(IProducer<string, string> producer)
                {
                    var message = new Message<string, string> { Value = "x" };
                    message.Headers = new Headers();
                    await producer.ProduceAsync("orders", {|EG0001:message|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NamedArgumentsAndTopicPartitionOverloadAreFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                async Task Send(IProducer<string, string> producer)
                {
                    await producer.ProduceAsync({|EG0001:message: new Message<string, string> { Value = "x" }|}, topic: "orders");
                    producer.Produce(new TopicPartition("orders", new Partition(1)), {|EG0001:new Message<string, string> { Value = "x" }|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageNamesTheConstantTopic()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                const string Topic = "payments";

                void Send(IProducer<Null, string> producer, string dynamicTopic)
                {
                    producer.Produce(Topic, {|#0:new Message<Null, string> { Value = "x" }|});
                    producer.Produce(dynamicTopic, {|#1:new Message<Null, string> { Value = "x" }|});
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithArguments(" to topic 'payments'"),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithArguments(""));
    }

    [Fact]
    public async Task ProducerImplementationIsChecked()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            abstract class CountingProducer : IProducer<string, string>
            {
                public abstract Handle Handle { get; }
                public abstract string Name { get; }
                public abstract int AddBrokers(string brokers);
                public abstract void SetSaslCredentials(string username, string password);
                public abstract Task<DeliveryResult<string, string>> ProduceAsync(string topic, Message<string, string> message, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<DeliveryResult<string, string>> ProduceAsync(TopicPartition topicPartition, Message<string, string> message, System.Threading.CancellationToken cancellationToken = default);
                public abstract void Produce(string topic, Message<string, string> message, Action<DeliveryReport<string, string>> deliveryHandler = null);
                public abstract void Produce(TopicPartition topicPartition, Message<string, string> message, Action<DeliveryReport<string, string>> deliveryHandler = null);
                public abstract int Poll(TimeSpan timeout);
                public abstract int Flush(TimeSpan timeout);
                public abstract void Flush(System.Threading.CancellationToken cancellationToken = default);
                public abstract void InitTransactions(TimeSpan timeout);
                public abstract void BeginTransaction();
                public abstract void CommitTransaction(TimeSpan timeout);
                public abstract void CommitTransaction();
                public abstract void AbortTransaction(TimeSpan timeout);
                public abstract void AbortTransaction();
                public abstract void SendOffsetsToTransaction(System.Collections.Generic.IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout);
                public abstract void Dispose();
            }

            class Publisher
            {
                void Send(CountingProducer producer)
                {
                    producer.Produce("orders", {|EG0001:new Message<string, string> { Value = "x" }|});
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task KeysNotKnownAtCompileTimeAreNotFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Order { public string Id = ""; }

            class Publisher
            {
                string NextKey() => Guid.NewGuid().ToString();

                async Task Send(IProducer<string, string> producer, Order order, Message<string, string> fromCaller, string key)
                {
                    await producer.ProduceAsync("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                    await producer.ProduceAsync("orders", new Message<string, string> { Key = key, Value = "x" });
                    await producer.ProduceAsync("orders", new Message<string, string> { Key = NextKey(), Value = "x" });
                    await producer.ProduceAsync("orders", new Message<string, string> { Key = "fixed", Value = "x" });
                    await producer.ProduceAsync("orders", fromCaller);
                    await producer.ProduceAsync("orders", Build());
                }

                Message<string, string> Build() => new Message<string, string> { Value = "x" };
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task LocalWhoseKeyIsSetLaterOrThatEscapesIsNotFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Fill(Message<string, string> message) => message.Key = "k";

                async Task Send(IProducer<string, string> producer, string id, bool retry)
                {
                    var keyedLater = new Message<string, string> { Value = "x" };
                    keyedLater.Key = id;
                    await producer.ProduceAsync("orders", keyedLater);

                    var filled = new Message<string, string> { Value = "x" };
                    Fill(filled);
                    await producer.ProduceAsync("orders", filled);

                    var replaced = new Message<string, string> { Value = "x" };
                    if (retry) { replaced = new Message<string, string> { Key = id, Value = "x" }; }
                    await producer.ProduceAsync("orders", replaced);
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task LookalikeTypesWithoutKafkaReferenceAreIgnored()
    {
        await VerifyEG0001.AnalyzerAsync("""
            namespace Confluent.Kafka.Fake
            {
                public sealed class Null { }
                public sealed class Message<TKey, TValue> { public TKey? Key { get; set; } public TValue? Value { get; set; } }
                public interface IProducer<TKey, TValue> { void Produce(string topic, Message<TKey, TValue> message); }

                class Publisher
                {
                    void Send(IProducer<Null, string> producer) => producer.Produce("orders", new Message<Null, string> { Value = "x" });
                }
            }
            """, Brokers.None);
    }
}
