using VerifyEG0004 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.EventContractEnvelopeAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0004 on types found only by their name: real code names many in-process types "...Event"
/// (MediatR notifications, client plumbing, observers), and those never leave the process.
/// </summary>
public class EventContractNameMatchTests
{
    private const string AllMissing = "event id, event type, event version, occurred-at timestamp, correlation id";

    /// <summary>What the message adds for a type found only by its name.</summary>
    private static string NameNote(string suffix) =>
        $" (found only by its name ending in '{suffix}': if it never leaves the process, make it internal or list it in eventgov.EG0004.excluded_types)";

    private static string Message(string type, string missing, string note) =>
        $"Event contract '{type}' is missing envelope fields: {missing}{note}";

    [Fact]
    public async Task NameMatchedTypesThatStayInProcessAreNotContracts()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System;
            using System.IO;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            namespace Shop;

            internal sealed class CacheInvalidatedEvent { public string Key { get; set; } = ""; }

            public static class Outer
            {
                private sealed class TimerElapsedEvent { }
                internal sealed class RetryScheduledEvent { }
            }

            public sealed record OrderShippedDomainEvent(string OrderId);

            public sealed record OrderPaidEvent(string OrderId) : MediatR.INotification;

            public sealed record StockReservedEvent(string Sku) : Mediator.INotification;

            public readonly record struct ChannelRecoveredEvent(IChannel Channel);

            public sealed class ConnectionBlockedEvent { public IConnection Connection { get; init; } = null!; }

            public sealed class MessageHandledEvent { public Func<Task> Continuation = null!; }

            public sealed class FlushRequestedEvent { public Task Completion { get; init; } = Task.CompletedTask; }

            public sealed class UploadStartedEvent { public Stream Body { get; init; } = Stream.Null; }

            public sealed class WorkQueuedEvent { public ChannelWriter<int> Queue { get; init; } = null!; }
            """,
            Brokers.InProcess);
    }

    [Fact]
    public async Task PublicSerializableNameMatchedTypeIsFlaggedAndTheMessageSaysItWasMatchedByName()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            namespace Shop;

            public sealed record {|#0:OrderPlacedEvent|}(string OrderId, decimal Total);

            public sealed record {|#1:PaymentCapturedIntegrationEvent|}(string PaymentId);
            """,
            Brokers.InProcess,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithMessage(Message("OrderPlacedEvent", AllMissing, NameNote("Event"))),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithMessage(Message("PaymentCapturedIntegrationEvent", AllMissing, NameNote("IntegrationEvent"))));
    }

    [Fact]
    public async Task InProcessLookingTypesAreStillContractsWhenMarkedOrProduced()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed class EventContractAttribute : Attribute { }

            [EventContract]
            internal sealed record {|#0:OrderShippedDomainEvent|}(string OrderId);

            internal sealed class {|#1:RefundIssuedEvent|} { public string OrderId { get; set; } = ""; }

            internal sealed class Publisher
            {
                private readonly IProducer<string, RefundIssuedEvent> _producer;

                public Publisher(IProducer<string, RefundIssuedEvent> producer) => _producer = producer;

                public Task PublishAsync(RefundIssuedEvent refund) =>
                    _producer.ProduceAsync("refunds", new Message<string, RefundIssuedEvent> { Key = refund.OrderId, Value = refund });
            }
            """,
            Brokers.InProcess,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithMessage(Message("OrderShippedDomainEvent", AllMissing, "")),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithMessage(Message("RefundIssuedEvent", AllMissing, "")));
    }

    [Fact]
    public async Task ExcludedNamespacesAndTypesOptOut()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                namespace Shop.Internal.Telemetry
                {
                    public sealed record SpanClosedEvent(string Name);
                }

                namespace Shop.Orders
                {
                    public sealed record OrderPlacedEvent(string OrderId);
                    public sealed record OrderViewedEvent(string OrderId);
                    public sealed record CartTouchedEvent(string CartId);
                    public sealed record {|#0:OrderCancelledEvent|}(string OrderId);
                }
                """,
            },
            Brokers.None,
            """
            eventgov.EG0004.excluded_namespaces = Shop.Internal
            eventgov.EG0004.excluded_types = Shop.Orders.OrderPlacedEvent, *ViewedEvent, Cart?ouchedEvent
            """,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithMessage(Message("OrderCancelledEvent", AllMissing, NameNote("Event"))));
    }

    [Fact]
    public async Task ExcludedNamespaceGlobsMatchWholeNamesOnly()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                namespace Shop.Internals { public sealed record {|#0:SpanClosedEvent|}(string Name); }
                namespace Shop.Jobs.Internal { public sealed record JobRetriedEvent(string Name); }
                """,
            },
            Brokers.None,
            "eventgov.EG0004.excluded_namespaces = *.Internal\n",
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithMessage(Message("SpanClosedEvent", AllMissing, NameNote("Event"))));
    }

    [Fact]
    public async Task TeamsOwnInProcessInterfaceIsConfigured()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                namespace Shop
                {
                    public interface IDomainSignal { }
                    public sealed record OrderTouchedEvent(string OrderId) : IDomainSignal;
                    public sealed record {|#0:OrderPlacedEvent|}(string OrderId);
                }
                """,
            },
            Brokers.None,
            "eventgov.EG0004.in_process_interfaces = Shop.IDomainSignal\n",
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithMessage(Message("OrderPlacedEvent", AllMissing, NameNote("Event"))));
    }

    [Fact]
    public async Task CloudEventsAndCommonTimestampNamesCount()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            using System;
            using System.Text.Json.Serialization;

            public sealed class OrderPlacedEvent
            {
                [JsonPropertyName("id")] public Guid Identifier { get; set; }
                [JsonPropertyName("type")] public string Kind { get; set; } = "";
                [JsonPropertyName("time")] public DateTimeOffset When { get; set; }
                public int Version { get; set; }
                public string CorrelationId { get; set; } = "";
            }

            public sealed record OrderShippedEvent(Guid Id, string Type, int Version, DateTime CreationDate, string CorrelationId);

            public sealed record OrderPaidEvent(Guid Id, string Type, int Version, DateTimeOffset EventTime, string CorrelationId);

            public sealed record OrderCancelledEvent(Guid Id, string Type, int Version, DateTimeOffset Time, string CorrelationId);
            """,
            Brokers.None);
    }
}
