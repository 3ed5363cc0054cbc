namespace EventGovernance.Analyzers.Tests;

/// <summary>Realistic sources that trigger every rule; the half-typed-code test cuts them at every token.</summary>
public static class Samples
{
    /// <summary>Kafka, RabbitMQ 7.x and Azure Service Bus.</summary>
    public const string KafkaAndRabbitMq7 = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus;
        using Confluent.Kafka;
        using RabbitMQ.Client;

        namespace Shop;

        public sealed class EventContractAttribute : Attribute { }

        [EventContract]
        public record OrderPlaced(string OrderId, decimal Total);

        public class OrderShippedEvent
        {
            public Guid EventId { get; set; }
            public string OrderId { get; set; } = "";
        }

        public sealed class Envelope<T>
        {
            public Guid EventId { get; init; }
            public string EventType { get; init; } = "";
            public int EventVersion { get; init; }
            public DateTimeOffset OccurredAt { get; init; }
            public string CorrelationId { get; init; } = "";
            public T Payload { get; init; } = default!;
        }

        public class OrdersWorker
        {
            private readonly ConsumerConfig _config = new() { BootstrapServers = "localhost:9092", GroupId = "orders" };
            private ConsumerConfig Backup { get; } = new ConsumerConfig(new ClientConfig()) { GroupId = "backup" };

            public IConsumer<Ignore, string> Create() => new ConsumerBuilder<Ignore, string>(_config).Build();

            public IConsumer<Ignore, string> CreateFallback() => new ConsumerBuilder<Ignore, string>(Fallback(() => true)).Build();

            private static ConsumerConfig Fallback(Func<bool> manual)
            {
                var config = new ConsumerConfig { GroupId = "fallback" };
                if (manual()) { return new ConsumerConfig { EnableAutoCommit = false }; }
                return config;
            }

            public IConsumer<Ignore, string> CreateBackup()
            {
                if (Backup.GroupId is null) { Backup.EnableAutoCommit = false; }
                return new ConsumerBuilder<Ignore, string>(Backup).Build();
            }
        }

        public class ReplayBuilder<TKey, TValue> : ConsumerBuilder<TKey, TValue>
        {
            public ReplayBuilder(IEnumerable<KeyValuePair<string, string>> config) : base(config) { }
        }

        public interface IEventPublisher<in T> { Task PublishAsync(string key, T payload); }

        public sealed class KafkaEventPublisher<T> : IEventPublisher<T>
        {
            private readonly IProducer<string, T> _producer;
            public KafkaEventPublisher(IProducer<string, T> producer) => _producer = producer;
            public Task PublishAsync(string key, T payload) =>
                _producer.ProduceAsync(new TopicPartition("events", Partition.Any), new Message<string, T> { Key = Guid.NewGuid().ToString(), Value = payload });
        }

        public sealed record OrderPaid(string OrderId);

        internal sealed class CacheInvalidatedEvent { public Func<Task> Continue { get; init; } = null!; }

        public sealed class Replayer
        {
            public void Replay(IEventPublisher<OrderPaid> paid, IProducer<string, string> producer, long from)
            {
                using var consumer = new ReplayBuilder<string, string>(new ConsumerConfig { GroupId = "replay" }).Build();
                consumer.Assign(new TopicPartitionOffset("orders", new Partition(0), new Offset(from)));
                var json = System.Text.Json.JsonSerializer.Serialize(new OrderPaid("1"));
                producer.Produce(new TopicPartition("audit", new Partition(0)), new Message<string, string> { Value = json });
            }

            public Task PublishAsync<T>(IProducer<string, object> producer, T payload) =>
                producer.ProduceAsync("events", new Message<string, object> { Key = "k", Value = new Envelope<T> { Payload = payload } });
        }

        public class Publisher
        {
            private const string Topic = "orders";
            private const bool AutoAck = true;
            private IChannel? _channel;

            public async Task PublishAsync(IProducer<Null, OrderPlaced> unkeyed, IProducer<string, Envelope<OrderShippedEvent>> keyed, OrderPlaced order)
            {
                await unkeyed.ProduceAsync(Topic, new Message<Null, OrderPlaced> { Value = order });
                var message = new Message<string, Envelope<OrderShippedEvent>> { Value = new Envelope<OrderShippedEvent>() };
                keyed.Produce(topic: Topic, message: message);
                keyed.Produce("orders", new Message<string, Envelope<OrderShippedEvent>> { Key = order.OrderId, Value = new Envelope<OrderShippedEvent>() });
            }

            public void Consume(ConsumerConfig shared, bool manual)
            {
                var config = new ConsumerConfig { GroupId = "billing", EnableAutoCommit = true };
                config.EnableAutoOffsetStore ??= manual;
                using var consumer = new ConsumerBuilder<string, string>(config).Build();
                var settings = new Dictionary<string, string> { { "group.id", "audit" }, { "enable.auto.offset.store", "false" } };
                using var plain = new ConsumerBuilder<string, string>(new ConsumerConfig { GroupId = "reports" }).Build();
                using var audit = new ConsumerBuilder<Ignore, string>(settings).Build();
                shared.Set("enable.auto.commit", "true");
                using var other = new ConsumerBuilder<string, string>(shared).Build();
            }

            public async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer)
            {
                await _channel!.BasicGetAsync(queue: Topic, autoAck: AutoAck);
                await channel.BasicConsumeAsync("orders", true, consumer);
                await channel.BasicConsumeAsync(queue: "amq.rabbitmq.reply-to", autoAck: true, consumer: consumer);
                var got = await channel.BasicGetAsync("orders", autoAck: true);
            }
        }

        // RabbitMQ rules of issue 10 section 2.
        public class RabbitPublisher
        {
            public async Task PublishAsync(IChannel channel, ReadOnlyMemory<byte> body, string id)
            {
                await channel.BasicPublishAsync("orders", "created", body);
                var properties = new BasicProperties { MessageId = id };
                await channel.BasicPublishAsync("orders", "created", false, properties, body);
            }

            public async Task PublishOnceAsync(IConnection connection, ReadOnlyMemory<byte> body)
            {
                await using var unconfirmed = await connection.CreateChannelAsync();
                await unconfirmed.BasicPublishAsync("orders", "created", body);
            }

            public async Task OnReceivedAsync(IChannel channel, ulong deliveryTag)
            {
                try { await channel.BasicAckAsync(deliveryTag, false); }
                catch (Exception) { await channel.BasicNackAsync(deliveryTag, false, requeue: true); }
            }

            public ConnectionFactory Factory() => new ConnectionFactory { HostName = "rabbit", RequestedHeartbeat = TimeSpan.Zero };

            public async Task ConsumeAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                await channel.BasicConsumeAsync("orders", autoAck: false, consumer);

            private readonly Dictionary<string, object?> _queueArguments = new() { ["x-max-length"] = 1000 };

            public Task DeclareAsync(IChannel channel) => channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false, arguments: _queueArguments);
        }

        // Values followed through fields and factories (EG0005, EG0006, EG0007, EG0018).
        public sealed class FollowedPublisher
        {
            private readonly BasicProperties _properties;
            private readonly CreateChannelOptions _options = new(false, false);

            public FollowedPublisher(string id) => _properties = Props(id);

            private BasicProperties Props(string id) => new BasicProperties { MessageId = id };

            public async Task PublishAsync(IConnection connection, ReadOnlyMemory<byte> body, string id)
            {
                await using var channel = await connection.CreateChannelAsync(_options);
                await channel.BasicPublishAsync("orders", "created", false, Props(id), body);
                await channel.BasicPublishAsync("orders", "created", false, _properties, body);
            }

            public void Listen(ServiceBusClient client)
            {
                var processor = client.CreateProcessor("orders", new ServiceBusProcessorOptions { AutoCompleteMessages = true });
                processor.ProcessMessageAsync += args => Task.Delay(1);
            }
        }

        // Kafka, Service Bus and general rules (issue 10, section 2).
        public sealed class Outbox
        {
            private const string OutboxKey = "outbox";

            public async Task SendAsync(IChannel channel, ConnectionFactory factory, ReadOnlyMemory<byte> body)
            {
                using var producer = new ProducerBuilder<string, string>(new ProducerConfig { Acks = Acks.Leader }).Build();
                producer.ProduceAsync("outbox", new Message<string, string> { Key = OutboxKey, Value = "sent" });
                await using var connection = await factory.CreateConnectionAsync();
                channel.BasicPublishAsync("outbox", "sent", body);
                var properties = new BasicProperties { MessageId = DateTime.UtcNow.Ticks.ToString() };
            }
        }

        public sealed class InvoiceWorker
        {
            public ServiceBusReceiver Receiver(ServiceBusClient client) =>
                client.CreateReceiver("invoices", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });

            public ServiceBusProcessor Start(ServiceBusClient client)
            {
                var processor = client.CreateProcessor("invoices");
                processor.ProcessMessageAsync += async args =>
                {
                    try { await Task.Delay(1); }
                    catch (Exception e) { Console.WriteLine(e.Message); }
                };
                return processor;
            }
        }

        public sealed class DedupWorker
        {
            private readonly HashSet<Guid> _seen = new();

            public void Run(IConsumer<string, OrderShippedEvent> consumer)
            {
                var result = consumer.Consume(1000);
                if (_seen.Add(result.Message.Value.EventId)) { Console.WriteLine(result.Message.Value.OrderId); }
            }
        }
        """;

    public const string RabbitMq6 = """
        using RabbitMQ.Client;

        namespace Legacy
        {
            public class Listener
            {
                public void Listen(IModel channel, IBasicConsumer consumer, bool ack)
                {
                    channel.BasicConsume("orders", true, "tag", false, false, null, consumer);
                    channel.BasicConsume(consumer, "orders", autoAck: true);
                    IModelExensions.BasicConsume(channel, "orders", ack, consumer);
                    var result = channel.BasicGet(queue: "orders", autoAck: true);
                }
            }

            public partial class StockReservedIntegrationEvent
            {
                [System.Text.Json.Serialization.JsonPropertyName("event_id")] public System.Guid Key { get; set; }
            }

            public partial class StockReservedIntegrationEvent : Base { }

            public class Base { public string Type = ""; }

            // Kafka, Service Bus and general rules (issue 10, section 2).
            public class Stamper
            {
                public void Stamp(IModel channel)
                {
                    var properties = channel.CreateBasicProperties();
                    properties.MessageId = System.DateTime.UtcNow.Ticks.ToString();
                }
            }
        }

        // RabbitMQ rules of issue 10 section 2.
        namespace Legacy.Rabbit
        {
            public class LegacyPublisher
            {
                public void Publish(IModel channel, System.ReadOnlyMemory<byte> body)
                {
                    channel.BasicPublish("orders", "created", null, body);
                    var properties = channel.CreateBasicProperties();
                    channel.BasicPublish("orders", "created", properties, body);
                }

                public void PublishOnce(IConnection connection, System.ReadOnlyMemory<byte> body)
                {
                    using var unconfirmed = connection.CreateModel();
                    unconfirmed.BasicPublish("orders", "created", null, body);
                }

                private readonly IModel _model = null!;

                private IBasicProperties Props(string id)
                {
                    var properties = _model.CreateBasicProperties();
                    properties.MessageId = id;
                    return properties;
                }

                public void PublishFollowed(System.ReadOnlyMemory<byte> body, string id) => _model.BasicPublish("orders", "created", Props(id), body);

                public void OnReceived(IModel channel, ulong deliveryTag)
                {
                    try { channel.BasicAck(deliveryTag, false); }
                    catch { channel.BasicReject(deliveryTag, true); }
                }

                public ConnectionFactory Factory()
                {
                    var factory = new ConnectionFactory();
                    factory.RequestedHeartbeat = System.TimeSpan.FromSeconds(0);
                    return factory;
                }

                public void Consume(IModel channel, IBasicConsumer consumer)
                {
                    channel.BasicQos(0, 0, false);
                    channel.BasicConsume("orders", false, consumer);
                }

                public void Declare(IModel channel)
                {
                    var arguments = new System.Collections.Generic.Dictionary<string, object> { { "x-dead-letter-exchange", "dlx" } };
                    channel.QueueDeclare("orders", true, false, false, arguments);
                }
            }
        }
        """;
}
