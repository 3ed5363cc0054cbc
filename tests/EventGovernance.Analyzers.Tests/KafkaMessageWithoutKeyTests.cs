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
                    producer.{|EG0001:Produce("orders", new Message<Null, string> { Value = "x" })|};
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
                    await producer.{|EG0001:ProduceAsync("orders", new Message<string, string> { Value = "x" })|};
                    await producer.{|EG0001:ProduceAsync("orders", new Message<string, string>())|};
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
                    producer.{|EG0001:Produce("orders", new Message<string, string> { Key = null!, Value = "x" })|};
                    producer.{|EG0001:Produce("orders", new Message<string, string> { Key = default!, Value = "x" })|};
                    numbered.{|EG0001:Produce("orders", new Message<long, string> { Key = default, Value = "x" })|};
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
                    await producer.{|EG0001:ProduceAsync("orders", message)|};
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NamedArgumentsAndTopicPartitionAnyOverloadAreFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                async Task Send(IProducer<string, string> producer)
                {
                    await producer.{|EG0001:ProduceAsync(message: new Message<string, string> { Value = "x" }, topic: "orders")|};
                    producer.{|EG0001:Produce(new TopicPartition("orders", Partition.Any), new Message<string, string> { Value = "x" })|};
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
                    producer.{|#0:Produce(Topic, new Message<Null, string> { Value = "x" })|};
                    producer.{|#1:Produce(dynamicTopic, new Message<Null, string> { Value = "x" })|};
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithArguments(" to topic 'payments'", "has no key"),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithArguments("", "has no key"));
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
                    producer.{|EG0001:Produce("orders", new Message<string, string> { Value = "x" })|};
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
    public async Task KeySetAtTheMessageOrLaterOrFromATernaryIsNotFlagged()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Order { public string Id = ""; public string Key = ""; }

            class Publisher
            {
                async Task Send(IProducer<string, Order> producer, Order order, bool anonymous)
                {
                    await producer.ProduceAsync("orders", new Message<string, Order> { Key = order.Id, Value = new Order { Id = order.Id } });

                    var later = new Message<string, Order> { Value = new Order { Id = order.Id } };
                    later.Key = order.Id;
                    await producer.ProduceAsync("orders", later);

                    await producer.ProduceAsync("orders", new Message<string, Order> { Key = anonymous ? null! : order.Id, Value = order });
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task KeyOfTheValueIsNotTheMessageKey()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Order { public string Key = ""; }

            class Publisher
            {
                async Task Send(IProducer<string, Order> producer, string id)
                {
                    await producer.{|EG0001:ProduceAsync("orders", new Message<string, Order> { Value = new Order { Key = id } })|};
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task CallWithCancellationTokenIsMarkedFromTheMethodName()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            using System.Threading;

            record OrderPlaced(string OrderId);

            class Publisher
            {
                async Task Send(IProducer<Null, OrderPlaced> producer, OrderPlaced order, CancellationToken cancellationToken)
                {
                    await producer.{|#0:ProduceAsync(
                        "orders",
                        new Message<Null, OrderPlaced> { Value = order },
                        cancellationToken)|};
                    await producer.{|#1:ProduceAsync("orders", new Message<Null, OrderPlaced> { Value = order }, cancellationToken: cancellationToken)|}.ConfigureAwait(false);
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithArguments(" to topic 'orders'", "has no key"),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithArguments(" to topic 'orders'", "has no key"));
    }

    [Fact]
    public async Task TopicFromConstantsNameofAndTopicPartitionIsNamed()
    {
        await VerifyEG0001.AnalyzerAsync(Usings + """
            static class Topics { public const string Orders = "shop." + nameof(Orders); }

            class OrderPlaced { }

            class Publisher
            {
                void Send(IProducer<Null, string> producer)
                {
                    producer.{|#0:Produce(Topics.Orders, new Message<Null, string> { Value = "x" })|};
                    producer.{|#1:Produce(nameof(OrderPlaced), new Message<Null, string> { Value = "x" })|};
                    producer.{|#2:Produce(new TopicPartition(Topics.Orders, Partition.Any), new Message<Null, string> { Value = "x" })|};
                }
            }
            """,
            Brokers.Kafka,
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(0).WithArguments(" to topic 'shop.Orders'", "has no key"),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(1).WithArguments(" to topic 'OrderPlaced'", "has no key"),
            VerifyEG0001.Diagnostic(Descriptors.KafkaMessageWithoutKey).WithLocation(2).WithArguments(" to topic 'shop.Orders'", "has no key"));
    }

    [Fact]
    public async Task WrappersAreJudgedByTheMessageTheyPassOn()
    {
        // A wrapper's message parameter is not known, so only a Null key type makes its inner call unkeyed;
        // calls to the wrapper itself are not Produce calls.
        await VerifyEG0001.AnalyzerAsync(Usings + """
            static class ProducerExtensions
            {
                public static Task<DeliveryResult<TKey, TValue>> PublishAsync<TKey, TValue>(this IProducer<TKey, TValue> producer, string topic, Message<TKey, TValue> message) =>
                    producer.ProduceAsync(topic, message);

                public static void PublishOrder(this IProducer<string, string> producer, Message<string, string> message) =>
                    producer.Produce("orders", message);

                public static void PublishAudit(this IProducer<Null, string> producer, Message<Null, string> message) =>
                    producer.{|EG0001:Produce("audit", message)|};
            }

            class Publisher
            {
                async Task Send(IProducer<string, string> producer)
                {
                    await producer.PublishAsync("orders", new Message<string, string> { Value = "x" });
                    producer.PublishOrder(new Message<string, string> { Value = "x" });
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

    [Fact]
    public async Task NullKeyedProduceIsFlaggedWhenItsDeliveryHandlerDoesNotBind()
    {
        // The handler names a type that is not referenced, so the call has no bound overload; the
        // producer's Null key type still says the message has no key.
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Send(IProducer<Null, string> producer)
                {
                    producer.{|EG0001:Produce("orders", new Message<Null, string> { Value = "x" }, report => {|CS0103:Audit|}.Record(report))|};
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task KeyedProduceIsNotFlaggedWhenItsDeliveryHandlerDoesNotBind()
    {
        // Without a bound overload the message argument is not analysed, so a keyed producer is given the benefit of the doubt.
        await VerifyEG0001.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Send(IProducer<string, string> producer)
                {
                    producer.Produce("orders", new Message<string, string> { Value = "x" }, report => {|CS0103:Audit|}.Record(report));
                }
            }
            """, Brokers.Kafka);
    }
}
