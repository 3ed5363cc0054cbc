using VerifyEG0004 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.EventContractEnvelopeAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>EG0004 follows type arguments: payloads produced through generic publishers, and payloads wrapped inside generic methods.</summary>
public class EventContractTypeArgumentTests
{
    private const string AllMissing = "event id, event type, event version, occurred-at timestamp, correlation id";

    private const string Envelope = """
        public sealed class Envelope<T>
        {
            public Envelope(T payload) => Payload = payload;
            public Guid EventId { get; init; } = Guid.NewGuid();
            public string EventType { get; init; } = typeof(T).Name;
            public int EventVersion { get; init; } = 1;
            public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
            public string CorrelationId { get; init; } = "";
            public T Payload { get; }
        }

        """;

    [Fact]
    public async Task PayloadOfAGenericPublisherInjectedThroughItsInterfaceIsProduced()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed record {|#0:OrderPaid|}(string OrderId);

            public sealed record {|#1:OrderShipped|}(string OrderId);

            public sealed record NotPublished(string OrderId);

            public interface IEventPublisher<in T> { Task PublishAsync(string key, T payload); }

            public sealed class KafkaEventPublisher<T> : IEventPublisher<T>
            {
                private readonly IProducer<string, T> _producer;
                public KafkaEventPublisher(IProducer<string, T> producer) => _producer = producer;
                public Task PublishAsync(string key, T payload) =>
                    _producer.ProduceAsync("events", new Message<string, T> { Key = key, Value = payload });
            }

            public sealed class Checkout
            {
                private readonly IEventPublisher<OrderPaid> _paid;
                public Checkout(IEventPublisher<OrderPaid> paid) => _paid = paid;
                public Task PayAsync(string id) => _paid.PublishAsync(id, new OrderPaid(id));
            }

            public static class Wiring
            {
                public static object Shipping(IProducer<string, OrderShipped> producer) => new KafkaEventPublisher<OrderShipped>(producer);
            }
            """,
            Brokers.Kafka,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderPaid", AllMissing, ""),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithArguments("OrderShipped", AllMissing, ""));
    }

    [Fact]
    public async Task PayloadOfAGenericPublishMethodCalledThroughItsInterfaceIsProduced()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed record {|#0:StockReserved|}(string Sku);

            public interface IEventBus { Task PublishAsync<T>(string topic, string key, T payload); }

            public sealed class KafkaBus : IEventBus
            {
                private readonly IProducerFactory _producers;
                public KafkaBus(IProducerFactory producers) => _producers = producers;
                public Task PublishAsync<T>(string topic, string key, T payload) =>
                    _producers.For<T>().ProduceAsync(topic, new Message<string, T> { Key = key, Value = payload });
            }

            public interface IProducerFactory { IProducer<string, T> For<T>(); }

            public sealed class Warehouse
            {
                public Task ReserveAsync(IEventBus bus, string sku) => bus.PublishAsync("stock", sku, new StockReserved(sku));
            }
            """,
            Brokers.Kafka,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("StockReserved", AllMissing, ""));
    }

    [Fact]
    public async Task PayloadWrappedInAnEnvelopeInsideAGenericMethodIsNotFlagged()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            """ + Envelope + """
            public sealed record OrderPlacedEvent(string OrderId);

            public sealed record {|#0:OrderCancelledEvent|}(string OrderId);

            public sealed class Publisher
            {
                private readonly IProducer<string, object> _producer;
                public Publisher(IProducer<string, object> producer) => _producer = producer;

                public Task PublishAsync<T>(string key, T payload) =>
                    _producer.ProduceAsync("events", new Message<string, object> { Key = key, Value = new Envelope<T>(payload) });

                public Task PlaceAsync(string id) => PublishAsync(id, new OrderPlacedEvent(id));
            }
            """,
            Brokers.Kafka,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderCancelledEvent", AllMissing,
                " (found only by its name ending in 'Event': if it never leaves the process, make it internal or list it in eventgov.EG0004.excluded_types)"));
    }

    [Fact]
    public async Task ValueSerializedAndProducedInTheSameMethodIsProduced()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed record {|#0:RefundIssued|}(string OrderId);

            public sealed record {|#1:InvoiceSent|}(string OrderId);

            public sealed record OnlyLogged(string OrderId);

            public sealed class Publisher
            {
                public async Task RefundAsync(IProducer<string, string> producer, RefundIssued refund)
                {
                    string json = JsonSerializer.Serialize(refund);
                    await producer.ProduceAsync("refunds", new Message<string, string> { Key = refund.OrderId, Value = json });
                }

                public void Invoice(IProducer<string, byte[]> producer, InvoiceSent invoice) =>
                    producer.Produce("invoices", new Message<string, byte[]> { Key = invoice.OrderId, Value = JsonSerializer.SerializeToUtf8Bytes(invoice) });

                public string Log(OnlyLogged entry) => JsonSerializer.Serialize(entry);
            }
            """,
            Brokers.Kafka,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("RefundIssued", AllMissing, ""),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithArguments("InvoiceSent", AllMissing, ""));
    }
}
