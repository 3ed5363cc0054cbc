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
    public async Task RabbitMq7FullOverloadWithNamedArgumentsAndConstantIsFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Worker
            {
                private const bool AutoAck = true;
                private readonly string _queue = "orders";

                async Task Run(IChannel channel, IAsyncBasicConsumer consumer, CancellationToken cancellationToken)
                {
                    const bool ackOnDelivery = true;
                    await channel.BasicConsumeAsync(_queue, {|EG0003:autoAck: true|}, consumerTag: "", noLocal: false, exclusive: false, arguments: null, consumer, cancellationToken);
                    await channel.BasicConsumeAsync(_queue, {|EG0003:AutoAck|}, consumer, cancellationToken);
                    await channel.BasicConsumeAsync(_queue, {|EG0003:ackOnDelivery|}, consumer);
                    await channel.BasicGetAsync(_queue, {|EG0003:autoAck: AutoAck|}, cancellationToken);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task ChannelHeldInAFieldOfADerivedInterfaceOrImplementationIsFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            interface ITracedChannel : IChannel { }

            abstract class PooledChannel : IChannel
            {
                public abstract int ChannelNumber { get; }
                public abstract ShutdownEventArgs? CloseReason { get; }
                public abstract IAsyncBasicConsumer? DefaultConsumer { get; set; }
                public abstract bool IsClosed { get; }
                public abstract bool IsOpen { get; }
                public abstract string? CurrentQueue { get; }
                public abstract System.TimeSpan ContinuationTimeout { get; set; }
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<RabbitMQ.Client.Events.BasicAckEventArgs> BasicAcksAsync;
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<RabbitMQ.Client.Events.BasicNackEventArgs> BasicNacksAsync;
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<RabbitMQ.Client.Events.BasicReturnEventArgs> BasicReturnAsync;
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<RabbitMQ.Client.Events.CallbackExceptionEventArgs> CallbackExceptionAsync;
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<RabbitMQ.Client.Events.FlowControlEventArgs> FlowControlAsync;
                public abstract event RabbitMQ.Client.Events.AsyncEventHandler<ShutdownEventArgs> ChannelShutdownAsync;
                public abstract ValueTask<ulong> GetNextPublishSequenceNumberAsync(System.Threading.CancellationToken cancellationToken = default);
                public abstract ValueTask BasicAckAsync(ulong deliveryTag, bool multiple, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task BasicCancelAsync(string consumerTag, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<string> BasicConsumeAsync(string queue, bool autoAck, string consumerTag, bool noLocal, bool exclusive, System.Collections.Generic.IDictionary<string, object?>? arguments, IAsyncBasicConsumer consumer, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<BasicGetResult?> BasicGetAsync(string queue, bool autoAck, System.Threading.CancellationToken cancellationToken = default);
                public abstract ValueTask BasicNackAsync(ulong deliveryTag, bool multiple, bool requeue, System.Threading.CancellationToken cancellationToken = default);
                public abstract ValueTask BasicPublishAsync<TProperties>(string exchange, string routingKey, bool mandatory, TProperties basicProperties, System.ReadOnlyMemory<byte> body, System.Threading.CancellationToken cancellationToken = default) where TProperties : IReadOnlyBasicProperties, IAmqpHeader;
                public abstract ValueTask BasicPublishAsync<TProperties>(CachedString exchange, CachedString routingKey, bool mandatory, TProperties basicProperties, System.ReadOnlyMemory<byte> body, System.Threading.CancellationToken cancellationToken = default) where TProperties : IReadOnlyBasicProperties, IAmqpHeader;
                public abstract Task BasicQosAsync(uint prefetchSize, ushort prefetchCount, bool global, System.Threading.CancellationToken cancellationToken = default);
                public abstract ValueTask BasicRejectAsync(ulong deliveryTag, bool requeue, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task CloseAsync(ushort replyCode, string replyText, bool abort, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task CloseAsync(ShutdownEventArgs reason, bool abort, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task CloseAsync(ShutdownEventArgs reason, bool abort);
                public abstract Task ExchangeBindAsync(string destination, string source, string routingKey, System.Collections.Generic.IDictionary<string, object?>? arguments = null, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task ExchangeDeclarePassiveAsync(string exchange, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task ExchangeDeclareAsync(string exchange, string type, bool durable, bool autoDelete, System.Collections.Generic.IDictionary<string, object?>? arguments = null, bool passive = false, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task ExchangeDeleteAsync(string exchange, bool ifUnused = false, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task ExchangeUnbindAsync(string destination, string source, string routingKey, System.Collections.Generic.IDictionary<string, object?>? arguments = null, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<QueueDeclareOk> QueueDeclareAsync(string queue, bool durable, bool exclusive, bool autoDelete, System.Collections.Generic.IDictionary<string, object?>? arguments = null, bool passive = false, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<QueueDeclareOk> QueueDeclarePassiveAsync(string queue, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<uint> QueueDeleteAsync(string queue, bool ifUnused, bool ifEmpty, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<uint> QueuePurgeAsync(string queue, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task QueueBindAsync(string queue, string exchange, string routingKey, System.Collections.Generic.IDictionary<string, object?>? arguments = null, bool noWait = false, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task QueueUnbindAsync(string queue, string exchange, string routingKey, System.Collections.Generic.IDictionary<string, object?>? arguments = null, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<uint> MessageCountAsync(string queue, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task<uint> ConsumerCountAsync(string queue, System.Threading.CancellationToken cancellationToken = default);
                public abstract Task TxCommitAsync(System.Threading.CancellationToken cancellationToken = default);
                public abstract Task TxRollbackAsync(System.Threading.CancellationToken cancellationToken = default);
                public abstract Task TxSelectAsync(System.Threading.CancellationToken cancellationToken = default);
                public abstract void Dispose();
                public abstract ValueTask DisposeAsync();
            }

            class Worker
            {
                private readonly ITracedChannel _traced;
                private readonly PooledChannel _pooled;
                private IChannel? _channel;

                public Worker(ITracedChannel traced, PooledChannel pooled) { _traced = traced; _pooled = pooled; }

                async Task Run(IAsyncBasicConsumer consumer)
                {
                    await _traced.BasicConsumeAsync("orders", {|EG0003:true|}, consumer);
                    await _traced.BasicGetAsync("orders", {|EG0003:true|});
                    await _pooled.BasicGetAsync("orders", {|EG0003:autoAck: true|});
                    await _pooled.BasicConsumeAsync("orders", {|EG0003:true|}, consumer);
                    await _channel!.BasicConsumeAsync("orders", {|EG0003:true|}, consumer);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6ModelInAFieldAndLocalConstantAreFlagged()
    {
        await VerifyEG0003.AnalyzerAsync("""
            using RabbitMQ.Client;

            interface ITracedModel : IModel { }

            class Worker
            {
                private readonly ITracedModel _channel;
                private readonly IModel? _model;
                private const string ReplyQueue = "amq.rabbitmq.reply-to";

                public Worker(ITracedModel channel, IModel? model) { _channel = channel; _model = model; }

                void Run(IBasicConsumer consumer, string queueName)
                {
                    const bool autoAck = true;
                    _channel.BasicConsume(queueName, {|EG0003:true|}, consumer);
                    _channel.BasicConsume(queueName, {|EG0003:autoAck|}, consumer);
                    _model?.BasicGet(queueName, {|EG0003:true|});
                    _channel.BasicConsume(ReplyQueue, autoAck, consumer);
                    _model?.BasicConsume(queue: ReplyQueue, autoAck: true, consumer: consumer);
                }
            }
            """, Brokers.RabbitMq6);
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
