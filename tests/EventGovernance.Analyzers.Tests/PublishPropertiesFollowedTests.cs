using VerifyEG0005 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.NonPersistentPublishAnalyzer>;
using VerifyEG0006 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.PublishWithoutIdsAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0005 and EG0006 follow the publish properties through a private factory method of the same type, a
/// private field set by its initializer or a constructor, and a local holding a factory's result.
/// </summary>
public class PublishPropertiesFollowedTests
{
    private const string Publisher7 = """
        using System;
        using System.Threading.Tasks;
        using RabbitMQ.Client;

        class Publisher
        {
            private readonly IChannel _channel;
            private readonly BasicProperties _transient = new BasicProperties { MessageId = "m", CorrelationId = "c" };
            private readonly BasicProperties _durable;
            private readonly BasicProperties _later;

            public Publisher(IChannel channel, string id)
            {
                _channel = channel;
                _durable = Durable(id, id);
                _later = new BasicProperties();
                _later.Persistent = true;
                _later.MessageId = id;
                _later.CorrelationId = id;
            }

            private BasicProperties Transient(string id) => new BasicProperties { MessageId = id };
            private BasicProperties Durable(string id, string correlation) => new BasicProperties { Persistent = true, MessageId = id, CorrelationId = correlation };

            private BasicProperties Built(string id)
            {
                var properties = new BasicProperties();
                properties.ContentType = "application/json";
                properties.MessageId = id;
                return properties;
            }

            public virtual BasicProperties Overridable() => new BasicProperties();
            public BasicProperties Visible() => new BasicProperties();

            async Task Publish(ReadOnlyMemory<byte> body, string id, BasicProperties given, Other other)
            {
                await _channel.BasicPublishAsync("orders", "created", false, [|Transient(id)|], body);
                await _channel.BasicPublishAsync("orders", "created", false, [|Built(id)|], body);
                await _channel.BasicPublishAsync("orders", "created", false, [|_transient|], body);
                var local = Transient(id);
                local.CorrelationId = id;
                await _channel.BasicPublishAsync("orders", "created", false, [|local|], body);

                await _channel.BasicPublishAsync("orders", "created", false, Durable(id, id), body);
                await _channel.BasicPublishAsync("orders", "created", false, _durable, body);
                await _channel.BasicPublishAsync("orders", "created", false, _later, body);
                var fixedUp = Transient(id);
                fixedUp.Persistent = true;
                fixedUp.CorrelationId = id;
                await _channel.BasicPublishAsync("orders", "created", false, fixedUp, body);

                await _channel.BasicPublishAsync("orders", "created", false, given, body);
                await _channel.BasicPublishAsync("orders", "created", false, Overridable(), body);
                await _channel.BasicPublishAsync("orders", "created", false, Visible(), body);
                await _channel.BasicPublishAsync("orders", "created", false, other.Properties(), body);
                var handedOn = Transient(id);
                Decorate(handedOn);
                await _channel.BasicPublishAsync("orders", "created", false, handedOn, body);
            }

            static void Decorate(BasicProperties properties) => properties.Persistent = true;
        }

        class Other
        {
            private BasicProperties Hidden() => new BasicProperties();
            public BasicProperties Properties() => Hidden();
        }
        """;

    private const string Publisher6 = """
        using System;
        using RabbitMQ.Client;

        class Publisher
        {
            private readonly IModel _channel;
            private readonly IBasicProperties _transient;
            private readonly IBasicProperties _durable;
            private readonly IBasicProperties _changedElsewhere;

            public Publisher(IModel channel, string id)
            {
                _channel = channel;
                _transient = _channel.CreateBasicProperties();
                _transient.MessageId = id;
                _transient.CorrelationId = id;
                _durable = Durable(id);
                _changedElsewhere = _channel.CreateBasicProperties();
            }

            private IBasicProperties Transient(string id)
            {
                var properties = _channel.CreateBasicProperties();
                properties.MessageId = id;
                return properties;
            }

            private IBasicProperties Durable(string id)
            {
                IBasicProperties properties = _channel.CreateBasicProperties();
                properties.Persistent = true;
                properties.MessageId = id;
                properties.CorrelationId = id;
                return properties;
            }

            public void Prepare(string id)
            {
                _changedElsewhere.Persistent = true;
                _changedElsewhere.MessageId = id;
                _changedElsewhere.CorrelationId = id;
            }

            void Publish(ReadOnlyMemory<byte> body, string id, IBasicProperties given)
            {
                _channel.BasicPublish("orders", "created", [|Transient(id)|], body);
                _channel.BasicPublish("orders", "created", [|_transient|], body);
                var local = Transient(id);
                local.CorrelationId = id;
                _channel.BasicPublish("orders", "created", [|local|], body);

                _channel.BasicPublish("orders", "created", Durable(id), body);
                _channel.BasicPublish("orders", "created", _durable, body);
                var fixedUp = Transient(id);
                fixedUp.DeliveryMode = 2;
                fixedUp.CorrelationId = id;
                _channel.BasicPublish("orders", "created", fixedUp, body);

                _channel.BasicPublish("orders", "created", given, body);
                _channel.BasicPublish("orders", "created", _changedElsewhere, body);
            }
        }
        """;

    [Fact]
    public async Task Eg0005FollowsFactoriesFieldsAndLocalsInRabbitMq7()
    {
        await VerifyEG0005.AnalyzerAsync(Mark(Publisher7, "EG0005"), Brokers.RabbitMq7);
    }

    [Fact]
    public async Task Eg0005FollowsFactoriesFieldsAndLocalsInRabbitMq6()
    {
        await VerifyEG0005.AnalyzerAsync(Mark(Publisher6, "EG0005"), Brokers.RabbitMq6);
    }

    [Fact]
    public async Task Eg0006FollowsFactoriesFieldsAndLocalsInRabbitMq7()
    {
        // Transient(id) and Built(id) set no CorrelationId; _transient sets both ids but is EG0005's case only,
        // and local gets its CorrelationId after the factory.
        await VerifyEG0006.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RabbitMQ.Client;

            class Publisher
            {
                private readonly IChannel _channel;
                private readonly BasicProperties _untraced = new BasicProperties { Persistent = true, MessageId = "m" };
                private readonly BasicProperties _traced;

                public Publisher(IChannel channel, string id)
                {
                    _channel = channel;
                    _traced = Traced(id);
                }

                private BasicProperties Untraced(string id) => new BasicProperties { Persistent = true, MessageId = id };
                private BasicProperties Traced(string id) => new BasicProperties { Persistent = true, MessageId = id, CorrelationId = id };

                private BasicProperties Anonymous()
                {
                    var properties = new BasicProperties();
                    properties.Persistent = true;
                    return properties;
                }

                async Task Publish(ReadOnlyMemory<byte> body, string id, BasicProperties given)
                {
                    await _channel.BasicPublishAsync("orders", "created", false, {|EG0006:Untraced(id)|}, body);
                    await _channel.BasicPublishAsync("orders", "created", false, {|EG0006:_untraced|}, body);
                    await _channel.BasicPublishAsync("orders", "created", false, {|#0:Anonymous()|}, body);
                    var local = Untraced(id);
                    local.ContentType = "application/json";
                    await _channel.BasicPublishAsync("orders", "created", false, {|EG0006:local|}, body);

                    await _channel.BasicPublishAsync("orders", "created", false, Traced(id), body);
                    await _channel.BasicPublishAsync("orders", "created", false, _traced, body);
                    var completed = Untraced(id);
                    completed.CorrelationId = id;
                    await _channel.BasicPublishAsync("orders", "created", false, completed, body);
                    await _channel.BasicPublishAsync("orders", "created", false, given, body);
                }
            }
            """, Brokers.RabbitMq7, VerifyEG0006.Diagnostic(Descriptors.PublishWithoutIds).WithLocation(0).WithArguments("BasicPublishAsync", "MessageId and CorrelationId"));
    }

    [Fact]
    public async Task Eg0006FollowsFactoriesFieldsAndLocalsInRabbitMq6()
    {
        await VerifyEG0006.AnalyzerAsync("""
            using System;
            using RabbitMQ.Client;

            class Publisher
            {
                private readonly IModel _channel;
                private readonly IBasicProperties _untraced;
                private readonly IBasicProperties _traced;

                public Publisher(IModel channel, string id)
                {
                    _channel = channel;
                    _untraced = _channel.CreateBasicProperties();
                    _untraced.MessageId = id;
                    _traced = Traced(id);
                }

                private IBasicProperties Untraced(string id)
                {
                    var properties = _channel.CreateBasicProperties();
                    properties.MessageId = id;
                    return properties;
                }

                private IBasicProperties Traced(string id)
                {
                    var properties = _channel.CreateBasicProperties();
                    properties.MessageId = id;
                    properties.CorrelationId = id;
                    return properties;
                }

                protected virtual IBasicProperties Overridable() => _channel.CreateBasicProperties();

                void Publish(ReadOnlyMemory<byte> body, string id)
                {
                    _channel.BasicPublish("orders", "created", {|EG0006:Untraced(id)|}, body);
                    _channel.BasicPublish("orders", "created", {|EG0006:_untraced|}, body);
                    var local = Untraced(id);
                    _channel.BasicPublish("orders", "created", {|EG0006:local|}, body);

                    _channel.BasicPublish("orders", "created", Traced(id), body);
                    _channel.BasicPublish("orders", "created", _traced, body);
                    var completed = Untraced(id);
                    completed.CorrelationId = id;
                    _channel.BasicPublish("orders", "created", completed, body);
                    _channel.BasicPublish("orders", "created", Overridable(), body);
                }
            }
            """, Brokers.RabbitMq6);
    }

    /// <summary>Turns the shared source's [|...|] spans into the rule's markers.</summary>
    private static string Mark(string source, string id) => source.Replace("[|", "{|" + id + ":");
}
