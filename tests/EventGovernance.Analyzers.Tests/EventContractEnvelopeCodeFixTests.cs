using EventGovernance.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VerifyFixEG0004 = EventGovernance.Analyzers.Tests.VerifyFix<EventGovernance.Analyzers.EventContractEnvelopeAnalyzer, EventGovernance.Analyzers.CodeFixes.EventContractEnvelopeCodeFixProvider>;

namespace EventGovernance.Analyzers.Tests;

public class EventContractEnvelopeCodeFixTests
{
    [Fact]
    public async Task AddsPascalCasePropertiesWithNullableCorrelationId()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            #nullable enable
            using System;

            public class {|EG0004:OrderPlacedEvent|}
            {
                public string OrderId { get; set; } = "";
            }
            """,
            """
            #nullable enable
            using System;

            public class OrderPlacedEvent
            {
                public string OrderId { get; set; } = "";
                public Guid EventId { get; set; } = Guid.NewGuid();
                public string EventType { get; set; } = nameof(OrderPlacedEvent);
                public int EventVersion { get; set; } = 1;
                public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;
                public string? CorrelationId { get; set; }
            }
            """);
    }

    [Fact]
    public async Task AddsOnlyTheMissingFields()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            using System;

            public class {|EG0004:OrderPlacedEvent|}
            {
                public Guid Id { get; set; }
                public DateTimeOffset Timestamp { get; set; }
                public string Type { get; set; }
            }
            """,
            """
            using System;

            public class OrderPlacedEvent
            {
                public Guid Id { get; set; }
                public DateTimeOffset Timestamp { get; set; }
                public string Type { get; set; }
                public int EventVersion { get; set; } = 1;
                public string CorrelationId { get; set; }
            }
            """);
    }

    [Fact]
    public async Task FollowsSnakeCaseAndCamelCaseFields()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            using System;

            public class {|EG0004:OrderPlacedEvent|}
            {
                public string order_id;
            }

            public class {|EG0004:OrderShippedEvent|}
            {
                public string orderId;
            }
            """,
            """
            using System;

            public class OrderPlacedEvent
            {
                public string order_id;
                public Guid event_id = Guid.NewGuid();
                public string event_type = nameof(OrderPlacedEvent);
                public int event_version = 1;
                public DateTimeOffset occurred_at = DateTimeOffset.UtcNow;
                public string correlation_id;
            }

            public class OrderShippedEvent
            {
                public string orderId;
                public Guid eventId = Guid.NewGuid();
                public string eventType = nameof(OrderShippedEvent);
                public int eventVersion = 1;
                public DateTimeOffset occurredAt = DateTimeOffset.UtcNow;
                public string correlationId;
            }
            """);
    }

    [Fact]
    public async Task PositionalRecordGetsABodyWithInitProperties()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            using System;

            public record {|EG0004:OrderPlacedEvent|}(string OrderId, Guid EventId);
            """,
            """
            using System;

            public record OrderPlacedEvent(string OrderId, Guid EventId)
            {
                public string EventType { get; init; } = nameof(OrderPlacedEvent);
                public int EventVersion { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                public string CorrelationId { get; init; }
            }
            """);
    }

    [Fact]
    public async Task FixAllFixesEveryContractInTheDocument()
    {
        var test = new CSharpCodeFixTest<EventContractEnvelopeAnalyzer, EventContractEnvelopeCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = Brokers.None,
            TestCode = """
                using System;

                public class {|EG0004:OrderPlacedEvent|}
                {
                    public Guid EventId { get; set; }
                }

                public record {|EG0004:OrderShippedEvent|}(string OrderId);
                """,
            FixedCode = """
                using System;

                public class OrderPlacedEvent
                {
                    public Guid EventId { get; set; }
                    public string EventType { get; set; } = nameof(OrderPlacedEvent);
                    public int EventVersion { get; set; } = 1;
                    public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;
                    public string CorrelationId { get; set; }
                }

                public record OrderShippedEvent(string OrderId)
                {
                    public Guid EventId { get; init; } = Guid.NewGuid();
                    public string EventType { get; init; } = nameof(OrderShippedEvent);
                    public int EventVersion { get; init; } = 1;
                    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                    public string CorrelationId { get; init; }
                }
                """,
            // One Fix All pass over the document fixes both types.
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            // EG0004 is reported when the compilation ends (see the analyzer), so its diagnostics are not document-local.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync();
    }

    // A readonly record struct has a primary constructor, so initializers are allowed; without them the
    // non-nullable EventType raised CS8618 and broke warnings-as-errors builds.
    [Fact]
    public async Task ReadonlyRecordStructGetsInitializedInitPropertiesWithoutWarnings()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            #nullable enable
            using System;

            public readonly record struct {|EG0004:OrderPlacedEvent|}(string OrderId);
            """,
            """
            #nullable enable
            using System;

            public readonly record struct OrderPlacedEvent(string OrderId)
            {
                public Guid EventId { get; init; } = Guid.NewGuid();
                public string EventType { get; init; } = nameof(OrderPlacedEvent);
                public int EventVersion { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                public string? CorrelationId { get; init; }
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);
    }

    // A struct with no constructor cannot have initializers (CS8983): members stay unset, and a string
    // member that can be null at run time is declared nullable.
    [Fact]
    public async Task StructWithoutConstructorGetsNullableStringsAndNoInitializers()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            #nullable enable
            using System;

            public record struct {|EG0004:OrderPlacedEvent|}
            {
                public string OrderId { get; set; }
            }

            public readonly record struct {|EG0004:OrderShippedEvent|}
            {
                public readonly string order_id;
            }
            """,
            """
            #nullable enable
            using System;

            public record struct OrderPlacedEvent
            {
                public string OrderId { get; set; }
                public Guid EventId { get; init; }
                public string? EventType { get; init; }
                public int EventVersion { get; init; }
                public DateTimeOffset OccurredAt { get; init; }
                public string? CorrelationId { get; init; }
            }

            public readonly record struct OrderShippedEvent
            {
                public readonly string order_id;
                public readonly Guid event_id;
                public readonly string? event_type;
                public readonly int event_version;
                public readonly DateTimeOffset occurred_at;
                public readonly string? correlation_id;
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);
    }

    [Fact]
    public async Task StructWithAConstructorGetsInitializers()
    {
        await VerifyFixEG0004.CodeFixAsync(
            """
            #nullable enable
            using System;

            public record struct {|EG0004:OrderPlacedEvent|}
            {
                public OrderPlacedEvent(string orderId) => OrderId = orderId;

                public string OrderId { get; set; }
            }
            """,
            """
            #nullable enable
            using System;

            public record struct OrderPlacedEvent
            {
                public OrderPlacedEvent(string orderId) => OrderId = orderId;

                public string OrderId { get; set; }
                public Guid EventId { get; init; } = Guid.NewGuid();
                public string EventType { get; init; } = nameof(OrderPlacedEvent);
                public int EventVersion { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                public string? CorrelationId { get; init; }
            }
            """,
            compilerDiagnostics: CompilerDiagnostics.Warnings);
    }
}
