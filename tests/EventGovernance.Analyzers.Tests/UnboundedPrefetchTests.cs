using VerifyEG0010 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.UnboundedPrefetchAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class UnboundedPrefetchTests
{
    [Fact]
    public async Task RabbitMq7ConsumerWithoutQosInItsTypeIsFlagged()
    {
        await VerifyEG0010.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Listener
            {
                async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer)
                {
                    await channel.BasicConsumeAsync("orders", false, consumer);
                    await channel.BasicConsumeAsync("audit", autoAck: true, consumer);
                }
            }
            """, Brokers.RabbitMq7,
            VerifyEG0010.Diagnostic(Descriptors.UnboundedPrefetch).WithSpan(8, 15, 8, 67).WithArguments("BasicConsumeAsync", "no BasicQos call in 'Listener'"));
    }

    [Fact]
    public async Task ZeroOrAbsurdPrefetchIsFlaggedAndQosAnywhereInTheTypeCounts()
    {
        await VerifyEG0010.AnalyzerAsync("""
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Listener
            {
                const ushort Huge = 5000;

                async Task StartAsync(IChannel channel, ushort configured)
                {
                    await channel.BasicQosAsync(0, {|EG0010:0|}, false);
                    await channel.BasicQosAsync(0, {|EG0010:prefetchCount: Huge|}, false);
                    await channel.BasicQosAsync(0, 1000, false);
                    await channel.BasicQosAsync(0, configured, false);
                }
            }

            partial class Listener
            {
                async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await channel.BasicConsumeAsync("orders", false, consumer);
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6ConsumerWithoutQosIsFlaggedAndWithQosIsNot()
    {
        await VerifyEG0010.AnalyzerAsync("""
            using RabbitMQ.Client;

            class Unbounded
            {
                void Listen(IModel channel, IBasicConsumer consumer) =>
                    {|EG0010:channel.BasicConsume("orders", false, consumer)|};
            }

            class Bounded
            {
                void Listen(IModel channel, IBasicConsumer consumer)
                {
                    channel.BasicQos(0, 20, false);
                    channel.BasicConsume("orders", false, consumer);
                    channel.BasicQos(0, {|EG0010:0|}, true);
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task TypeSplitOverTwoFilesIsJudgedOnTheQosCallsInBoth()
    {
        string consumes = """
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Bounded
            {
                async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await channel.BasicConsumeAsync("orders", false, consumer);
            }

            partial class Unbounded
            {
                async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await {|EG0010:channel.BasicConsumeAsync("orders", false, consumer)|};
            }
            """;
        string more = """
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Bounded
            {
                async Task StartAsync(IChannel channel) => await channel.BasicQosAsync(0, 20, false);
            }

            partial class Unbounded
            {
                async Task AuditAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await {|EG0010:channel.BasicConsumeAsync("audit", false, consumer)|};
            }
            """;
        await VerifyEG0010.AnalyzerAsync(new[] { consumes, more }, Brokers.RabbitMq7, editorConfig: null);
    }

    [Fact]
    public async Task NestedTypeIsJudgedOnItsOwnMembersNotItsContainers()
    {
        await VerifyEG0010.AnalyzerAsync("""
            using RabbitMQ.Client;

            class Outer
            {
                void Listen(IModel channel, IBasicConsumer consumer) => {|EG0010:channel.BasicConsume("orders", false, consumer)|};

                class Inner
                {
                    void Start(IModel channel) => channel.BasicQos(0, 20, false);
                }
            }

            class BoundedOuter
            {
                void Start(IModel channel) => channel.BasicQos(0, 20, false);

                void Listen(IModel channel, IBasicConsumer consumer) => channel.BasicConsume("orders", false, consumer);

                class Inner
                {
                    void Listen(IModel channel, IBasicConsumer consumer) => {|#0:channel.BasicConsume("audit", false, consumer)|};
                }
            }
            """, Brokers.RabbitMq6,
            VerifyEG0010.Diagnostic(Descriptors.UnboundedPrefetch).WithLocation(0).WithArguments("BasicConsume", "no BasicQos call in 'Inner'"));
    }

    [Fact]
    public async Task EachConsumerOfAnUnboundedTypeIsReportedOnce()
    {
        await VerifyEG0010.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Listener
            {
                async Task ListenAsync(IChannel channel, IAsyncBasicConsumer consumer)
                {
                    await {|EG0010:channel.BasicConsumeAsync("orders", false, consumer)|};
                    await {|EG0010:channel.BasicConsumeAsync("audit", autoAck: false, consumer)|};
                    Func<Task> later = async () => await {|EG0010:channel.BasicConsumeAsync("later", false, consumer)|};
                    await later();
                }

                async Task RetryAsync(IChannel channel, IAsyncBasicConsumer consumer) =>
                    await {|EG0010:channel.BasicConsumeAsync("retry", false, consumer)|};
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0010.AnalyzerAsync("""
            interface IModel { string BasicConsume(string queue, bool autoAck); }

            class Listener
            {
                string Listen(IModel channel) => channel.BasicConsume("orders", false);
            }
            """, Brokers.None);
    }
}
