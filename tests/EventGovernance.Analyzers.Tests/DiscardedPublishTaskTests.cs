using VerifyEG0016 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.DiscardedPublishTaskAnalyzer>;
using VerifyFixEG0016 = EventGovernance.Analyzers.Tests.VerifyFix<EventGovernance.Analyzers.DiscardedPublishTaskAnalyzer, EventGovernance.Analyzers.CodeFixes.DiscardedPublishTaskCodeFixProvider>;

using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

public class DiscardedPublishTaskTests
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
    public async Task KafkaProduceAsyncStatementIsFlaggedWithConfigureAwaitAndNullConditional()
    {
        await VerifyEG0016.AnalyzerAsync(KafkaUsings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer, IProducer<string, string>? maybe, string id)
                {
                    producer.{|EG0016:ProduceAsync("orders", new Message<string, string> { Key = id, Value = "x" })|};
                    producer.{|EG0016:ProduceAsync("orders", new Message<string, string> { Key = id, Value = "x" })|}.ConfigureAwait(false);
                    maybe?.{|EG0016:ProduceAsync("orders", new Message<string, string> { Key = id, Value = "x" })|};
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task HandledTasksAndSynchronousProduceAreNotFlagged()
    {
        await VerifyEG0016.AnalyzerAsync(KafkaUsings + """
            class Publisher
            {
                readonly List<Task> _pending = new();

                async Task<DeliveryResult<string, string>> PublishAsync(IProducer<string, string> producer, Message<string, string> message)
                {
                    await producer.ProduceAsync("orders", message);
                    var task = producer.ProduceAsync("orders", message);
                    _ = producer.ProduceAsync("orders", message);
                    _pending.Add(producer.ProduceAsync("orders", message));
                    await Task.WhenAll(producer.ProduceAsync("a", message), task);
                    producer.Produce("orders", message);
                    producer.Flush(TimeSpan.FromSeconds(1));
                    return await producer.ProduceAsync("orders", message);
                }

                Task<DeliveryResult<string, string>> Forward(IProducer<string, string> producer, Message<string, string> message) =>
                    producer.ProduceAsync("orders", message);

                Task NotAProducer() => Task.Delay(1);

                void Other() => NotAProducer();
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task LambdaBodiesAreFlagged()
    {
        await VerifyEG0016.AnalyzerAsync(KafkaUsings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer, IEnumerable<string> ids)
                {
                    foreach (string id in ids)
                    {
                        Action send = () => producer.{|EG0016:ProduceAsync("orders", new Message<string, string> { Key = id, Value = "x" })|};
                        send();
                    }
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task RabbitMq7InstanceAndExtensionPublishesAreFlagged()
    {
        await VerifyEG0016.AnalyzerAsync(RabbitUsings + """
            class Publisher
            {
                async Task PublishAsync(IChannel channel, ReadOnlyMemory<byte> body)
                {
                    channel.{|EG0016:BasicPublishAsync("orders", "created", body)|};
                    channel.{|EG0016:BasicPublishAsync("orders", "created", mandatory: true, new BasicProperties(), body)|};
                    IChannelExtensions.{|EG0016:BasicPublishAsync(channel, "orders", "created", body)|};
                    await channel.BasicPublishAsync("orders", "created", body);
                    channel.BasicQosAsync(0, 10, false);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6SynchronousPublishIsNotFlagged()
    {
        await VerifyEG0016.AnalyzerAsync(RabbitUsings + """
            class Publisher
            {
                void Publish(IModel channel, byte[] body)
                {
                    channel.BasicPublish("orders", "created", null, body);
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task SilentWithoutABrokerLibrary()
    {
        await VerifyEG0016.AnalyzerAsync("""
            using System.Threading.Tasks;

            class Producer { public Task ProduceAsync(string topic, string value) => Task.CompletedTask; }

            class Publisher
            {
                void Publish(Producer producer) => producer.ProduceAsync("orders", "x");
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task FixAwaitsInAsyncMethodsLocalFunctionsAndLambdas()
    {
        await VerifyFixEG0016.CodeFixAsync(KafkaUsings + """
            class Publisher
            {
                async Task PublishAsync(IProducer<string, string> producer, Message<string, string> message)
                {
                    // keep this comment
                    producer.{|EG0016:ProduceAsync("orders", message)|};
                    producer.{|EG0016:ProduceAsync("audit", message)|}.ConfigureAwait(false);
                    Func<Task> later = async () => { producer.{|EG0016:ProduceAsync("later", message)|}; };
                    async Task LocalAsync() { producer.{|EG0016:ProduceAsync("local", message)|}; }
                    await LocalAsync();
                    await later();
                }
            }
            """, KafkaUsings + """
            class Publisher
            {
                async Task PublishAsync(IProducer<string, string> producer, Message<string, string> message)
                {
                    // keep this comment
                    await producer.ProduceAsync("orders", message);
                    await producer.ProduceAsync("audit", message).ConfigureAwait(false);
                    Func<Task> later = async () => { await producer.ProduceAsync("later", message); };
                    async Task LocalAsync() { await producer.ProduceAsync("local", message); }
                    await LocalAsync();
                    await later();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task NoFixWhereAwaitWouldNotCompileOrWouldThrow()
    {
        await NoFixAsync(KafkaUsings + """
            class Publisher
            {
                void Publish(IProducer<string, string> producer, Message<string, string> message)
                {
                    producer.{|EG0016:ProduceAsync("sync", message)|};
                }

                Task Forward(IProducer<string, string> producer, Message<string, string> message)
                {
                    producer.{|EG0016:ProduceAsync("forward", message)|};
                    return Task.CompletedTask;
                }

                async Task LockedAsync(IProducer<string, string>? maybe, Message<string, string> message)
                {
                    lock (this) { maybe!.{|EG0016:ProduceAsync("locked", message)|}; }
                    maybe?.{|EG0016:ProduceAsync("maybe", message)|};
                    await Task.Yield();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task FixAwaitsRabbitMq7Publish()
    {
        await VerifyFixEG0016.CodeFixAsync(RabbitUsings + """
            class Publisher
            {
                async Task PublishAsync(IChannel channel, ReadOnlyMemory<byte> body)
                {
                    channel.{|EG0016:BasicPublishAsync("orders", "created", body)|};
                }
            }
            """, RabbitUsings + """
            class Publisher
            {
                async Task PublishAsync(IChannel channel, ReadOnlyMemory<byte> body)
                {
                    await channel.BasicPublishAsync("orders", "created", body);
                }
            }
            """, Brokers.RabbitMq7);
    }

    /// <summary>The diagnostics are reported and no code fix changes the source.</summary>
    private static async Task NoFixAsync(string source, ReferenceAssemblies references)
    {
        var test = new CSharpCodeFixTest<DiscardedPublishTaskAnalyzer, EventGovernance.Analyzers.CodeFixes.DiscardedPublishTaskCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = references,
            TestCode = source,
            FixedCode = source,
            // The finding sits on the configuration (or call), not on the operation that found it.
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }
}
