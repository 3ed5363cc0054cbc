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
