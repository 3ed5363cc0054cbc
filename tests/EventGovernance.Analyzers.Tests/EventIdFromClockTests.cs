using VerifyEG0013 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.EventIdFromClockAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class EventIdFromClockTests
{
    [Fact]
    public async Task ClockValuesInEventIdMembersAreFlagged()
    {
        await VerifyEG0013.AnalyzerAsync("""
            using System;
            using System.Diagnostics;

            public sealed record OrderPlaced(long EventId, string OrderId);

            public sealed class OrderShippedEvent
            {
                public string Id { get; set; } = {|EG0013:DateTime.UtcNow.Ticks.ToString()|};
                public long MessageId;
            }

            public sealed class Envelope
            {
                public string EventId { get; init; } = "";
            }

            class Publisher
            {
                void Publish(string orderId)
                {
                    var placed = new OrderPlaced({|EG0013:DateTime.UtcNow.Ticks|}, orderId);
                    var shipped = new OrderShippedEvent { MessageId = {|EG0013:Environment.TickCount64|} };
                    shipped.Id = {|EG0013:$"{orderId}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"|};
                    var envelope = new Envelope { EventId = {|EG0013:"evt-" + Stopwatch.GetTimestamp()|} };
                    envelope = new Envelope { EventId = {|EG0013:DateTime.Now.ToString("yyyyMMddHHmmssfff")|} };
                }
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task MessageNamesTheMemberAndTheClock()
    {
        await VerifyEG0013.AnalyzerAsync("""
            using System;

            public sealed class Envelope { public long EventId { get; set; } }

            class Publisher
            {
                Envelope Create() => new Envelope { EventId = DateTime.UtcNow.Ticks };
            }
            """, Brokers.None,
            Verify<EventIdFromClockAnalyzer>.Diagnostic(Descriptors.EventIdFromClock)
                .WithSpan(7, 51, 7, 72)
                .WithArguments("EventId", "DateTime.UtcNow"));
    }

    [Fact]
    public async Task RabbitMqMessageIdFromTheClockIsFlagged()
    {
        await VerifyEG0013.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                BasicProperties Properties() => new BasicProperties { MessageId = {|EG0013:DateTime.UtcNow.Ticks.ToString()|}, Persistent = true };
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task GuidsTimestampsAndEntityIdsAreNotFlagged()
    {
        await VerifyEG0013.AnalyzerAsync("""
            using System;

            public sealed class Order { public long Id { get; set; } }

            public sealed class OrderPlacedEvent
            {
                public Guid EventId { get; init; } = Guid.NewGuid();
                public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
                public string MessageId { get; init; } = "";
                public long Sequence { get; init; }
            }

            class Publisher
            {
                void Publish(string id, Func<long> clock)
                {
                    var order = new Order { Id = DateTime.UtcNow.Ticks };
                    var placed = new OrderPlacedEvent { MessageId = $"{DateTime.UtcNow:yyyyMMdd}-{Guid.NewGuid()}", Sequence = DateTime.UtcNow.Ticks };
                    placed = new OrderPlacedEvent { MessageId = id };
                    Func<string> later = () => DateTime.UtcNow.Ticks.ToString();
                    placed = new OrderPlacedEvent { MessageId = later() };
                }
            }
            """, Brokers.None);
    }
}
