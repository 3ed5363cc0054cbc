using VerifyEG0007 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.PublishWithoutConfirmsAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class PublishWithoutConfirmsTests
{
    [Fact]
    public async Task RabbitMq7ChannelWithoutConfirmsThatTheTypePublishesOnIsFlagged()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                private IChannel? _channel;
                private IChannel Events { get; set; } = null!;

                async Task StartAsync(IConnection connection)
                {
                    _channel = await {|EG0007:connection.CreateChannelAsync()|};
                    Events = await {|EG0007:connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false))|};
                }

                async Task PublishAsync(ReadOnlyMemory<byte> body)
                {
                    await _channel!.BasicPublishAsync("orders", "created", body);
                    await Events.BasicPublishAsync("events", "created", body);
                }

                async Task PublishOnceAsync(IConnection connection, ReadOnlyMemory<byte> body)
                {
                    await using var channel = await {|EG0007:connection.CreateChannelAsync(options: null)|};
                    await channel.BasicPublishAsync("orders", "created", body);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq7ConfirmedUnknownOrUnpublishedChannelsAreNotFlagged()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task PublishAsync(IConnection connection, IChannel given, CreateChannelOptions options, bool confirms, ReadOnlyMemory<byte> body)
                {
                    var confirmed = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
                    await confirmed.BasicPublishAsync("orders", "created", body);
                    var settings = new CreateChannelOptions(true, true);
                    var fromLocal = await connection.CreateChannelAsync(settings);
                    await fromLocal.BasicPublishAsync("orders", "created", body);
                    var fromParameter = await connection.CreateChannelAsync(options);
                    await fromParameter.BasicPublishAsync("orders", "created", body);
                    var chosen = await connection.CreateChannelAsync(new CreateChannelOptions(confirms, confirms));
                    await chosen.BasicPublishAsync("orders", "created", body);
                    var consuming = await connection.CreateChannelAsync();
                    await consuming.BasicQosAsync(0, 10, false);
                    await given.BasicPublishAsync("orders", "created", body);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task MessageNamesTheChannelAndTheOptions()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                async Task PublishAsync(IConnection connection, ReadOnlyMemory<byte> body)
                {
                    var orders = await connection.CreateChannelAsync();
                    await orders.BasicPublishAsync("orders", "created", body);
                }
            }
            """, Brokers.RabbitMq7,
            VerifyEG0007.Diagnostic(Descriptors.PublishWithoutConfirms).WithSpan(9, 28, 9, 59)
                .WithArguments("orders", "create it with new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)"));
    }

    [Fact]
    public async Task RabbitMq6ModelThatPublishesWithoutConfirmSelectIsFlagged()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            partial class Publisher
            {
                private IModel _model = null!;
                private IModel _confirmed = null!;

                void Start(IConnection connection)
                {
                    _model = {|EG0007:connection.CreateModel()|};
                    _confirmed = connection.CreateModel();
                }

                void PublishOnce(IConnection connection, IModel given, ReadOnlyMemory<byte> body)
                {
                    using var model = {|EG0007:connection.CreateModel()|};
                    model.BasicPublish("orders", "created", null, body);
                    var selected = connection.CreateModel();
                    selected.ConfirmSelect();
                    selected.BasicPublish("orders", "created", null, body);
                    selected.WaitForConfirmsOrDie();
                    var consuming = connection.CreateModel();
                    consuming.BasicQos(0, 10, false);
                    given.BasicPublish("orders", "created", null, body);
                }
            }

            partial class Publisher
            {
                void Publish(ReadOnlyMemory<byte> body)
                {
                    _model.BasicPublish("orders", "created", null, body);
                    _confirmed.ConfirmSelect();
                    _confirmed.BasicPublish("orders", "created", null, body);
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task NothingIsReportedWithoutRabbitMq()
    {
        await VerifyEG0007.AnalyzerAsync("""
            interface IChannel { void BasicPublishAsync(string exchange); }
            interface IConnection { IChannel CreateChannelAsync(); }

            class Publisher
            {
                void Publish(IConnection connection)
                {
                    var channel = connection.CreateChannelAsync();
                    channel.BasicPublishAsync("orders");
                }
            }
            """, Brokers.None);
    }
}
