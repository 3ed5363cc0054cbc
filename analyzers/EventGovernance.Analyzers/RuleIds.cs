namespace EventGovernance.Analyzers
{
    /// <summary>The diagnostic ids of every rule in the package, in one place.</summary>
    public static class RuleIds
    {
        /// <summary>Kafka message produced without a partition key.</summary>
        public const string KafkaMessageWithoutKey = "EG0001";

        /// <summary>Kafka consumer commits offsets before the message is processed.</summary>
        public const string KafkaAutoCommit = "EG0002";

        /// <summary>RabbitMQ consumer acknowledges on delivery.</summary>
        public const string RabbitMqAutoAck = "EG0003";

        /// <summary>Event contract is missing envelope fields.</summary>
        public const string EventContractEnvelope = "EG0004";

        // RabbitMQ rules of issue 10 section 2.

        /// <summary>RabbitMQ message published without persistence.</summary>
        public const string NonPersistentPublish = "EG0005";

        /// <summary>RabbitMQ channel publishes without publisher confirms.</summary>
        public const string PublishWithoutConfirms = "EG0007";

        /// <summary>RabbitMQ message requeued from a catch block.</summary>
        public const string RequeueInCatch = "EG0011";

        /// <summary>RabbitMQ connection heartbeats disabled.</summary>
        public const string HeartbeatDisabled = "EG0015";

        /// <summary>RabbitMQ message published without a message id or correlation id.</summary>
        public const string PublishWithoutIds = "EG0006";

        /// <summary>RabbitMQ consumer with unbounded or absurd prefetch.</summary>
        public const string UnboundedPrefetch = "EG0010";
        // Kafka, Service Bus and general rules (issue 10, section 2).

        /// <summary>Publish or produce whose task is discarded.</summary>
        public const string DiscardedPublishTask = "EG0016";

        /// <summary>Kafka produce with the same constant key for every message.</summary>
        public const string KafkaConstantKey = "EG0019";

        /// <summary>Broker connection or Kafka producer opened per message.</summary>
        public const string ConnectionPerMessage = "EG0008";

        /// <summary>Kafka producer without durable settings.</summary>
        public const string KafkaProducerNotDurable = "EG0009";

        /// <summary>Kafka consumer using eager rebalancing.</summary>
        public const string KafkaEagerRebalance = "EG0017";

        /// <summary>Event id built from a clock.</summary>
        public const string EventIdFromClock = "EG0013";

        /// <summary>In-memory deduplication in a consumer.</summary>
        public const string InMemoryDeduplication = "EG0014";

        /// <summary>Durable RabbitMQ queue without a dead-letter exchange or a length bound.</summary>
        public const string QueueWithoutDeadLetterOrBound = "EG0012";

        /// <summary>Azure Service Bus message settled before it was processed.</summary>
        public const string ServiceBusSettledBeforeProcessing = "EG0018";
    }
}
