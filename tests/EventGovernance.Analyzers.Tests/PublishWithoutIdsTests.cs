using VerifyEG0006 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.PublishWithoutIdsAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class PublishWithoutIdsTests
{
    [Fact]
    public async Task RabbitMq7PublishMissingIdsIsFlaggedNamingWhatIsMissing()
    {
        await VerifyEG0006.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task Publish(IChannel channel, ReadOnlyMemory<byte> body, string id, BasicProperties given)
                {
                    await channel.BasicPublishAsync("orders", "created", body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { MessageId = id, Persistent = true }, body);
                    var properties = new BasicProperties { Persistent = true };
                    properties.CorrelationId = id;
                    properties.MessageId = null;
                    await channel.BasicPublishAsync("orders", "created", false, properties, body);
                    await channel.BasicPublishAsync("orders", "created", false, new BasicProperties { MessageId = id, CorrelationId = id }, body);
                    var complete = new BasicProperties();
                    complete.MessageId = Guid.NewGuid().ToString();
                    complete.CorrelationId = id;
                    await channel.BasicPublishAsync("orders", "created", false, complete, body);
                    await channel.BasicPublishAsync("orders", "created", false, given, body);
                }
            }
            """, Brokers.RabbitMq7,
            VerifyEG0006.Diagnostic(Descriptors.PublishWithoutIds).WithSpan(9, 15, 9, 67).WithArguments("BasicPublishAsync", "MessageId and CorrelationId"),
            VerifyEG0006.Diagnostic(Descriptors.PublishWithoutIds).WithSpan(10, 69, 10, 126).WithArguments("BasicPublishAsync", "CorrelationId"),
            VerifyEG0006.Diagnostic(Descriptors.PublishWithoutIds).WithSpan(14, 69, 14, 79).WithArguments("BasicPublishAsync", "MessageId"));
    }

    [Fact]
    public async Task RabbitMq6PublishMissingIdsIsFlagged()
    {
        await VerifyEG0006.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                void Publish(IModel channel, ReadOnlyMemory<byte> body, string id)
                {
                    channel.BasicPublish("orders", "created", {|EG0006:null|}, body);
                    var properties = channel.CreateBasicProperties();
                    properties.MessageId = id;
                    channel.BasicPublish("orders", "created", {|EG0006:properties|}, body);
                    var complete = channel.CreateBasicProperties();
                    complete.MessageId = id;
                    complete.CorrelationId = id;
                    channel.BasicPublish("orders", "created", complete, body);
                    var escaped = channel.CreateBasicProperties();
                    Stamp(escaped);
                    channel.BasicPublish("orders", "created", escaped, body);
                }

                static void Stamp(IBasicProperties properties) => properties.MessageId = "1";
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0006.AnalyzerAsync("""
            interface IChannel { void BasicPublishAsync(string exchange, string routingKey, byte[] body); }

            class Publisher
            {
                void Publish(IChannel channel) => channel.BasicPublishAsync("orders", "created", new byte[0]);
            }
            """, Brokers.None);
    }
}
