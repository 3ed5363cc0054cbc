using VerifyEG0011 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.RequeueInCatchAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class RequeueInCatchTests
{
    [Fact]
    public async Task RabbitMq7RequeueInCatchIsFlagged()
    {
        await VerifyEG0011.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            class Handler
            {
                const bool Retry = true;

                async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery)
                {
                    try
                    {
                        await HandleAsync(delivery.Body);
                        await channel.BasicAckAsync(delivery.DeliveryTag, false);
                    }
                    catch (InvalidOperationException)
                    {
                        await channel.BasicRejectAsync(delivery.DeliveryTag, {|EG0011:true|});
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        if (channel.IsOpen)
                        {
                            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, {|EG0011:requeue: Retry|});
                        }
                    }
                }

                static Task HandleAsync(ReadOnlyMemory<byte> body) => Task.CompletedTask;
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6RequeueInCatchIsFlagged()
    {
        await VerifyEG0011.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            class Handler
            {
                void OnReceived(IModel channel, BasicDeliverEventArgs delivery)
                {
                    try
                    {
                        channel.BasicAck(delivery.DeliveryTag, false);
                    }
                    catch
                    {
                        channel.BasicNack(delivery.DeliveryTag, false, {|EG0011:true|});
                        channel.BasicReject(delivery.DeliveryTag, {|EG0011:requeue: true|});
                    }
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task BoundedRetriesDeadLetteringAndRequeueOutsideCatchAreNotFlagged()
    {
        await VerifyEG0011.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;

            class Handler
            {
                const int MaxAttempts = 3;

                async Task OnReceivedAsync(IChannel channel, BasicDeliverEventArgs delivery, int attempts, bool transient)
                {
                    try
                    {
                        await channel.BasicAckAsync(delivery.DeliveryTag, false);
                    }
                    catch (TimeoutException)
                    {
                        if (!delivery.Redelivered)
                        {
                            await channel.BasicNackAsync(delivery.DeliveryTag, false, true);
                        }
                        else
                        {
                            await channel.BasicRejectAsync(delivery.DeliveryTag, false);
                        }
                    }
                    catch (InvalidOperationException) when (attempts < MaxAttempts)
                    {
                        await channel.BasicNackAsync(delivery.DeliveryTag, false, true);
                    }
                    catch (Exception)
                    {
                        await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: transient);
                        await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
                        Func<Task> later = async () => await channel.BasicNackAsync(delivery.DeliveryTag, false, true);
                    }

                    await channel.BasicNackAsync(delivery.DeliveryTag, false, true);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task MessageNamesTheMethod()
    {
        await VerifyEG0011.AnalyzerAsync("""
            using RabbitMQ.Client;

            class Handler
            {
                void OnReceived(IModel channel, ulong tag)
                {
                    try { channel.BasicAck(tag, false); }
                    catch { channel.BasicReject(tag, true); }
                }
            }
            """, Brokers.RabbitMq6,
            VerifyEG0011.Diagnostic(Descriptors.RequeueInCatch).WithSpan(8, 42, 8, 46).WithArguments("BasicReject"));
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0011.AnalyzerAsync("""
            interface IModel { void BasicReject(ulong tag, bool requeue); }

            class Handler
            {
                void OnReceived(IModel channel)
                {
                    try { } catch { channel.BasicReject(1, true); }
                }
            }
            """, Brokers.None);
    }
}
