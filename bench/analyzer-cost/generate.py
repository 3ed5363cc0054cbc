#!/usr/bin/env python3
"""Writes a service codebase of about N C# files (default 2,000) that uses Confluent.Kafka, RabbitMQ.Client
and Azure.Messaging.ServiceBus the way services do, for measuring analyzer cost. Seeded: the same seed
writes the same files. Most files are ordinary domain code, as in a real service; about one in five talks
to a broker. Usage: generate.py OUTPUT_DIR [--files N] [--seed S]"""
import argparse, os, random

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <OutputType>Library</OutputType>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS1591;CS0414;CS0169;CS0649</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Confluent.Kafka" Version="2.16.0" />
    <PackageReference Include="RabbitMQ.Client" Version="7.2.2" />
    <PackageReference Include="Azure.Messaging.ServiceBus" Version="7.21.0" />
  </ItemGroup>
  <!-- EG: our analyzers (a built EventGovernance.Analyzers.dll); MEZIANTOU: Meziantou.Analyzer beside them. -->
  <ItemGroup Condition="'$(EventGovernanceAnalyzers)' != ''">
    <Analyzer Include="$(EventGovernanceAnalyzers)" />
  </ItemGroup>
  <ItemGroup Condition="'$(WithMeziantou)' == 'true'">
    <PackageReference Include="Meziantou.Analyzer" Version="3.0.321" PrivateAssets="all" />
  </ItemGroup>
</Project>
"""

def domain(ns, i, rnd):
    fields = rnd.randint(3, 8)
    props = "\n".join(f"    public {rnd.choice(['string', 'int', 'decimal', 'DateTimeOffset', 'Guid'])} P{j} {{ get; init; }}" for j in range(fields))
    return f"""namespace {ns};

public sealed class Entity{i}
{{
{props}
    private readonly List<string> _notes = new();
    private int _version;

    public void Note(string text)
    {{
        if (string.IsNullOrWhiteSpace(text)) return;
        _notes.Add(text.Trim());
        _version++;
    }}

    public IReadOnlyList<string> Notes => _notes;
    public int Version => _version;
}}

public static class Entity{i}Rules
{{
    public static bool IsValid(Entity{i} e) => e.Version >= 0 && e.Notes.Count < {rnd.randint(10, 100)};

    public static int Score(IEnumerable<Entity{i}> items)
    {{
        int total = 0;
        foreach (var item in items)
        {{
            total += item.Version * {rnd.randint(1, 9)};
            if (item.Notes.Count > 3) total -= 1;
        }}
        return total;
    }}
}}
"""

def contract(ns, i, rnd):
    return f"""namespace {ns};

public sealed record Order{i}Placed(Guid OrderId, string CustomerId, decimal Total, DateTimeOffset PlacedAt);
"""

def kafka_producer(ns, i, rnd):
    keyed = rnd.random() < 0.8
    key = "Key = evt.OrderId.ToString(), " if keyed else ""
    return f"""using System.Text.Json;
using Confluent.Kafka;

namespace {ns};

public sealed class Order{i}Publisher : IDisposable
{{
    private readonly IProducer<string, string> _producer;

    public Order{i}Publisher(string servers)
    {{
        var config = new ProducerConfig {{ BootstrapServers = servers, Acks = Acks.All, EnableIdempotence = true }};
        _producer = new ProducerBuilder<string, string>(config).Build();
    }}

    public Task PublishAsync(Order{i}Placed evt, CancellationToken ct) =>
        _producer.ProduceAsync("orders-{i}", new Message<string, string> {{ {key}Value = JsonSerializer.Serialize(evt) }}, ct);

    public void Dispose() => _producer.Dispose();
}}
"""

def kafka_consumer(ns, i, rnd):
    auto = rnd.random() < 0.3
    extra = "" if auto else ", EnableAutoCommit = false"
    return f"""using Confluent.Kafka;

namespace {ns};

public sealed class Order{i}Consumer
{{
    private readonly ConsumerConfig _config;

    public Order{i}Consumer(string servers)
    {{
        _config = new ConsumerConfig {{ BootstrapServers = servers, GroupId = "group-{i}"{extra} }};
    }}

    public void Run(CancellationToken ct)
    {{
        using var consumer = new ConsumerBuilder<string, string>(_config).Build();
        consumer.Subscribe("orders-{i}");
        while (!ct.IsCancellationRequested)
        {{
            var result = consumer.Consume(ct);
            Handle(result.Message.Value);
            {"" if auto else "consumer.Commit(result);"}
        }}
    }}

    private static void Handle(string value) => _ = value.Length;
}}
"""

def rabbit(ns, i, rnd):
    auto = "true" if rnd.random() < 0.3 else "false"
    return f"""using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace {ns};

public sealed class Queue{i}Listener
{{
    private static readonly Dictionary<string, object?> Arguments = new() {{ ["x-dead-letter-exchange"] = "dlx"{', ["x-max-length"] = 10000' if rnd.random() < 0.5 else ''} }};
    private readonly IChannel _channel;

    public Queue{i}Listener(IChannel channel) => _channel = channel;

    public async Task StartAsync()
    {{
        await _channel.QueueDeclareAsync("queue-{i}", durable: true, exclusive: false, autoDelete: false, arguments: Arguments);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += async (_, args) =>
        {{
            _ = args.Body.Length;
            {"" if auto == "true" else "await _channel.BasicAckAsync(args.DeliveryTag, false);"}
            await Task.CompletedTask;
        }};
        await _channel.BasicConsumeAsync("queue-{i}", autoAck: {auto}, consumer: consumer);
    }}
}}
"""

def servicebus(ns, i, rnd):
    return f"""using Azure.Messaging.ServiceBus;

namespace {ns};

public sealed class Topic{i}Sender
{{
    private readonly ServiceBusSender _sender;

    public Topic{i}Sender(ServiceBusClient client) => _sender = client.CreateSender("topic-{i}");

    public Task SendAsync(string body, CancellationToken ct) =>
        _sender.SendMessageAsync(new ServiceBusMessage(body) {{ MessageId = Guid.NewGuid().ToString() }}, ct);
}}

public sealed class Topic{i}Processor
{{
    private readonly ServiceBusProcessor _processor;

    public Topic{i}Processor(ServiceBusClient client)
    {{
        _processor = client.CreateProcessor("topic-{i}", "sub-{i}", new ServiceBusProcessorOptions {{ MaxConcurrentCalls = {rnd.randint(1, 16)} }});
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += _ => Task.CompletedTask;
    }}

    private static async Task OnMessageAsync(ProcessMessageEventArgs args)
    {{
        try
        {{
            await Task.Yield();
            Console.WriteLine(args.Message.MessageId);
        }}
        {"catch (Exception) { await args.AbandonMessageAsync(args.Message); }" if rnd.random() < 0.5 else "catch (Exception e) { Console.WriteLine(e.Message); }"}
    }}
}}
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.output, exist_ok=True)
    with open(os.path.join(a.output, "Services.csproj"), "w") as f:
        f.write(CSPROJ)
    written = 0
    i = 0
    while written < a.files:
        ns = f"Services.Area{i % 40}"
        folder = os.path.join(a.output, f"Area{i % 40}")
        os.makedirs(folder, exist_ok=True)
        r = rnd.random()
        files = [("Entity", domain(ns, i, rnd))]
        if r < 0.2:
            # A messaging slice: a contract and its producer, consumer, listener and sender.
            files += [("Contract", contract(ns, i, rnd)), ("Publisher", kafka_producer(ns, i, rnd)),
                      ("Consumer", kafka_consumer(ns, i, rnd)), ("Listener", rabbit(ns, i, rnd)), ("Sender", servicebus(ns, i, rnd))]
        for kind, text in files:
            with open(os.path.join(folder, f"{kind}{i}.cs"), "w") as f:
                f.write(text)
            written += 1
        i += 1
    print(f"wrote {written} files to {a.output}")

if __name__ == "__main__":
    main()
