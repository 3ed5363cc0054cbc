using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// The broker types one compilation references, resolved once when the compilation starts.
    /// A group is null when its library is not referenced, and the rules that need it stay silent.
    /// </summary>
    internal sealed class KnownTypes
    {
        private KnownTypes(KafkaTypes? kafka, INamedTypeSymbol? rabbitMq6Model, INamedTypeSymbol? rabbitMq7Channel)
        {
            Kafka = kafka;
            RabbitMq6Model = rabbitMq6Model;
            RabbitMq7Channel = rabbitMq7Channel;
        }

        /// <summary>Confluent.Kafka 2.x, or null.</summary>
        public KafkaTypes? Kafka { get; }

        /// <summary>RabbitMQ.Client 6.x <c>IModel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq6Model { get; }

        /// <summary>RabbitMQ.Client 7.x <c>IChannel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq7Channel { get; }

        public bool HasRabbitMq => RabbitMq6Model != null || RabbitMq7Channel != null;

        public static KnownTypes Create(Compilation compilation)
        {
            return new KnownTypes(
                KafkaTypes.Create(compilation),
                compilation.GetTypeByMetadataName("RabbitMQ.Client.IModel"),
                compilation.GetTypeByMetadataName("RabbitMQ.Client.IChannel"));
        }
    }

    /// <summary>The Confluent.Kafka types the rules look for.</summary>
    internal sealed class KafkaTypes
    {
        private KafkaTypes(
            INamedTypeSymbol producer,
            INamedTypeSymbol message,
            INamedTypeSymbol? nullType,
            INamedTypeSymbol? consumerBuilder,
            INamedTypeSymbol? consumerConfig,
            INamedTypeSymbol? config,
            INamedTypeSymbol? clientConfig)
        {
            Producer = producer;
            Message = message;
            Null = nullType;
            ConsumerBuilder = consumerBuilder;
            ConsumerConfig = consumerConfig;
            Config = config;
            ClientConfig = clientConfig;
        }

        /// <summary><c>IProducer&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol Producer { get; }

        /// <summary><c>Message&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol Message { get; }

        /// <summary><c>Confluent.Kafka.Null</c>, the key type of unkeyed producers.</summary>
        public INamedTypeSymbol? Null { get; }

        /// <summary><c>ConsumerBuilder&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? ConsumerBuilder { get; }

        /// <summary><c>ConsumerConfig</c>.</summary>
        public INamedTypeSymbol? ConsumerConfig { get; }

        /// <summary><c>Config</c>, the base class that has <c>Set(key, value)</c>.</summary>
        public INamedTypeSymbol? Config { get; }

        /// <summary><c>ClientConfig</c>, the settings shared by producers, consumers and admin clients.</summary>
        public INamedTypeSymbol? ClientConfig { get; }

        public static KafkaTypes? Create(Compilation compilation)
        {
            INamedTypeSymbol? producer = compilation.GetTypeByMetadataName("Confluent.Kafka.IProducer`2");
            INamedTypeSymbol? message = compilation.GetTypeByMetadataName("Confluent.Kafka.Message`2");
            if (producer == null || message == null)
            {
                return null;
            }

            return new KafkaTypes(
                producer,
                message,
                compilation.GetTypeByMetadataName("Confluent.Kafka.Null"),
                compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumerBuilder`2"),
                compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumerConfig"),
                compilation.GetTypeByMetadataName("Confluent.Kafka.Config"),
                compilation.GetTypeByMetadataName("Confluent.Kafka.ClientConfig"));
        }
    }
}
