using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>The descriptor of every rule; each one links to its page under docs/rules.</summary>
    public static class Descriptors
    {
        /// <summary>Where the rule pages live; the id and ".md" are appended.</summary>
        public const string HelpLinkBase = "https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/";

        private const string Reliability = "Reliability";
        private const string Design = "Design";
        private const string Performance = "Performance";

        /// <summary>EG0001.</summary>
        public static readonly DiagnosticDescriptor KafkaMessageWithoutKey = new DiagnosticDescriptor(
            RuleIds.KafkaMessageWithoutKey,
            title: "Kafka message produced without a partition key",
            messageFormat: "Kafka message produced{0} {1}, so events for one entity may be spread over partitions and reordered; key it by a stable entity id",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Kafka only orders messages within a partition, and the partition is chosen from the key. A message without a key, or with a new random key per message, goes to any partition, so two events about the same order or user can be consumed out of order. A message sent to an explicit partition needs no key.",
            helpLinkUri: HelpLink(RuleIds.KafkaMessageWithoutKey));

        /// <summary>EG0002.</summary>
        public static readonly DiagnosticDescriptor KafkaAutoCommit = new DiagnosticDescriptor(
            RuleIds.KafkaAutoCommit,
            title: "Kafka consumer commits offsets before the message is processed",
            messageFormat: "Consumer configuration leaves auto-commit on with automatic offset store, so offsets are committed on a timer whether or not processing finished; set EnableAutoOffsetStore = false and call StoreOffset after processing, or set EnableAutoCommit = false and commit yourself",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "With enable.auto.commit on and enable.auto.offset.store on (the defaults), the client stores each offset as soon as the message is handed out and commits it in the background. A crash while processing loses that message.",
            helpLinkUri: HelpLink(RuleIds.KafkaAutoCommit));

        /// <summary>EG0003.</summary>
        public static readonly DiagnosticDescriptor RabbitMqAutoAck = new DiagnosticDescriptor(
            RuleIds.RabbitMqAutoAck,
            title: "RabbitMQ consumer acknowledges on delivery",
            messageFormat: "'{0}' is called with autoAck: true, so the broker forgets each message as soon as it is sent and a crash while processing loses it; acknowledge with BasicAck after processing",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "With automatic acknowledgement the broker deletes a message when it is delivered, before the consumer has done anything with it.",
            helpLinkUri: HelpLink(RuleIds.RabbitMqAutoAck));

        /// <summary>EG0004. Reported when the compilation ends, because contracts are also found from Produce calls anywhere in it.</summary>
        public static readonly DiagnosticDescriptor EventContractEnvelope = new DiagnosticDescriptor(
            RuleIds.EventContractEnvelope,
            title: "Event contract is missing envelope fields",
            messageFormat: "Event contract '{0}' is missing envelope fields: {1}{2}",
            category: Design,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every event needs an id for deduplication, a type and version for routing and upcasting, an occurred-at timestamp and a correlation id for tracing. A type found only by its name says so in the message.",
            helpLinkUri: HelpLink(RuleIds.EventContractEnvelope),
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        // RabbitMQ rules of issue 10 section 2.

        /// <summary>EG0005.</summary>
        public static readonly DiagnosticDescriptor NonPersistentPublish = new DiagnosticDescriptor(
            RuleIds.NonPersistentPublish,
            title: "RabbitMQ message published without persistence",
            messageFormat: "'{0}' publishes {1}, so the broker keeps the message in memory only and a broker restart loses it; set Persistent = true on its properties",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A message is written to disk only when its delivery mode is persistent. The 7.x overloads without properties and null properties in 6.x send transient messages, and so do properties whose delivery mode is never set.",
            helpLinkUri: HelpLink(RuleIds.NonPersistentPublish));

        /// <summary>EG0007. Reported when the type ends: the channel may be created and published on in different members.</summary>
        public static readonly DiagnosticDescriptor PublishWithoutConfirms = new DiagnosticDescriptor(
            RuleIds.PublishWithoutConfirms,
            title: "RabbitMQ channel publishes without publisher confirms",
            messageFormat: "Channel '{0}' is published on without publisher confirms, so a message the broker never accepted is lost without notice; {1}",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Without publisher confirms a publish returns once the bytes are written to the socket. A message lost on the way, or refused by the broker, is never reported to the publisher.",
            helpLinkUri: HelpLink(RuleIds.PublishWithoutConfirms));

        /// <summary>EG0011.</summary>
        public static readonly DiagnosticDescriptor RequeueInCatch = new DiagnosticDescriptor(
            RuleIds.RequeueInCatch,
            title: "RabbitMQ message requeued from a catch block",
            messageFormat: "'{0}' requeues the message from a catch block, so a message that always fails comes straight back and is redelivered forever, stalling the queue; bound the retries and reject it with requeue: false to a dead-letter exchange",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A poison message that throws on every attempt and is requeued each time is redelivered immediately, in a tight loop, and keeps the consumer busy with nothing else.",
            helpLinkUri: HelpLink(RuleIds.RequeueInCatch));

        /// <summary>EG0015.</summary>
        public static readonly DiagnosticDescriptor HeartbeatDisabled = new DiagnosticDescriptor(
            RuleIds.HeartbeatDisabled,
            title: "RabbitMQ connection heartbeats disabled",
            messageFormat: "'{0}.RequestedHeartbeat' is set to zero, which turns heartbeats off, so a dead TCP connection goes unnoticed and publishes and deliveries stall until the OS gives up; remove the setting to keep the server's heartbeat",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Heartbeats are how client and broker find out that a connection silently died (a NAT or load balancer dropped it, a peer froze). With them off, neither side notices for minutes or hours, and automatic recovery never starts.",
            helpLinkUri: HelpLink(RuleIds.HeartbeatDisabled));

        /// <summary>EG0006.</summary>
        public static readonly DiagnosticDescriptor PublishWithoutIds = new DiagnosticDescriptor(
            RuleIds.PublishWithoutIds,
            title: "RabbitMQ message published without a message id or correlation id",
            messageFormat: "'{0}' publishes without {1}: without a MessageId consumers cannot deduplicate a redelivered message, without a CorrelationId one user action cannot be traced across services; set {1} on its properties",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "RabbitMQ delivers at least once, so consumers see duplicates after a redelivery or a publisher retry; the message id is what they deduplicate on. The correlation id ties the message to the request or workflow that caused it.",
            helpLinkUri: HelpLink(RuleIds.PublishWithoutIds));

        /// <summary>EG0010. A missing BasicQos is reported when the type ends.</summary>
        public static readonly DiagnosticDescriptor UnboundedPrefetch = new DiagnosticDescriptor(
            RuleIds.UnboundedPrefetch,
            title: "RabbitMQ consumer with unbounded or absurd prefetch",
            messageFormat: "'{0}' consumes with {1}, so the broker pushes ready messages to this consumer without limit, filling its memory and starving the other consumers; call BasicQos with a prefetch count between 1 and 1000 before consuming",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The prefetch count bounds how many unacknowledged messages the broker sends one consumer. Without it (or with 0) a backlog is delivered to the first consumer all at once; a very large one has the same effect.",
            helpLinkUri: HelpLink(RuleIds.UnboundedPrefetch));
        // Kafka, Service Bus and general rules (issue 10, section 2).

        /// <summary>EG0016.</summary>
        public static readonly DiagnosticDescriptor DiscardedPublishTask = new DiagnosticDescriptor(
            RuleIds.DiscardedPublishTask,
            title: "Publish or produce whose task is discarded",
            messageFormat: "The task of '{0}' is discarded, so a failed publish goes unnoticed and the message is lost; await it, or return or hand on the task",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "ProduceAsync and BasicPublishAsync report a failed send (broker down, message too large, not confirmed) through their task. A task nobody awaits, returns, stores or passes on swallows that failure: the caller goes on as if the message was sent.",
            helpLinkUri: HelpLink(RuleIds.DiscardedPublishTask));

        /// <summary>EG0019.</summary>
        public static readonly DiagnosticDescriptor KafkaConstantKey = new DiagnosticDescriptor(
            RuleIds.KafkaConstantKey,
            title: "Kafka produce with the same constant key for every message",
            messageFormat: "Kafka message produced{0} with the constant key {1}, so every message lands on one partition: a hot partition that caps throughput at one consumer; key it by the id of the entity the event is about",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The partitioner hashes the key to choose a partition. A key that is the same for every message (a literal or a constant) sends all of them to one partition, which one consumer of the group reads while the others idle.",
            helpLinkUri: HelpLink(RuleIds.KafkaConstantKey));

        /// <summary>EG0008.</summary>
        public static readonly DiagnosticDescriptor ConnectionPerMessage = new DiagnosticDescriptor(
            RuleIds.ConnectionPerMessage,
            title: "Broker connection or Kafka producer opened per message",
            messageFormat: "'{0}' is called {1}, so every message pays for a new {2} (connection, TLS and authentication handshakes) and the broker is flooded with short-lived connections; create one {2} at startup and share it",
            category: Performance,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A Kafka producer and a RabbitMQ connection are long-lived, thread-safe objects meant to be shared. Opening one per message multiplies latency, exhausts broker connection limits and, for Kafka, loses the batching that makes producing fast.",
            helpLinkUri: HelpLink(RuleIds.ConnectionPerMessage));

        /// <summary>EG0009.</summary>
        public static readonly DiagnosticDescriptor KafkaProducerNotDurable = new DiagnosticDescriptor(
            RuleIds.KafkaProducerNotDurable,
            title: "Kafka producer without durable settings",
            messageFormat: "Producer configuration {0}, so a broker failover can lose messages the producer was told were written, or a retry can write one twice; set Acks = Acks.All and EnableIdempotence = true",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "With acks below all, a write is confirmed before the replicas have it, and a leader that fails right after loses it. Without idempotence a retried send after a lost acknowledgement is written twice, and retries can reorder messages.",
            helpLinkUri: HelpLink(RuleIds.KafkaProducerNotDurable));

        /// <summary>EG0017.</summary>
        public static readonly DiagnosticDescriptor KafkaEagerRebalance = new DiagnosticDescriptor(
            RuleIds.KafkaEagerRebalance,
            title: "Kafka consumer using eager rebalancing",
            messageFormat: "Consumer configuration {0}, so every rebalance (each deploy, scale-out or restart) stops the whole group until partitions are reassigned; set PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky",
            category: Performance,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The range and round-robin assignors are eager: on every rebalance each consumer gives up all its partitions and consumption stops group-wide. The cooperative-sticky assignor moves only the partitions that change owner, and the rest keep flowing.",
            helpLinkUri: HelpLink(RuleIds.KafkaEagerRebalance));

        /// <summary>EG0013.</summary>
        public static readonly DiagnosticDescriptor EventIdFromClock = new DiagnosticDescriptor(
            RuleIds.EventIdFromClock,
            title: "Event id built from a clock",
            messageFormat: "'{0}' is built from the clock ({1}), so two events in the same tick share an id and a retried send gets a new one, and consumers can no longer deduplicate; use Guid.NewGuid() (or a UUIDv7), set once when the event is created",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Consumers deduplicate by event id. An id made from a timestamp or tick count collides for events created in the same clock tick (on one machine or across replicas) and, when recomputed on a retry, gives one event two ids.",
            helpLinkUri: HelpLink(RuleIds.EventIdFromClock));

        /// <summary>EG0014. Reported when the consumer type ends, once its members have been seen.</summary>
        public static readonly DiagnosticDescriptor InMemoryDeduplication = new DiagnosticDescriptor(
            RuleIds.InMemoryDeduplication,
            title: "In-memory deduplication in a consumer",
            messageFormat: "Field '{0}' remembers processed message ids in memory, so they are lost on restart and not shared across replicas, and redelivered messages are processed again; record processed ids in the database, in the transaction that applies the message",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Brokers redeliver after a crash, a rebalance or a failover, usually to another instance. A set of seen ids in one process's memory is empty after a restart and unknown to the other replicas, so exactly the redeliveries it was meant to catch get through; it also grows without bound.",
            helpLinkUri: HelpLink(RuleIds.InMemoryDeduplication));

        /// <summary>EG0012.</summary>
        public static readonly DiagnosticDescriptor QueueWithoutDeadLetterOrBound = new DiagnosticDescriptor(
            RuleIds.QueueWithoutDeadLetterOrBound,
            title: "Durable RabbitMQ queue without a dead-letter exchange or a length bound",
            messageFormat: "'{0}' declares a durable queue with {1}; set them in its arguments or by a server policy",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Without a dead-letter exchange a rejected, expired or over-limit message is dropped without a trace; without x-max-length or x-max-length-bytes a queue whose consumers stall grows until the broker hits its memory or disk alarm and blocks every publisher on the node.",
            helpLinkUri: HelpLink(RuleIds.QueueWithoutDeadLetterOrBound));

        /// <summary>EG0018.</summary>
        public static readonly DiagnosticDescriptor ServiceBusSettledBeforeProcessing = new DiagnosticDescriptor(
            RuleIds.ServiceBusSettledBeforeProcessing,
            title: "Azure Service Bus message settled before it was processed",
            messageFormat: "{0}; {1}",
            category: Reliability,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "In ReceiveAndDelete mode Service Bus deletes a message as it hands it out, so a crash or an exception during processing loses it. In PeekLock mode with AutoCompleteMessages (the default) the processor completes the message when the handler returns and abandons it when the handler throws; a handler that catches every exception and neither rethrows nor settles the message returns normally, and the failed message is completed. With AutoCompleteMessages set to true explicitly and a handler that can throw, the SDK rather than the handler settles the message: a failure abandons it, it is redelivered at once and dead-lettered after MaxDeliveryCount attempts.",
            helpLinkUri: HelpLink(RuleIds.ServiceBusSettledBeforeProcessing));

        private static string HelpLink(string id) => HelpLinkBase + id + ".md";
    }
}
