namespace EventGovernance.EndToEnd.Tests;

/// <summary>
/// A small application that uses Kafka, RabbitMQ and Azure Service Bus the way real services do. A line ending in
/// "// expect: EG000n" is where the build must report that rule; no other line may get a diagnostic.
/// </summary>
public static class ConsumerProject
{
    public sealed record Expected(string File, int Line, string Id);

    private const string Marker = "// expect: ";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        ["Publisher.cs"] = """
            using System;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed class Publisher
            {
                private readonly IProducer<string, OrderPlaced> _orders;
                private readonly IProducer<Null, string> _audit;

                public Publisher(IProducer<string, OrderPlaced> orders, IProducer<Null, string> audit)
                {
                    _orders = orders;
                    _audit = audit;
                }

                public async Task PublishAsync(OrderPlaced order)
                {
                    await _orders.ProduceAsync("orders", new Message<string, OrderPlaced> { Key = order.OrderId, Value = order });
                    await _orders.ProduceAsync("orders", new Message<string, OrderPlaced> { Value = order }); // expect: EG0001
                    _audit.Produce("audit", new Message<Null, string> { Value = order.OrderId }); // expect: EG0001
                    await _orders.ProduceAsync("orders", new Message<string, OrderPlaced> { Key = Guid.NewGuid().ToString(), Value = order }); // expect: EG0001
                    _audit.Produce(new TopicPartition("audit", new Partition(0)), new Message<Null, string> { Value = order.OrderId });
                }
            }
            """,
        ["Worker.cs"] = """
            using System;
            using System.Threading;
            using Confluent.Kafka;

            namespace Shop;

            public sealed class Worker
            {
                public void RunAtMostOnce(CancellationToken cancellationToken)
                {
                    var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "billing", PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky }; // expect: EG0002
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    consumer.Subscribe("orders");
                    Console.WriteLine(consumer.Consume(cancellationToken).Message.Value);
                }

                public void RunAtLeastOnce(CancellationToken cancellationToken)
                {
                    var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "billing", EnableAutoOffsetStore = false, PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky };
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    consumer.Subscribe("orders");
                    var result = consumer.Consume(cancellationToken);
                    Console.WriteLine(result.Message.Value);
                    consumer.StoreOffset(result);
                }
            }
            """,
        ["OrdersWorker.cs"] = """
            using Confluent.Kafka;

            namespace Shop;

            // A hosted-worker shape: the configuration lives in a field, the consumer is built in another
            // method, in another file of the same partial class.
            public sealed partial class OrdersWorker
            {
                private readonly ConsumerConfig _config = new() { BootstrapServers = "localhost:9092", GroupId = "orders" }; // expect: EG0002
                private readonly ConsumerConfig _manual = new() { BootstrapServers = "localhost:9092", GroupId = "audit" };

                public OrdersWorker() => _manual.EnableAutoCommit = false;
            }
            """,
        ["OrdersWorker.Run.cs"] = """
            using System;
            using System.Threading;
            using Confluent.Kafka;

            namespace Shop;

            public sealed partial class OrdersWorker
            {
                public void Run(CancellationToken cancellationToken)
                {
                    using var consumer = new ConsumerBuilder<Ignore, string>(_config).Build();
                    using var audit = new ConsumerBuilder<Ignore, string>(_manual).Build();
                    consumer.Subscribe("orders");
                    Console.WriteLine(consumer.Consume(cancellationToken).Message.Value);
                }
            }
            """,
        ["Listener.cs"] = """
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            namespace Shop;

            public sealed class Listener
            {
                public async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer)
                {
                    await channel.BasicConsumeAsync("orders", autoAck: true, consumer); // expect: EG0003
                    await channel.BasicConsumeAsync("payments", autoAck: false, consumer); // expect: EG0010
                    await channel.BasicConsumeAsync("amq.rabbitmq.reply-to", autoAck: true, consumer);
                }
            }
            """,
        ["Contracts.cs"] = """
            using System;

            namespace Shop;

            public sealed record OrderPlaced(string OrderId, decimal Total); // expect: EG0004

            public sealed class OrderShippedEvent // expect: EG0004
            {
                public Guid EventId { get; init; }
                public string OrderId { get; init; } = "";
            }

            // In-process types that only look like events by name: not contracts.
            public sealed record OrderShippedDomainEvent(string OrderId);

            internal sealed class CacheClearedEvent { }

            public sealed class PaymentCapturedEvent
            {
                public Guid EventId { get; init; }
                public string EventType { get; init; } = nameof(PaymentCapturedEvent);
                public int EventVersion { get; init; } = 1;
                public DateTimeOffset OccurredAt { get; init; }
                public string? CorrelationId { get; init; }
            }
            """,
        // Kafka, Service Bus and general rules (issue 10, section 2).
        ["Notifier.cs"] = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Confluent.Kafka;

            namespace Shop;

            public sealed class Notifier
            {
                private readonly IProducer<string, string> _producer;

                public Notifier(IProducer<string, string> producer) => _producer = producer;

                public void Notify(string orderId)
                {
                    _producer.ProduceAsync("notifications", new Message<string, string> { Key = orderId, Value = "placed" }); // expect: EG0016
                }

                public Task NotifyAllAsync(string orderId) =>
                    _producer.ProduceAsync("notifications", new Message<string, string> { Key = "all", Value = orderId }); // expect: EG0019

                public static async Task SendOnceAsync(string orderId)
                {
                    var config = new ProducerConfig { BootstrapServers = "localhost:9092", Acks = Acks.Leader }; // expect: EG0009
                    using var producer = new ProducerBuilder<string, string>(config).Build(); // expect: EG0008
                    await producer.ProduceAsync("notifications", new Message<string, string> { Key = orderId, Value = "placed" });
                }

                public static IProducer<string, string> CreateShared() =>
                    new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "localhost:9092", EnableIdempotence = true }).Build();

                public static void Listen(System.Threading.CancellationToken cancellationToken)
                {
                    var config = new ConsumerConfig { BootstrapServers = "localhost:9092", GroupId = "notifier", EnableAutoOffsetStore = false }; // expect: EG0017
                    using var consumer = new ConsumerBuilder<string, string>(config).Build();
                    consumer.Subscribe("notifications");
                    var result = consumer.Consume(cancellationToken);
                    consumer.StoreOffset(result);
                }

                public static async Task SendBatchAsync(IProducer<string, string> producer, IEnumerable<string> orderIds)
                {
                    foreach (string orderId in orderIds)
                    {
                        await producer.ProduceAsync("notifications", new Message<string, string> { Key = orderId, Value = "placed" });
                    }
                }
            }
            """,
        ["InboxListener.cs"] = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            namespace Shop;

            public sealed class InboxListener
            {
                private readonly HashSet<string> _handled = new(); // expect: EG0014

                public async Task ListenAsync(IChannel channel)
                {
                    await channel.BasicQosAsync(0, 50, false);
                    var consumer = new AsyncEventingBasicConsumer(channel);
                    consumer.ReceivedAsync += async (_, delivery) =>
                    {
                        if (delivery.BasicProperties.MessageId != null && _handled.Add(delivery.BasicProperties.MessageId))
                        {
                            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                        }
                    };
                    await channel.BasicConsumeAsync("inbox", autoAck: false, consumer);
                }
            }
            """,
        ["Stamps.cs"] = """
            using System;
            using RabbitMQ.Client;

            namespace Shop;

            public static class Stamps
            {
                public static BasicProperties Properties(string orderId) => new()
                {
                    MessageId = DateTime.UtcNow.Ticks.ToString(), // expect: EG0013
                    CorrelationId = orderId,
                    Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                };
            }
            """,
        // Azure Service Bus rules.
        ["InvoiceWorker.cs"] = """
            using System;
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;

            namespace Shop;

            public sealed class InvoiceWorker
            {
                public ServiceBusReceiver Receiver(ServiceBusClient client) =>
                    client.CreateReceiver("invoices", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete }); // expect: EG0018

                public ServiceBusProcessor Start(ServiceBusClient client)
                {
                    var processor = client.CreateProcessor("invoices");
                    processor.ProcessMessageAsync += async args => // expect: EG0018
                    {
                        try
                        {
                            await HandleAsync(args.Message);
                        }
                        catch (Exception e)
                        {
                            Console.WriteLine(e.Message);
                        }
                    };
                    processor.ProcessErrorAsync += _ => Task.CompletedTask;

                    var safe = client.CreateProcessor("refunds");
                    safe.ProcessMessageAsync += args => HandleAsync(args.Message);
                    safe.ProcessErrorAsync += _ => Task.CompletedTask;

                    var autoCompleting = client.CreateProcessor("credits", new ServiceBusProcessorOptions { AutoCompleteMessages = true });
                    autoCompleting.ProcessMessageAsync += args => HandleAsync(args.Message); // expect: EG0018
                    autoCompleting.ProcessErrorAsync += _ => Task.CompletedTask;
                    return processor;
                }

                private static Task HandleAsync(ServiceBusReceivedMessage message) => Task.CompletedTask;
            }
            """,
        // EG0009, EG0012, EG0014 and EG0017 are Info rules, which a build does not print; raise them so the build shows them.
        [".editorconfig"] = """
            root = true

            [*.cs]
            dotnet_diagnostic.EG0009.severity = warning
            dotnet_diagnostic.EG0017.severity = warning
            dotnet_diagnostic.EG0014.severity = warning
            dotnet_diagnostic.EG0012.severity = warning
            """,
        // RabbitMQ rules of issue 10 section 2.
        ["RabbitPublisher.cs"] = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            namespace Shop;

            public sealed class RabbitPublisher
            {
                public async Task PublishAsync(IChannel channel, ReadOnlyMemory<byte> body, string id)
                {
                    var transient = new BasicProperties { MessageId = id, CorrelationId = id };
                    await channel.BasicPublishAsync("orders", "created", false, transient, body); // expect: EG0005
                    var durable = new BasicProperties { MessageId = id, CorrelationId = id, Persistent = true };
                    await channel.BasicPublishAsync("orders", "created", false, durable, body);
                    var untraced = new BasicProperties { MessageId = id, Persistent = true };
                    await channel.BasicPublishAsync("orders", "created", false, untraced, body); // expect: EG0006
                    await channel.BasicPublishAsync("orders", "created", false, Traced(id), body); // expect: EG0005
                }

                private static BasicProperties Traced(string id) => new BasicProperties { MessageId = id, CorrelationId = id };

                public async Task PublishConfirmedAsync(IConnection connection, ReadOnlyMemory<byte> body, string id)
                {
                    var properties = new BasicProperties { MessageId = id, CorrelationId = id, Persistent = true };
                    await using var unconfirmed = await connection.CreateChannelAsync(); // expect: EG0007
                    await unconfirmed.BasicPublishAsync("orders", "created", false, properties, body);
                    var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
                    await using var confirmed = await connection.CreateChannelAsync(options);
                    await confirmed.BasicPublishAsync("orders", "created", false, properties, body);
                }

                public async Task OnReceivedAsync(IChannel channel, ulong deliveryTag, bool redelivered)
                {
                    try
                    {
                        await channel.BasicAckAsync(deliveryTag, multiple: false);
                    }
                    catch (InvalidOperationException)
                    {
                        await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true); // expect: EG0011
                    }
                    catch (TimeoutException)
                    {
                        await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: !redelivered);
                    }
                }

                public async Task ConsumeAsync(IChannel channel, IAsyncBasicConsumer consumer)
                {
                    await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: 50, global: false);
                    await channel.BasicConsumeAsync("shipments", autoAck: false, consumer);
                }

                public async Task DeclareAsync(IChannel channel)
                {
                    await channel.QueueDeclareAsync("shipments", durable: true, exclusive: false, autoDelete: false); // expect: EG0012
                    var arguments = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = "shipments.dlx", ["x-max-length"] = 100_000 };
                    await channel.QueueDeclareAsync("shipments.v2", durable: true, exclusive: false, autoDelete: false, arguments: arguments);
                }

                public static ConnectionFactory Factory(TimeSpan heartbeat) => new()
                {
                    HostName = "localhost",
                    RequestedHeartbeat = TimeSpan.Zero, // expect: EG0015
                    RequestedConnectionTimeout = heartbeat,
                };
            }
            """,
    };

    public static void WriteTo(string directory, string feed, string analyzerVersion)
    {
        LocalFeedProject.WriteIsolationFiles(directory, feed);
        File.WriteAllText(Path.Combine(directory, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Confluent.Kafka" Version="2.16.0" />
                <PackageReference Include="RabbitMQ.Client" Version="7.2.2" />
                <PackageReference Include="Azure.Messaging.ServiceBus" Version="7.21.0" />
                <!-- Azure.Messaging.ServiceBus asks for 2.7.0, which is not served: named here, no NU1603. -->
                <PackageReference Include="Microsoft.Azure.Amqp" Version="2.7.3" />
                <PackageReference Include="EventGovernance.Analyzers" Version="{analyzerVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        foreach ((string name, string text) in Sources)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }

    public static IEnumerable<Expected> ExpectedDiagnostics(string directory)
    {
        foreach ((string name, string text) in Sources)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int marker = lines[i].IndexOf(Marker, StringComparison.Ordinal);
                if (marker >= 0)
                {
                    yield return new Expected(name, i + 1, lines[i].Substring(marker + Marker.Length).Trim());
                }
            }
        }
    }
}
