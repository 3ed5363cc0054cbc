using VerifyEG0014 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.InMemoryDeduplicationAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class InMemoryDeduplicationTests
{
    [Fact]
    public async Task KafkaConsumerCheckingEventIdsInAFieldIsFlaggedAtTheField()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class OrderPlacedEvent { public Guid EventId { get; set; } }

            public sealed class Worker
            {
                private readonly HashSet<Guid> {|EG0014:_seen|} = new();
                private readonly ConcurrentDictionary<string, bool> {|EG0014:_processed|} = new();
                private readonly HashSet<string> _topics = new();

                public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    if (!_seen.Add(result.Message.Value.EventId)) { return; }
                    var id = result.Message.Value.EventId.ToString();
                    if (_processed.ContainsKey(id)) { return; }
                    _topics.Add(result.Topic);
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageNamesTheField()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            public sealed class Handler : AsyncDefaultBasicConsumer
            {
                private readonly HashSet<string> _ids = new();

                public Handler(IChannel channel) : base(channel) { }

                public override Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IReadOnlyBasicProperties properties, System.ReadOnlyMemory<byte> body, System.Threading.CancellationToken cancellationToken = default)
                {
                    if (properties.MessageId != null && !_ids.Add(properties.MessageId)) { return Task.CompletedTask; }
                    return Task.CompletedTask;
                }
            }
            """, Brokers.RabbitMq7,
            Verify<InMemoryDeduplicationAnalyzer>.Diagnostic(Descriptors.InMemoryDeduplication).WithSpan(8, 38, 8, 42).WithArguments("_ids"));
    }

    [Fact]
    public async Task NonConsumersOtherKeysAndLocalsAreNotFlagged()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class OrderPlacedEvent { public Guid EventId { get; set; } public string OrderId { get; set; } = ""; }

            public sealed class Cache
            {
                private readonly HashSet<Guid> _seen = new();
                public bool Remember(OrderPlacedEvent evt) => _seen.Add(evt.EventId);
            }

            public sealed class Worker
            {
                private readonly HashSet<string> _orders = new();

                public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
                {
                    var local = new HashSet<Guid>();
                    var result = consumer.Consume(cancellationToken);
                    local.Add(result.Message.Value.EventId);
                    _orders.Add(result.Message.Value.OrderId);
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task APartialConsumerIsJudgedOverEveryFile()
    {
        await VerifyEG0014.AnalyzerAsync(
            new[]
            {
                """
                using System;
                using System.Collections.Generic;
                using Confluent.Kafka;

                public sealed class OrderPlacedEvent { public Guid EventId { get; set; } }

                public sealed partial class Worker
                {
                    private readonly HashSet<Guid> {|EG0014:_seen|} = new();
                    private readonly HashSet<Guid> {|EG0014:_checkedElsewhere|} = new();

                    private bool IsNew(OrderPlacedEvent evt) => _seen.Add(evt.EventId);
                }

                public sealed partial class Cache
                {
                    private readonly HashSet<Guid> _remembered = new();

                    private bool IsNew(OrderPlacedEvent evt) => _remembered.Add(evt.EventId);
                }
                """,
                """
                using System.Threading;
                using Confluent.Kafka;

                public sealed partial class Worker
                {
                    public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
                    {
                        var result = consumer.Consume(cancellationToken);
                        if (_checkedElsewhere.Contains(result.Message.Value.EventId)) { return; }
                    }
                }

                public sealed partial class Cache
                {
                    public void Clear() => _remembered.Clear();
                }
                """,
            },
            Brokers.Kafka,
            editorConfig: null);
    }

    [Fact]
    public async Task ANestedTypeAndItsContainerAreJudgedOnTheirOwnMembers()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class OrderPlacedEvent { public Guid EventId { get; set; } }

            public sealed class Worker
            {
                private readonly HashSet<Guid> {|EG0014:_seen|} = new();

                public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    _seen.Add(result.Message.Value.EventId);
                }

                private static readonly HashSet<Guid> SeenByAudit = new();

                private sealed class Audit
                {
                    private readonly HashSet<Guid> _audited = new();
                    public void Record(OrderPlacedEvent evt) => _audited.Add(evt.EventId);
                    public bool Seen(OrderPlacedEvent evt) => SeenByAudit.Contains(evt.EventId);
                }
            }

            public sealed class Dispatcher
            {
                private readonly HashSet<Guid> _dispatched = new();

                public void Dispatch(OrderPlacedEvent evt) => _dispatched.Add(evt.EventId);

                private sealed class Loop
                {
                    private readonly HashSet<Guid> {|EG0014:_handled|} = new();

                    public void Run(IConsumer<string, OrderPlacedEvent> consumer)
                    {
                        var result = consumer.Consume(100);
                        _handled.Add(result.Message.Value.EventId);
                    }
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task EveryFieldIsReportedOnceHoweverManyUses()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading;
            using Confluent.Kafka;

            public sealed class OrderPlacedEvent { public Guid EventId { get; set; } }

            public sealed class Worker
            {
                private readonly HashSet<Guid> {|EG0014:_seen|} = new();
                private readonly ConcurrentDictionary<Guid, bool> {|EG0014:_processed|} = new();

                public void Run(IConsumer<string, OrderPlacedEvent> consumer, CancellationToken cancellationToken)
                {
                    var result = consumer.Consume(cancellationToken);
                    var evt = result.Message.Value;
                    if (_seen.Contains(evt.EventId) || _processed.ContainsKey(evt.EventId)) { return; }
                    _seen.Add(evt.EventId);
                    _processed.TryAdd(evt.EventId, true);
                }

                public void Replay(OrderPlacedEvent evt)
                {
                    _seen.Add(evt.EventId);
                    _processed.GetOrAdd(evt.EventId, true);
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task SilentWithoutABrokerLibrary()
    {
        await VerifyEG0014.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public sealed class Message { public Guid MessageId { get; set; } }

            public sealed class Handler
            {
                private readonly HashSet<Guid> _seen = new();
                public void Consume(Message message) => _seen.Add(message.MessageId);
            }
            """, Brokers.None);
    }
}
