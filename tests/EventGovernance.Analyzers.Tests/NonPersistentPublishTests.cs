using EventGovernance.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyEG0005 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.NonPersistentPublishAnalyzer>;
using VerifyEG0005Fix = EventGovernance.Analyzers.Tests.VerifyFix<EventGovernance.Analyzers.NonPersistentPublishAnalyzer, EventGovernance.Analyzers.CodeFixes.NonPersistentPublishCodeFixProvider>;

namespace EventGovernance.Analyzers.Tests;

public class NonPersistentPublishTests
{
    [Fact]
    public async Task RabbitMq7PublishWithoutPropertiesOrWithTransientPropertiesIsFlagged()
    {
        await VerifyEG0005.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body, string id)
                {
                    await {|EG0005:channel.BasicPublishAsync("orders", "created", body)|};
                    await {|EG0005:channel.BasicPublishAsync("orders", "created", true, body)|};
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:new BasicProperties { MessageId = id }|}, body);
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:new BasicProperties { DeliveryMode = DeliveryModes.Transient }|}, body);
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:new BasicProperties { Persistent = false }|}, body);
                    var properties = new BasicProperties { ContentType = "application/json" };
                    properties.MessageId = id;
                    await channel.BasicPublishAsync("orders", "created", mandatory: true, {|EG0005:basicProperties: properties|}, body: body);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq7PersistentOrUnknownPropertiesAreNotFlagged()
    {
        await VerifyEG0005.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                // Not private: other code may make it persistent.
                public readonly BasicProperties Shared = new BasicProperties();

                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body, BasicProperties given, IReadOnlyBasicProperties received, bool durable)
                {
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { Persistent = true }, body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { DeliveryMode = DeliveryModes.Persistent }, body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { Persistent = durable }, body);
                    var persistent = new BasicProperties();
                    persistent.Persistent = true;
                    await channel.BasicPublishAsync("orders", "created", false, persistent, body);
                    var decorated = new BasicProperties();
                    Decorate(decorated);
                    await channel.BasicPublishAsync("orders", "created", false, decorated, body);
                    var reassigned = new BasicProperties();
                    reassigned = new BasicProperties { Persistent = true };
                    await channel.BasicPublishAsync("orders", "created", false, reassigned, body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties(received), body);
                    await channel.BasicPublishAsync("orders", "created", false, given, body);
                    await channel.BasicPublishAsync("orders", "created", false, Shared, body);
                }

                static void Decorate(BasicProperties properties) => properties.Persistent = true;
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6NullOmittedAndTransientPropertiesAreFlagged()
    {
        await VerifyEG0005.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                void Publish(IModel channel, ReadOnlyMemory<byte> body)
                {
                    channel.BasicPublish("orders", "created", {|EG0005:null|}, body);
                    channel.BasicPublish("orders", "created", false, {|EG0005:basicProperties: null|}, body);
                    {|EG0005:channel.BasicPublish("orders", "created", body: body)|};
                    var properties = channel.CreateBasicProperties();
                    properties.ContentType = "application/json";
                    channel.BasicPublish("orders", "created", {|EG0005:properties|}, body);
                    IBasicProperties transient = channel.CreateBasicProperties();
                    transient.DeliveryMode = 1;
                    channel.BasicPublish("orders", "created", false, {|EG0005:transient|}, body);
                    channel.BasicPublish("orders", "created", {|EG0005:channel.CreateBasicProperties()|}, body);
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task RabbitMq6PersistentOrUnknownPropertiesAreNotFlagged()
    {
        await VerifyEG0005.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                void Publish(IModel channel, ReadOnlyMemory<byte> body, IBasicProperties given, bool durable)
                {
                    var persistent = channel.CreateBasicProperties();
                    persistent.Persistent = true;
                    channel.BasicPublish("orders", "created", persistent, body);
                    var mode = channel.CreateBasicProperties();
                    mode.DeliveryMode = 2;
                    channel.BasicPublish("orders", "created", mode, body);
                    var chosen = channel.CreateBasicProperties();
                    chosen.Persistent = durable;
                    channel.BasicPublish("orders", "created", chosen, body);
                    var escaped = channel.CreateBasicProperties();
                    Configure(escaped);
                    channel.BasicPublish("orders", "created", escaped, body);
                    channel.BasicPublish("orders", "created", given, body);
                }

                static void Configure(IBasicProperties properties) => properties.Persistent = true;
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task MessageNamesTheMethodAndWhatIsMissing()
    {
        await VerifyEG0005.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body) =>
                    await channel.BasicPublishAsync("orders", "created", body);
            }
            """, Brokers.RabbitMq7,
            VerifyEG0005.Diagnostic(Descriptors.NonPersistentPublish).WithSpan(8, 15, 8, 67)
                .WithArguments("BasicPublishAsync", "with no properties"));
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0005.AnalyzerAsync("""
            interface IChannel { void BasicPublishAsync(string exchange, string routingKey, byte[] body); }

            class Publisher
            {
                void Publish(IChannel channel) => channel.BasicPublishAsync("orders", "created", new byte[0]);
            }
            """, Brokers.None);
    }

    [Fact]
    public async Task FixMakesEveryRabbitMq7PublishPersistentIncludingFixAll()
    {
        await VerifyEG0005Fix.CodeFixAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body, string id, CancellationToken token)
                {
                    await {|EG0005:channel.BasicPublishAsync("orders", "created", body)|};
                    await {|EG0005:channel.BasicPublishAsync("orders", "created", true, body, token)|};
                    await {|EG0005:channel.BasicPublishAsync(routingKey: "created", exchange: "orders", body: body)|};
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:new BasicProperties { MessageId = id }|}, body);
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:new BasicProperties()|}, body);
                    var properties = new BasicProperties { ContentType = "application/json" };
                    await channel.BasicPublishAsync("orders", "created", false, {|EG0005:properties|}, body);
                }
            }
            """, """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body, string id, CancellationToken token)
                {
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { Persistent = true }, body);
                    await channel.BasicPublishAsync("orders", "created", true, new BasicProperties { Persistent = true }, body, token);
                    await channel.BasicPublishAsync(exchange: "orders", routingKey: "created", mandatory: false, basicProperties: new BasicProperties { Persistent = true }, body: body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { MessageId = id, Persistent = true }, body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { Persistent = true }, body);
                    var properties = new BasicProperties { ContentType = "application/json" };
                    properties.Persistent = true;
                    await channel.BasicPublishAsync("orders", "created", false, properties, body);
                }
            }
            """, Brokers.RabbitMq7, compilerDiagnostics: CompilerDiagnostics.Warnings);
    }

    [Fact]
    public async Task FixSetsPersistentOnRabbitMq6PropertiesAfterTheyAreCreated()
    {
        await VerifyEG0005Fix.CodeFixAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                void Publish(IModel channel, ReadOnlyMemory<byte> body)
                {
                    var properties = channel.CreateBasicProperties();
                    channel.BasicPublish("orders", "created", {|EG0005:properties|}, body);
                    IBasicProperties other;
                    other = channel.CreateBasicProperties();
                    channel.BasicPublish("orders", "created", {|EG0005:other|}, body);
                }
            }
            """, """
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                void Publish(IModel channel, ReadOnlyMemory<byte> body)
                {
                    var properties = channel.CreateBasicProperties();
                    properties.Persistent = true;
                    channel.BasicPublish("orders", "created", properties, body);
                    IBasicProperties other;
                    other = channel.CreateBasicProperties();
                    other.Persistent = true;
                    channel.BasicPublish("orders", "created", other, body);
                }
            }
            """, Brokers.RabbitMq6);
    }
}
