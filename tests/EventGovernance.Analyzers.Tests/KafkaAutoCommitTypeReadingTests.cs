using VerifyEG0002 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaAutoCommitAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// EG0002 judges a configuration held in a private member, or returned by a factory method, from the whole
/// type that declares it. What that reading of the type must get right: every partial declaration, none of a
/// nested type's members, and each configuration reported once however many builders use it.
/// </summary>
public class KafkaAutoCommitTypeReadingTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task UsesInAnotherPartialFileAreSeenWhateverFileTheBuilderIsIn()
    {
        await VerifyEG0002.AnalyzerAsync(
            new[]
            {
                Usings + """
                partial class OrdersWorker
                {
                    public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
                    public IConsumer<string, string> CreateDefault() => new ConsumerBuilder<string, string>(Defaults()).Build();
                }

                partial class TurnedOffElsewhere
                {
                    public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
                }

                partial class HandedOutElsewhere
                {
                    private readonly ConsumerConfig _config = new() { GroupId = "audit" };

                    public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();
                }
                """,
                Usings + """
                partial class OrdersWorker
                {
                    private readonly ConsumerConfig _config;

                    public OrdersWorker() => _config = {|EG0002:new ConsumerConfig { GroupId = "orders" }|};

                    private static ConsumerConfig Defaults() => {|EG0002:new() { GroupId = "orders" }|};
                }

                partial class TurnedOffElsewhere
                {
                    private readonly ConsumerConfig _config = new() { GroupId = "billing" };

                    public void Manual() => _config.EnableAutoOffsetStore = false;
                }

                partial class HandedOutElsewhere
                {
                    public void Tune(Action<ConsumerConfig> tune) => tune(_config);
                }
                """,
            },
            Brokers.Kafka,
            editorConfig: null);
    }

    [Fact]
    public async Task NestedTypesAreJudgedOnTheirOwn()
    {
        await VerifyEG0002.AnalyzerAsync(Usings + """
            class Outer
            {
                private readonly ConsumerConfig _config = {|EG0002:new() { GroupId = "outer" }|};
                private readonly ConsumerConfig _builtOnlyInside = new() { GroupId = "inside" };

                public IConsumer<string, string> Create() => new ConsumerBuilder<string, string>(_config).Build();

                private static ConsumerConfig Defaults() => new() { GroupId = "outer" };

                private sealed class Inner
                {
                    private readonly ConsumerConfig _settings = {|EG0002:new() { GroupId = "inner" }|};
                    private readonly ConsumerConfig _manual = new() { GroupId = "manual" };

                    public void Manual() => _manual.EnableAutoCommit = false;

                    private static ConsumerConfig Tuned() => {|EG0002:new() { GroupId = "tuned" }|};

                    public void Run(Outer outer)
                    {
                        using var first = new ConsumerBuilder<string, string>(_settings).Build();
                        using var second = new ConsumerBuilder<string, string>(_manual).Build();
                        using var third = new ConsumerBuilder<string, string>(Tuned()).Build();
                        using var fourth = new ConsumerBuilder<string, string>(outer._builtOnlyInside).Build();
                        using var fifth = new ConsumerBuilder<string, string>(Defaults()).Build();
                    }
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task EachConfigurationIsReportedOnceHoweverManyBuildersUseIt()
    {
        await VerifyEG0002.AnalyzerAsync(
            new[]
            {
                Usings + """
                partial class Workers
                {
                    private readonly ConsumerConfig _orders = {|EG0002:new() { GroupId = "orders" }|};
                    private ConsumerConfig Audit { get; } = {|EG0002:new() { GroupId = "audit" }|};
                    private readonly ConsumerConfig _billing;

                    public Workers(bool eu)
                    {
                        if (eu) { _billing = {|EG0002:new ConsumerConfig { GroupId = "billing-eu" }|}; }
                        else { _billing = {|EG0002:new ConsumerConfig { GroupId = "billing" }|}; }
                    }

                    private static ConsumerConfig Defaults(bool eu)
                    {
                        if (eu) { return {|EG0002:new ConsumerConfig { GroupId = "eu" }|}; }
                        return {|EG0002:new ConsumerConfig { GroupId = "default" }|};
                    }

                    public void First()
                    {
                        using var orders = new ConsumerBuilder<string, string>(_orders).Build();
                        using var moreOrders = new ConsumerBuilder<Ignore, string>(_orders).Build();
                        using var audit = new ConsumerBuilder<string, string>(Audit).Build();
                        using var billing = new ConsumerBuilder<string, string>(_billing).Build();
                        using var defaults = new ConsumerBuilder<string, string>(Defaults(true)).Build();
                    }
                }
                """,
                Usings + """
                partial class Workers
                {
                    public void Second()
                    {
                        using var orders = new ConsumerBuilder<string, string>(_orders).Build();
                        using var audit = new ConsumerBuilder<string, string>(this.Audit).Build();
                        using var billing = new ConsumerBuilder<string, string>(_billing).Build();
                        using var defaults = new ConsumerBuilder<string, string>(Defaults(false)).Build();
                        using var inline = new ConsumerBuilder<string, string>({|EG0002:new ConsumerConfig()|}).Build();
                    }
                }
                """,
            },
            Brokers.Kafka,
            editorConfig: null);
    }
}
