using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace EventGovernance.Analyzers.Tests;

/// <summary>
/// Reference sets for the samples: .NET 8 plus the real broker packages, which the test project's
/// PackageDownload items put in the NuGet cache at restore time.
/// </summary>
public static class Brokers
{
    public const string KafkaVersion = "2.16.0";
    public const string RabbitMq6Version = "6.8.1";
    public const string RabbitMq7Version = "7.2.2";
    public const string ServiceBusVersion = "7.21.0";

    public static ReferenceAssemblies None { get; } = ReferenceAssemblies.Net.Net80;

    public static ReferenceAssemblies Kafka { get; } = With(("Confluent.Kafka", KafkaVersion));

    public static ReferenceAssemblies RabbitMq6 { get; } = With(("RabbitMQ.Client", RabbitMq6Version));

    public static ReferenceAssemblies RabbitMq7 { get; } = With(("RabbitMQ.Client", RabbitMq7Version));

    /// <summary>
    /// Azure.Messaging.ServiceBus asks for Microsoft.Azure.Amqp 2.7.0, which is not served; 2.7.3 is named
    /// beside it so the resolver takes that (as a restore does, with NU1603).
    /// </summary>
    public static ReferenceAssemblies ServiceBus { get; } = With(("Azure.Messaging.ServiceBus", ServiceBusVersion), ("Microsoft.Azure.Amqp", "2.7.3"));

    public static ReferenceAssemblies KafkaAndRabbitMq7 { get; } = With(("Confluent.Kafka", KafkaVersion), ("RabbitMQ.Client", RabbitMq7Version));

    /// <summary>Every broker library at once, for the samples that trigger every rule.</summary>
    public static ReferenceAssemblies All { get; } = With(
        ("Confluent.Kafka", KafkaVersion),
        ("RabbitMQ.Client", RabbitMq7Version),
        ("Azure.Messaging.ServiceBus", ServiceBusVersion),
        ("Microsoft.Azure.Amqp", "2.7.3"));

    /// <summary>In-process notification libraries (MediatR and Mediator) beside Kafka and RabbitMQ 7, whose plumbing types look like events.</summary>
    public static ReferenceAssemblies InProcess { get; } = With(
        ("MediatR", "5.1.0"),
        ("Mediator.Abstractions", "3.0.2"),
        ("Confluent.Kafka", KafkaVersion),
        ("RabbitMQ.Client", RabbitMq7Version));

    private static ReferenceAssemblies With(params (string Id, string Version)[] packages) =>
        None.AddPackages(packages.Select(p => new PackageIdentity(p.Id, p.Version)).ToImmutableArray());
}
