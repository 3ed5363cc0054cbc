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
    public async Task RabbitMq7OptionsAreFollowedThroughFieldsFactoriesAndLocals()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                private static readonly CreateChannelOptions Unconfirmed = new CreateChannelOptions(false, false);
                private readonly CreateChannelOptions _unconfirmed;
                private readonly CreateChannelOptions _confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
                private readonly CreateChannelOptions _fromFactory;
                private readonly CreateChannelOptions _given;
                public CreateChannelOptions Visible = new CreateChannelOptions(false, false);

                public Publisher(CreateChannelOptions given)
                {
                    _unconfirmed = new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false);
                    _fromFactory = Confirmed();
                    _given = given;
                }

                private CreateChannelOptions Plain() => new CreateChannelOptions(false, false);
                private CreateChannelOptions Confirmed()
                {
                    var options = new CreateChannelOptions(true, true);
                    return options;
                }

                private CreateChannelOptions Chosen(bool confirms) => new CreateChannelOptions(confirms, confirms);
                protected virtual CreateChannelOptions Overridable() => new CreateChannelOptions(false, false);

                async Task PublishAsync(IConnection connection, ReadOnlyMemory<byte> body, bool confirms)
                {
                    var a = await {|EG0007:connection.CreateChannelAsync(Unconfirmed)|};
                    await a.BasicPublishAsync("orders", "created", body);
                    var b = await {|EG0007:connection.CreateChannelAsync(_unconfirmed)|};
                    await b.BasicPublishAsync("orders", "created", body);
                    var c = await {|EG0007:connection.CreateChannelAsync(Plain())|};
                    await c.BasicPublishAsync("orders", "created", body);
                    var plain = Plain();
                    var d = await {|EG0007:connection.CreateChannelAsync(plain)|};
                    await d.BasicPublishAsync("orders", "created", body);

                    var e = await connection.CreateChannelAsync(_confirmed);
                    await e.BasicPublishAsync("orders", "created", body);
                    var f = await connection.CreateChannelAsync(_fromFactory);
                    await f.BasicPublishAsync("orders", "created", body);
                    var g = await connection.CreateChannelAsync(Confirmed());
                    await g.BasicPublishAsync("orders", "created", body);

                    var h = await connection.CreateChannelAsync(_given);
                    await h.BasicPublishAsync("orders", "created", body);
                    var i = await connection.CreateChannelAsync(Visible);
                    await i.BasicPublishAsync("orders", "created", body);
                    var j = await connection.CreateChannelAsync(Chosen(confirms));
                    await j.BasicPublishAsync("orders", "created", body);
                    var k = await connection.CreateChannelAsync(Overridable());
                    await k.BasicPublishAsync("orders", "created", body);
                }
            }
            """, Brokers.RabbitMq7);
    }

    [Fact]
    public async Task RabbitMq6ModelInAFieldIsJudgedOnConfirmSelectInAnyMember()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                private readonly IModel _confirmed;
                private readonly IModel _unconfirmed;

                public Publisher(IConnection connection)
                {
                    _confirmed = connection.CreateModel();
                    _unconfirmed = {|EG0007:connection.CreateModel()|};
                }

                public void Start() => _confirmed.ConfirmSelect();

                public void Publish(ReadOnlyMemory<byte> body)
                {
                    _confirmed.BasicPublish("orders", "created", null, body);
                    _confirmed.WaitForConfirmsOrDie();
                    _unconfirmed.BasicPublish("orders", "created", null, body);
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task RabbitMq7TypeSplitOverTwoFilesIsJudgedOnThePublishesInBoth()
    {
        string creations = """
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Publisher
            {
                private IChannel? _events;
                private IChannel? _unused;

                async Task StartAsync(IConnection connection)
                {
                    _events = await {|EG0007:connection.CreateChannelAsync()|};
                    _unused = await connection.CreateChannelAsync();
                }
            }
            """;
        string publishes = """
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Publisher
            {
                private IChannel? _audit;

                async Task PublishAsync(IConnection connection, ReadOnlyMemory<byte> body)
                {
                    await _events!.BasicPublishAsync("orders", "created", body);
                    _audit = await {|EG0007:connection.CreateChannelAsync()|};
                }
            }
            """;
        string morePublishes = """
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            partial class Publisher
            {
                async Task AuditAsync(ReadOnlyMemory<byte> body) => await _audit!.BasicPublishAsync("audit", "created", body);
            }
            """;
        await VerifyEG0007.AnalyzerAsync(new[] { creations, publishes, morePublishes }, Brokers.RabbitMq7, editorConfig: null);
    }

    [Fact]
    public async Task RabbitMq6TypeSplitOverTwoFilesIsJudgedOnTheConfirmSelectsInBoth()
    {
        string creations = """
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
            }
            """;
        string publishes = """
            using System;
            using RabbitMQ.Client;

            partial class Publisher
            {
                void Publish(ReadOnlyMemory<byte> body)
                {
                    _model.BasicPublish("orders", "created", null, body);
                    _confirmed.ConfirmSelect();
                    _confirmed.BasicPublish("orders", "created", null, body);
                }
            }
            """;
        await VerifyEG0007.AnalyzerAsync(new[] { creations, publishes }, Brokers.RabbitMq6, editorConfig: null);
    }

    [Fact]
    public async Task NestedTypeIsJudgedOnItsOwnMembersNotItsContainers()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class CreatesHere
            {
                private static IModel s_model = null!;
                void Start(IConnection connection) { s_model = connection.CreateModel(); }

                class PublishesThere
                {
                    void Publish(ReadOnlyMemory<byte> body) => s_model.BasicPublish("orders", "created", null, body);
                }
            }

            class PublishesHere
            {
                private static IModel s_model = null!;
                void Publish(ReadOnlyMemory<byte> body) => s_model.BasicPublish("orders", "created", null, body);

                class CreatesThere
                {
                    void Start(IConnection connection) { s_model = connection.CreateModel(); }
                }
            }

            class ConfirmedInNested
            {
                private static IModel s_model = null!;

                void Start(IConnection connection) { s_model = {|EG0007:connection.CreateModel()|}; }

                void Publish(ReadOnlyMemory<byte> body) => s_model.BasicPublish("orders", "created", null, body);

                class Confirms
                {
                    void Start() => s_model.ConfirmSelect();
                }
            }

            class Container
            {
                class Nested
                {
                    void Publish(IConnection connection, ReadOnlyMemory<byte> body)
                    {
                        var model = {|EG0007:connection.CreateModel()|};
                        model.BasicPublish("orders", "created", null, body);
                    }
                }
            }
            """, Brokers.RabbitMq6);
    }

    [Fact]
    public async Task EachUnconfirmedCreationIsReportedOnce()
    {
        await VerifyEG0007.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                private IChannel? _channel;

                async Task StartAsync(IConnection connection) => _channel = await {|EG0007:connection.CreateChannelAsync()|};

                async Task RestartAsync(IConnection connection) => _channel = await {|EG0007:connection.CreateChannelAsync()|};

                async Task PublishAsync(IConnection connection, ReadOnlyMemory<byte> body)
                {
                    await _channel!.BasicPublishAsync("orders", "created", body);
                    await _channel!.BasicPublishAsync("orders", "updated", body);
                    var first = await {|EG0007:connection.CreateChannelAsync()|};
                    await first.BasicPublishAsync("orders", "created", body);
                    Func<Task> later = async () =>
                    {
                        var second = await {|EG0007:connection.CreateChannelAsync()|};
                        await second.BasicPublishAsync("orders", "created", body);
                    };
                    await later();
                }
            }
            """, Brokers.RabbitMq7);
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
