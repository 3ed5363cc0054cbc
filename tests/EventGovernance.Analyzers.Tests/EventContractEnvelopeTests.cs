using VerifyEG0004 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.EventContractEnvelopeAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class EventContractEnvelopeTests
{
    private const string AllMissing = "event id, event type, event version, occurred-at timestamp, correlation id";

    private static string NameNote(string suffix) =>
        $" (found only by its name ending in '{suffix}': if it never leaves the process, make it internal or list it in eventgov.EG0004.excluded_types)";

    [Fact]
    public async Task SuffixNamedClassWithoutEnvelopeIsFlaggedWithEveryMissingField()
    {
        await VerifyEG0004.AnalyzerAsync(
            """
            public class {|#0:OrderPlacedEvent|}
            {
                public string OrderId { get; set; } = "";
            }

            public record {|#1:PaymentCapturedIntegrationEvent|}(string PaymentId, System.Guid EventId);
            """,
            Brokers.None,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderPlacedEvent", AllMissing, NameNote("Event")),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1)
                .WithArguments("PaymentCapturedIntegrationEvent", "event type, event version, occurred-at timestamp, correlation id", NameNote("IntegrationEvent")));
    }

    [Fact]
    public async Task CompleteContractsInAnyNamingStyleAreNotFlagged()
    {
        await VerifyEG0004.AnalyzerAsync("""
            using System;

            public class OrderPlacedEvent
            {
                public Guid EventId { get; set; }
                public string EventType { get; set; } = "";
                public int EventVersion { get; set; }
                public DateTimeOffset OccurredAt { get; set; }
                public string CorrelationId { get; set; } = "";
            }

            public class OrderShippedEvent
            {
                public Guid event_id;
                public string event_type = "";
                public int schema_version;
                public DateTimeOffset occurred_on;
                public string correlation_id = "";
            }

            public record OrderCancelledEvent(Guid MessageId, string Type, int Version, DateTimeOffset Timestamp, string CorrelationId);

            public class OrderRefundedEvent
            {
                public Guid id;
                public string type = "";
                public int version;
                public DateTimeOffset createdAt;
                public string correlationId = "";
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task InheritedEnvelopeFieldsCount()
    {
        await VerifyEG0004.AnalyzerAsync("""
            using System;

            public abstract class IntegrationEvent
            {
                public Guid Id { get; } = Guid.NewGuid();
                public string Type => GetType().Name;
                public int Version { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; } = DateTimeOffset.UtcNow;
                public string CorrelationId { get; init; } = "";
            }

            public abstract class DomainEventBase : IntegrationEvent { }

            public sealed class OrderPlacedEvent : DomainEventBase
            {
                public string OrderId { get; init; } = "";
            }

            public sealed class {|#0:StockReservedEvent|} : Base { }

            public class Base { public Guid EventId { get; set; } }
            """,
            Brokers.None,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0)
                .WithArguments("StockReservedEvent", "event type, event version, occurred-at timestamp, correlation id", NameNote("Event")));
    }

    [Fact]
    public async Task SerializedNamesCount()
    {
        await VerifyEG0004.AnalyzerAsync("""
            using System;
            using System.Runtime.Serialization;
            using System.Text.Json.Serialization;

            namespace Newtonsoft.Json
            {
                [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
                public sealed class JsonPropertyAttribute : Attribute
                {
                    public JsonPropertyAttribute() { }
                    public JsonPropertyAttribute(string propertyName) => PropertyName = propertyName;
                    public string PropertyName { get; set; } = "";
                }
            }

            namespace Shop
            {
                [DataContract]
                public class OrderPlacedEvent
                {
                    [JsonPropertyName("event_id")] public Guid Key { get; set; }
                    [Newtonsoft.Json.JsonProperty("type")] public string Kind { get; set; } = "";
                    [Newtonsoft.Json.JsonProperty(PropertyName = "schemaVersion")] public int Rev { get; set; }
                    [DataMember(Name = "occurred-at")] public DateTimeOffset When { get; set; }
                    [JsonPropertyName("correlationId")] public string Trace { get; set; } = "";
                }
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task ContractAttributeMarksAnyTypeNameInAnyNamespace()
    {
        await VerifyEG0004.AnalyzerAsync("""
            namespace Contracts.Attributes
            {
                public sealed class EventContractAttribute : System.Attribute { }
            }

            namespace Shop
            {
                [Contracts.Attributes.EventContract]
                public class {|#0:OrderPlaced|} { public string OrderId { get; set; } = ""; }

                [Contracts.Attributes.EventContractAttribute]
                public record struct {|#1:StockReserved|}(string Sku);

                public class OrderSummary { public string OrderId { get; set; } = ""; }
            }
            """,
            Brokers.None,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderPlaced", AllMissing, ""),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithArguments("StockReserved", AllMissing, ""));
    }

    [Fact]
    public async Task ProducedKafkaValueTypeIsAContract()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                public class {|#0:OrderPlaced|} { public string OrderId { get; set; } = ""; }
                public class Unrelated { public string Name { get; set; } = ""; }
                """,
                """
                using System.Threading.Tasks;
                using Confluent.Kafka;

                class Publisher
                {
                    Task Send(IProducer<string, OrderPlaced> producer, OrderPlaced order) =>
                        producer.ProduceAsync("orders", new Message<string, OrderPlaced> { Key = order.OrderId, Value = order });

                    void Log(IProducer<string, string> producer) =>
                        producer.Produce("log", new Message<string, string> { Key = "k", Value = "v" });
                }
                """,
            },
            Brokers.Kafka,
            editorConfig: null,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderPlaced", AllMissing, ""));
    }

    [Fact]
    public async Task PayloadInsideAnEnvelopeIsNotFlagged()
    {
        await VerifyEG0004.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            public sealed class Envelope<TPayload>
            {
                public Guid EventId { get; init; } = Guid.NewGuid();
                public string EventType { get; init; } = typeof(TPayload).Name;
                public int EventVersion { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                public string CorrelationId { get; init; } = "";
                public TPayload Payload { get; init; } = default!;
            }

            public sealed class OrderPlacedEvent { public string OrderId { get; init; } = ""; }
            public sealed class OrderShippedEvent { public string OrderId { get; init; } = ""; }

            class Publisher
            {
                Task Send(IProducer<string, Envelope<OrderPlacedEvent>> producer, OrderPlacedEvent order) =>
                    producer.ProduceAsync("orders", new Message<string, Envelope<OrderPlacedEvent>>
                    {
                        Key = order.OrderId,
                        Value = new Envelope<OrderPlacedEvent> { Payload = order },
                    });

                Envelope<OrderShippedEvent>? Pending { get; set; }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task PartialTypeIsReportedOnceOnItsFirstDeclaration()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                public partial class {|#0:OrderPlacedEvent|} { public string OrderId { get; set; } = ""; }
                """,
                """
                public partial class OrderPlacedEvent { public System.Guid EventId { get; set; } }
                """,
            },
            Brokers.None,
            editorConfig: null,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0)
                .WithArguments("OrderPlacedEvent", "event type, event version, occurred-at timestamp, correlation id", NameNote("Event")));
    }

    [Fact]
    public async Task ExceptionsEventArgsDelegatesAndOtherKindsAreNeverContracts()
    {
        await VerifyEG0004.AnalyzerAsync("""
            using System;

            public class UnknownEvent : Exception { }
            public class ClickedEvent : EventArgs { }
            public class KeyPressedEvent : ClickedEvent { }
            public delegate void ChangedEvent();
            public interface IOrderEvent { }
            public enum OrderEvent { Placed }
            public struct TickEvent { public int Value; }
            public static class KnownEvent { }
            """, Brokers.None);
    }

    [Fact]
    public async Task EditorConfigChangesRequiredFieldsSuffixesAndNames()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                """
                public class OrderPlacedEvent { public string OrderId { get; set; } = ""; }
                public class {|#0:OrderPlacedMessage|} { public string OrderId { get; set; } = ""; }
                public class StockReservedMessage { public System.Guid Key { get; set; } }
                [Marker] public class {|#1:Tagged|} { }
                public sealed class MarkerAttribute : System.Attribute { }
                """,
            },
            Brokers.None,
            """
            eventgov.EG0004.required_fields = event_id
            eventgov.EG0004.event_type_suffixes = Message
            eventgov.EG0004.event_id_names = Key, EventId
            eventgov.EG0004.contract_attributes = MarkerAttribute
            """,
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0).WithArguments("OrderPlacedMessage", "event id", NameNote("Message")),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1).WithArguments("Tagged", "event id", ""));
    }

    [Fact]
    public async Task SuffixDetectionCanBeTurnedOff()
    {
        await VerifyEG0004.AnalyzerAsync(
            new[] { "public class OrderPlacedEvent { }" },
            Brokers.None,
            "eventgov.EG0004.event_type_suffixes = none");
    }

    [Fact]
    public async Task EachFileIsJudgedUnderItsOwnSettingsWhenFilesDifferAndWhenTheyShareThem()
    {
        // Settings are read once per distinct set of values and shared by the files that have them: Test0 and
        // Test2 share the defaults, Test1 requires only the event id, Test3 requires nothing (an empty value).
        await VerifyEG0004.AnalyzerAsync(
            new[]
            {
                "public class {|#0:OrderPlacedEvent|} { public System.Guid EventId { get; set; } }",
                "public class PaymentTakenEvent { public System.Guid EventId { get; set; } }",
                "public class {|#1:OrderShippedEvent|} { public System.Guid EventId { get; set; } }",
                "public class RefundIssuedEvent { }",
            },
            Brokers.None,
            "[Test1.cs]\neventgov.EG0004.required_fields = event_id\n[Test3.cs]\neventgov.EG0004.required_fields = none\n",
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(0)
                .WithArguments("OrderPlacedEvent", "event type, event version, occurred-at timestamp, correlation id", NameNote("Event")),
            VerifyEG0004.Diagnostic(Descriptors.EventContractEnvelope).WithLocation(1)
                .WithArguments("OrderShippedEvent", "event type, event version, occurred-at timestamp, correlation id", NameNote("Event")));
    }
}
