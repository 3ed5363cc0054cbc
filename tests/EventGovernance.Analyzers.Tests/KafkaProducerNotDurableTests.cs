using VerifyEG0009 = EventGovernance.Analyzers.Tests.Verify<EventGovernance.Analyzers.KafkaProducerNotDurableAnalyzer>;

namespace EventGovernance.Analyzers.Tests;

public class KafkaProducerNotDurableTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Confluent.Kafka;

        """;

    [Fact]
    public async Task DefaultsAndWeakAcksAreFlaggedAtTheConfiguration()
    {
        await VerifyEG0009.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Run()
                {
                    var config = {|EG0009:new ProducerConfig { BootstrapServers = "localhost:9092" }|};
                    using var first = new ProducerBuilder<string, string>(config).Build();
                    using var second = new ProducerBuilder<string, string>({|EG0009:new ProducerConfig { Acks = Acks.Leader, EnableIdempotence = true }|}).Build();
                    using var third = new ProducerBuilder<string, string>({|EG0009:new ProducerConfig { Acks = Acks.All, EnableIdempotence = false }|}).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task MessageSaysWhatIsWrong()
    {
        await VerifyEG0009.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Run() => new ProducerBuilder<string, string>(new ProducerConfig { Acks = Acks.None }).Build();
            }
            """, Brokers.Kafka,
            Verify<KafkaProducerNotDurableAnalyzer>.Diagnostic(Descriptors.KafkaProducerNotDurable)
                .WithSpan(6, 55, 6, 94)
                .WithArguments("sets Acks to less than All and leaves EnableIdempotence unset (false)"));
    }

    [Fact]
    public async Task DurableConfigurationsAreNotFlagged()
    {
        await VerifyEG0009.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Run()
                {
                    using var first = new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true }).Build();
                    using var second = new ProducerBuilder<string, string>(new ProducerConfig { Acks = Acks.All, EnableIdempotence = true }).Build();
                    var config = new ProducerConfig { BootstrapServers = "localhost:9092" };
                    config.EnableIdempotence = true;
                    using var third = new ProducerBuilder<string, string>(config).Build();
                    var settings = new Dictionary<string, string> { ["bootstrap.servers"] = "localhost:9092", ["enable.idempotence"] = "true", ["acks"] = "all" };
                    using var fourth = new ProducerBuilder<string, string>(settings).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task StringKeysAndLaterWritesAreRead()
    {
        await VerifyEG0009.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Run()
                {
                    var settings = {|EG0009:new Dictionary<string, string> { { "bootstrap.servers", "localhost:9092" }, { "enable.idempotence", "true" }, { "acks", "1" } }|};
                    using var first = new ProducerBuilder<string, string>(settings).Build();
                    var config = {|EG0009:new ProducerConfig { EnableIdempotence = true }|};
                    config.Set("enable.idempotence", "false");
                    using var second = new ProducerBuilder<string, string>(config).Build();
                    var later = {|EG0009:new ProducerConfig { EnableIdempotence = true }|};
                    later.Acks = Acks.Leader;
                    using var third = new ProducerBuilder<string, string>(later).Build();
                }
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task ValuesNotKnownAtCompileTimeStaySilent()
    {
        await VerifyEG0009.AnalyzerAsync(Usings + """
            class Publisher
            {
                void Run(ProducerConfig shared, bool idempotent, Acks acks, ClientConfig client)
                {
                    using var a = new ProducerBuilder<string, string>(shared).Build();
                    using var b = new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = idempotent }).Build();
                    using var c = new ProducerBuilder<string, string>(new ProducerConfig { EnableIdempotence = true, Acks = acks }).Build();
                    using var d = new ProducerBuilder<string, string>(new ProducerConfig(client)).Build();
                    var config = new ProducerConfig();
                    Configure(config);
                    using var e = new ProducerBuilder<string, string>(config).Build();
                    var chosen = new ProducerConfig();
                    chosen.EnableIdempotence ??= idempotent;
                    using var f = new ProducerBuilder<string, string>(chosen).Build();
                }

                static void Configure(ProducerConfig config) => config.EnableIdempotence = true;
            }
            """, Brokers.Kafka);
    }

    [Fact]
    public async Task SilentWithoutKafka()
    {
        await VerifyEG0009.AnalyzerAsync("""
            class ProducerConfig { public bool? EnableIdempotence { get; set; } }
            class ProducerBuilder<TKey, TValue> { public ProducerBuilder(ProducerConfig config) { } }
            class Publisher
            {
                void Run() => new ProducerBuilder<string, string>(new ProducerConfig());
            }
            """, Brokers.None);
    }
}
