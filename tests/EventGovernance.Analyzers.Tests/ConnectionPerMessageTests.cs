using VerifyEG0008 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.ConnectionPerMessageAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class ConnectionPerMessageTests
{
    private const string KafkaUsings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Confluent.Kafka;

        """;

    private const string RabbitUsings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RabbitMQ.Client;

        """;

    [Fact]
    public async Task KafkaProducerBuiltPerCallOrInAPublishingLoopIsFlagged()
    {
        await VerifyEG0008.AnalyzerAsync(KafkaUsings + """
            record Order(string Id);

            class Publisher
            {
                private readonly ProducerConfig _config = new() { BootstrapServers = "localhost:9092" };

                public async Task PublishAsync(Order order)
                {
                    using var producer = new ProducerBuilder<string, string>(_config).{|EG0008:Build()|};
                    await producer.ProduceAsync("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                }

                public void PublishAll(IEnumerable<Order> orders)
                {
                    foreach (Order order in orders)
                    {
                        var producer = new ProducerBuilder<string, string>(_config).{|EG0008:Build()|};
                        producer.Produce("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                    }
                }

                public void PublishOld(Order order)
                {
                    using (var producer = new ProducerBuilder<string, string>(_config).{|EG0008:Build()|})
                    {
                        producer.Produce("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                    }
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageNamesTheCallAndWhatIsOpened()
    {
        await VerifyEG0008.AnalyzerAsync(KafkaUsings + """
            class Publisher
            {
                public void Publish(ProducerConfig config, string id)
                {
                    using var producer = new ProducerBuilder<string, string>(config).Build();
                    producer.Produce("orders", new Message<string, string> { Key = id, Value = "x" });
                }
            }
            """, Brokers.Kafka,
            Verify<ConnectionPerMessageAnalyzer>.Diagnostic(Descriptors.ConnectionPerMessage)
                .WithSpan(9, 74, 9, 81)
                .WithArguments("Build", "in a method that publishes once and disposes it", "producer"));
    }

    [Fact]
    public async Task SharedProducersBatchesAndEntryPointsAreNotFlagged()
    {
        await VerifyEG0008.AnalyzerAsync(KafkaUsings + """
            record Order(string Id);

            class Publisher
            {
                private readonly IProducer<string, string> _producer;

                public Publisher(ProducerConfig config) => _producer = new ProducerBuilder<string, string>(config).Build();

                public IProducer<string, string> Create(ProducerConfig config) => new ProducerBuilder<string, string>(config).Build();

                public void Batch(ProducerConfig config, IEnumerable<Order> orders)
                {
                    using var producer = new ProducerBuilder<string, string>(config).Build();
                    foreach (Order order in orders)
                    {
                        producer.Produce("orders", new Message<string, string> { Key = order.Id, Value = "x" });
                    }

                    producer.Flush(TimeSpan.FromSeconds(10));
                }

                public List<IProducer<string, string>> PerCluster(IEnumerable<ProducerConfig> clusters)
                {
                    var producers = new List<IProducer<string, string>>();
                    foreach (ProducerConfig cluster in clusters)
                    {
                        producers.Add(new ProducerBuilder<string, string>(cluster).Build());
                    }

                    return producers;
                }

                public static void Main()
                {
                    using var producer = new ProducerBuilder<string, string>(new ProducerConfig()).Build();
                    producer.Produce("orders", new Message<string, string> { Key = "1", Value = "x" });
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task RabbitMq7ConnectionPerPublishIsFlagged()
    {
        await VerifyEG0008.AnalyzerAsync(RabbitUsings + """
            class Publisher
            {
                private readonly ConnectionFactory _factory = new() { HostName = "localhost" };

                public async Task PublishAsync(ReadOnlyMemory<byte> body)
                {
                    await using var connection = await _factory.{|EG0008:CreateConnectionAsync()|};
                    await using var channel = await connection.CreateChannelAsync();
                    await channel.BasicPublishAsync("orders", "created", body);
                }

                public async Task PublishAllAsync(IEnumerable<ReadOnlyMemory<byte>> bodies)
                {
                    foreach (var body in bodies)
                    {
                        var connection = await _factory.{|EG0008:CreateConnectionAsync()|};
                        var channel = await connection.CreateChannelAsync();
                        await channel.BasicPublishAsync("orders", "created", body);
                        await connection.DisposeAsync();
                    }
                }

                public async Task<IConnection> ConnectAsync() => await _factory.CreateConnectionAsync();
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6ConnectionPerPublishIsFlagged()
    {
        await VerifyEG0008.AnalyzerAsync(RabbitUsings + """
            class Publisher
            {
                public void Publish(IConnectionFactory factory, byte[] body)
                {
                    var connection = factory.{|EG0008:CreateConnection()|};
                    var channel = connection.CreateModel();
                    channel.BasicPublish("orders", "created", null, body);
                    connection.Dispose();
                }

                public void Connect(IConnectionFactory factory) => factory.CreateConnection();
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task SilentWithoutABrokerLibrary()
    {
        await VerifyEG0008.AnalyzerAsync("""
            using System;
            class Producer : IDisposable { public void Produce(string topic) { } public void Dispose() { } }
            class ProducerBuilder<TKey, TValue> { public Producer Build() => new(); }
            class Publisher
            {
                void Publish()
                {
                    using var producer = new ProducerBuilder<string, string>().Build();
                    producer.Produce("orders");
                }
            }
            """, Brokers.None);
    }
}
