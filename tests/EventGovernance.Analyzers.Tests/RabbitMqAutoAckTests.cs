using VerifyEG0003 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.RabbitMqAutoAckAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class RabbitMqAutoAckTests
{
    [Fact]
    public async Task RabbitMq6InstanceAndExtensionOverloadsAreFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using RabbitMQ.Client;

            class Worker
            {
                const bool AckOnDelivery = true;

                void Run(IModel channel, IBasicConsumer consumer)
                {
                    channel.BasicConsume("orders", {|EG0003:true|}, "tag", false, false, null, consumer);
                    channel.BasicConsume("orders", {|EG0003:true|}, consumer);
                    channel.BasicConsume("orders", {|EG0003:AckOnDelivery|}, "tag", consumer);
                    channel.BasicConsume(consumer, "orders", {|EG0003:autoAck: true|});
                    channel.BasicConsume({|EG0003:autoAck: true|}, queue: "orders", consumer: consumer);
                    IModelExensions.BasicConsume(channel, "orders", {|EG0003:true|}, consumer);
                    channel.BasicGet("orders", {|EG0003:true|});
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task RabbitMq7InstanceAndExtensionOverloadsAreFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Worker
            {
                async Task Run(IChannel channel, IAsyncBasicConsumer consumer)
                {
                    await channel.BasicConsumeAsync("orders", {|EG0003:true|}, "tag", false, false, null, consumer);
                    await channel.BasicConsumeAsync("orders", {|EG0003:true|}, consumer);
                    await channel.BasicConsumeAsync(queue: "orders", {|EG0003:autoAck: true|}, consumer: consumer);
                    await channel.BasicConsumeAsync("orders", {|EG0003:true|}, "tag", consumer);
                    await channel.BasicGetAsync("orders", {|EG0003:true|});
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task ManualAckAndNonConstantArgumentsAreNotFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Worker
            {
                async Task Run(IChannel channel, IAsyncBasicConsumer consumer, bool autoAck)
                {
                    await channel.BasicConsumeAsync("orders", false, consumer);
                    await channel.BasicConsumeAsync("orders", autoAck, consumer);
                    await channel.BasicConsumeAsync("orders", autoAck: !autoAck, consumer: consumer);
                    await channel.BasicGetAsync("orders", false);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task DirectReplyToQueueIsNotFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using RabbitMQ.Client;

            class Rpc
            {
                const string ReplyTo = "amq.rabbitmq.reply-to";

                void Run(IModel channel, IBasicConsumer consumer)
                {
                    channel.BasicConsume("amq.rabbitmq.reply-to", true, consumer);
                    channel.BasicConsume(consumer: consumer, queue: ReplyTo, autoAck: true);
                }
            }
            """, Brokers.RabbitMq6);
        await VerifyEG0003.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Rpc
            {
                async Task Run(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await channel.BasicConsumeAsync("amq.rabbitmq.reply-to", true, consumer);
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0003.AnalyzerAsync("""
            interface IModel { string BasicGet(string queue, bool autoAck); }

            class Worker
            {
                string Run(IModel channel) => channel.BasicGet("orders", true);
            }
            """, Brokers.None);
    }
}
