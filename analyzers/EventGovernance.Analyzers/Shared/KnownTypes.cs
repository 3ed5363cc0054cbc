using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// The broker types one compilation references, resolved once per compilation and shared by every rule.
    /// A group is null when its library is not referenced, and the rules that need it stay silent.
    /// </summary>
    internal sealed class KnownTypes
    {
        /// <summary>Weakly keyed: an entry lives exactly as long as its compilation.</summary>
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new ConditionalWeakTable<Compilation, KnownTypes>();

        private KnownTypes(Compilation compilation)
        {
            Operations = new TypeOperations(compilation);
            Kafka = KafkaTypes.Create(compilation);
            RabbitMq6Model = compilation.GetTypeByMetadataName("RabbitMQ.Client.IModel");
            RabbitMq7Channel = compilation.GetTypeByMetadataName("RabbitMQ.Client.IChannel");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            EventArgs = compilation.GetTypeByMetadataName("System.EventArgs");
            KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
            EqualityComparer = compilation.GetTypeByMetadataName("System.Collections.Generic.IEqualityComparer`1");
            Comparer = compilation.GetTypeByMetadataName("System.Collections.Generic.IComparer`1");
            Guid = compilation.GetTypeByMetadataName("System.Guid");
            JsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
            JsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");

            // RabbitMQ rules (EG0005, EG0006, EG0007, EG0010, EG0011, EG0012, EG0015).
            RabbitMq = RabbitMqTypes.Create(compilation, RabbitMq6Model, RabbitMq7Channel);
            // Kafka, Service Bus and general rules (issue 10, section 2).
            RabbitMqConnectionFactory = compilation.GetTypeByMetadataName("RabbitMQ.Client.IConnectionFactory");
            DateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            HashSet = compilation.GetTypeByMetadataName("System.Collections.Generic.HashSet`1");
            ConcurrentDictionary = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2");
            RabbitMq6Consumer = compilation.GetTypeByMetadataName("RabbitMQ.Client.IBasicConsumer");
            RabbitMqAsyncConsumer = compilation.GetTypeByMetadataName("RabbitMQ.Client.IAsyncBasicConsumer");
            ServiceBus = ServiceBusTypes.Create(compilation);
        }

        /// <summary>Confluent.Kafka 2.x, or null.</summary>
        public KafkaTypes? Kafka { get; }

        /// <summary>RabbitMQ.Client 6.x <c>IModel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq6Model { get; }

        /// <summary>RabbitMQ.Client 7.x <c>IChannel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq7Channel { get; }

        public bool HasRabbitMq => RabbitMq6Model != null || RabbitMq7Channel != null;

        /// <summary><c>System.Exception</c>.</summary>
        public INamedTypeSymbol? Exception { get; }

        /// <summary><c>System.EventArgs</c>.</summary>
        public INamedTypeSymbol? EventArgs { get; }

        /// <summary><c>KeyValuePair&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? KeyValuePair { get; }

        /// <summary><c>IEqualityComparer&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? EqualityComparer { get; }

        /// <summary><c>IComparer&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? Comparer { get; }

        /// <summary><c>System.Guid</c>.</summary>
        public INamedTypeSymbol? Guid { get; }

        /// <summary><c>System.Text.Json.JsonSerializer</c>, or null.</summary>
        public INamedTypeSymbol? JsonSerializer { get; }

        /// <summary><c>Newtonsoft.Json.JsonConvert</c>, or null.</summary>
        public INamedTypeSymbol? JsonConvert { get; }

        /// <summary>RabbitMQ.Client 6.x or 7.x beyond the channel types, or null.</summary>
        public RabbitMqTypes? RabbitMq { get; }
        // Kafka, Service Bus and general rules (issue 10, section 2).

        /// <summary>RabbitMQ.Client <c>IConnectionFactory</c> (6.x and 7.x), or null.</summary>
        public INamedTypeSymbol? RabbitMqConnectionFactory { get; }

        /// <summary><c>System.DateTime</c>.</summary>
        public INamedTypeSymbol? DateTime { get; }

        /// <summary><c>System.DateTimeOffset</c>.</summary>
        public INamedTypeSymbol? DateTimeOffset { get; }

        /// <summary><c>System.Diagnostics.Stopwatch</c>.</summary>
        public INamedTypeSymbol? Stopwatch { get; }

        /// <summary><c>System.Environment</c>, whose <c>TickCount</c> is a clock.</summary>
        public INamedTypeSymbol? Environment { get; }

        /// <summary><c>HashSet&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? HashSet { get; }

        /// <summary><c>ConcurrentDictionary&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? ConcurrentDictionary { get; }

        /// <summary>RabbitMQ.Client <c>IBasicConsumer</c> (6.x), or null.</summary>
        public INamedTypeSymbol? RabbitMq6Consumer { get; }

        /// <summary>RabbitMQ.Client <c>IAsyncBasicConsumer</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMqAsyncConsumer { get; }

        /// <summary>Azure.Messaging.ServiceBus 7.x, or null.</summary>
        public ServiceBusTypes? ServiceBus { get; }

        /// <summary>
        /// Whether a type can hold a consumer configuration, memoized per compilation: EG0002 asks it for the
        /// member and return types of every type, and the answer needs the type's interfaces (see
        /// <see cref="ConsumerSettings.CanHoldConfig"/>), which allocate on each call.
        /// </summary>
        internal ConcurrentDictionary<ITypeSymbol, bool> HoldsConfig { get; } = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>Each type's member operations, read once for every rule that judges a whole type.</summary>
        public TypeOperations Operations { get; }

        public static KnownTypes For(Compilation compilation) => Cache.GetValue(compilation, c => new KnownTypes(c));

        /// <summary>True when every library in <paramref name="library"/> is referenced (always for <see cref="BrokerLibrary.None"/>).</summary>
        public bool References(BrokerLibrary library) =>
            ((library & BrokerLibrary.Kafka) == 0 || Kafka != null)
            && ((library & BrokerLibrary.RabbitMq) == 0 || HasRabbitMq)
            && ((library & BrokerLibrary.ServiceBus) == 0 || ServiceBus != null);

        /// <summary>True when at least one library in <paramref name="library"/> is referenced (always for <see cref="BrokerLibrary.None"/>).</summary>
        public bool ReferencesAny(BrokerLibrary library) =>
            library == BrokerLibrary.None
            || ((library & BrokerLibrary.Kafka) != 0 && Kafka != null)
            || ((library & BrokerLibrary.RabbitMq) != 0 && HasRabbitMq)
            || ((library & BrokerLibrary.ServiceBus) != 0 && ServiceBus != null);

        /// <summary>A comparer argument, e.g. the <c>StringComparer.Ordinal</c> of <c>new Dictionary&lt;string, string&gt;(StringComparer.Ordinal)</c>.</summary>
        public bool IsComparer(ITypeSymbol? type) =>
            type != null && (type.IsOrImplements(EqualityComparer) || type.IsOrImplements(Comparer));
    }

    /// <summary>The Confluent.Kafka types the rules look for.</summary>
    internal sealed class KafkaTypes
    {
        private KafkaTypes(INamedTypeSymbol producer, INamedTypeSymbol message, Compilation compilation)
        {
            Producer = producer;
            Message = message;
            Null = compilation.GetTypeByMetadataName("Confluent.Kafka.Null");
            ConsumerBuilder = compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumerBuilder`2");
            ConsumerConfig = compilation.GetTypeByMetadataName("Confluent.Kafka.ConsumerConfig");
            Config = compilation.GetTypeByMetadataName("Confluent.Kafka.Config");
            ClientConfig = compilation.GetTypeByMetadataName("Confluent.Kafka.ClientConfig");
            TopicPartition = compilation.GetTypeByMetadataName("Confluent.Kafka.TopicPartition");
            Partition = compilation.GetTypeByMetadataName("Confluent.Kafka.Partition");
            Consumer = compilation.GetTypeByMetadataName("Confluent.Kafka.IConsumer`2");
            TopicPartitionOffset = compilation.GetTypeByMetadataName("Confluent.Kafka.TopicPartitionOffset");
            OffsetStored = compilation.GetTypeByMetadataName("Confluent.Kafka.Offset")?.GetMembers("Stored").FirstOrDefault(m => m.IsStatic);
            PartitionAny = Partition?.GetMembers("Any").FirstOrDefault(m => m.IsStatic);

            // Kafka, Service Bus and general rules (issue 10, section 2).
            ProducerBuilder = compilation.GetTypeByMetadataName("Confluent.Kafka.ProducerBuilder`2");
            ProducerConfig = compilation.GetTypeByMetadataName("Confluent.Kafka.ProducerConfig");
            AcksAll = compilation.GetTypeByMetadataName("Confluent.Kafka.Acks")?.GetMembers("All").OfType<IFieldSymbol>().FirstOrDefault();
            CooperativeSticky = compilation.GetTypeByMetadataName("Confluent.Kafka.PartitionAssignmentStrategy")?.GetMembers("CooperativeSticky").OfType<IFieldSymbol>().FirstOrDefault();
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

        /// <summary><c>TopicPartition</c>, a topic with an explicit partition.</summary>
        public INamedTypeSymbol? TopicPartition { get; }

        /// <summary><c>IConsumer&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? Consumer { get; }

        /// <summary><c>TopicPartitionOffset</c>, a partition with the offset to start reading at.</summary>
        public INamedTypeSymbol? TopicPartitionOffset { get; }

        /// <summary><c>Offset.Stored</c>: start at the committed offset.</summary>
        public ISymbol? OffsetStored { get; }

        /// <summary><c>Partition</c>.</summary>
        public INamedTypeSymbol? Partition { get; }

        /// <summary><c>Partition.Any</c>: let the partitioner choose, as if no partition was given.</summary>
        public ISymbol? PartitionAny { get; }

        // Kafka, Service Bus and general rules (issue 10, section 2).

        /// <summary><c>ProducerBuilder&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? ProducerBuilder { get; }

        /// <summary><c>ProducerConfig</c>.</summary>
        public INamedTypeSymbol? ProducerConfig { get; }

        /// <summary><c>Acks.All</c>: the leader waits for every in-sync replica.</summary>
        public IFieldSymbol? AcksAll { get; }

        /// <summary><c>PartitionAssignmentStrategy.CooperativeSticky</c>: incremental rebalancing.</summary>
        public IFieldSymbol? CooperativeSticky { get; }

        public static KafkaTypes? Create(Compilation compilation)
        {
            INamedTypeSymbol? producer = compilation.GetTypeByMetadataName("Confluent.Kafka.IProducer`2");
            INamedTypeSymbol? message = compilation.GetTypeByMetadataName("Confluent.Kafka.Message`2");
            return producer == null || message == null ? null : new KafkaTypes(producer, message, compilation);
        }
    }

    /// <summary>The RabbitMQ.Client types the RabbitMQ rules look for, in 6.x and 7.x.</summary>
    internal sealed class RabbitMqTypes
    {
        private RabbitMqTypes(Compilation compilation, INamedTypeSymbol? model6, INamedTypeSymbol? channel7)
        {
            Model6 = model6;
            Channel7 = channel7;
            BasicProperties = compilation.GetTypeByMetadataName("RabbitMQ.Client.IBasicProperties");
            BasicPropertiesClass = compilation.GetTypeByMetadataName("RabbitMQ.Client.BasicProperties");
            ConnectionFactory = compilation.GetTypeByMetadataName("RabbitMQ.Client.IConnectionFactory");
            Connection = compilation.GetTypeByMetadataName("RabbitMQ.Client.IConnection");
            CreateChannelOptions = compilation.GetTypeByMetadataName("RabbitMQ.Client.CreateChannelOptions");
            DeliveryModes = compilation.GetTypeByMetadataName("RabbitMQ.Client.DeliveryModes");
            PublishBatch = compilation.GetTypeByMetadataName("RabbitMQ.Client.IBasicPublishBatch");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        }

        /// <summary>6.x <c>IModel</c>, or null.</summary>
        public INamedTypeSymbol? Model6 { get; }

        /// <summary>7.x <c>IChannel</c>, or null.</summary>
        public INamedTypeSymbol? Channel7 { get; }

        /// <summary><c>IBasicProperties</c> (both versions).</summary>
        public INamedTypeSymbol? BasicProperties { get; }

        /// <summary>7.x <c>BasicProperties</c>, the class publishers create.</summary>
        public INamedTypeSymbol? BasicPropertiesClass { get; }

        /// <summary><c>IConnectionFactory</c>, which <c>ConnectionFactory</c> implements.</summary>
        public INamedTypeSymbol? ConnectionFactory { get; }

        /// <summary><c>IConnection</c>.</summary>
        public INamedTypeSymbol? Connection { get; }

        /// <summary>7.x <c>CreateChannelOptions</c>, which turns publisher confirms on.</summary>
        public INamedTypeSymbol? CreateChannelOptions { get; }

        /// <summary>7.x <c>DeliveryModes</c>.</summary>
        public INamedTypeSymbol? DeliveryModes { get; }

        /// <summary>6.x <c>IBasicPublishBatch</c>.</summary>
        public INamedTypeSymbol? PublishBatch { get; }

        /// <summary><c>System.TimeSpan</c>, the type of heartbeat and timeout settings.</summary>
        public INamedTypeSymbol? TimeSpan { get; }

        /// <summary><c>IDictionary&lt;TKey, TValue&gt;</c>, the type of queue arguments.</summary>
        public INamedTypeSymbol? Dictionary { get; }

        /// <summary>A channel (<c>IModel</c>/<c>IChannel</c>), an interface derived from it or a class implementing it.</summary>
        public bool IsChannel(ITypeSymbol? type) => type.IsOrImplements(Model6) || type.IsOrImplements(Channel7);

        /// <summary>An instance method of a channel, or an extension method on one.</summary>
        public bool IsOnChannel(IMethodSymbol method)
        {
            if (method.ReducedFrom != null)
            {
                return IsChannel(method.ReceiverType);
            }

            if (method.IsExtensionMethod && method.Parameters.Length > 0)
            {
                return IsChannel(method.Parameters[0].Type);
            }

            return IsChannel(method.ContainingType);
        }

        public static RabbitMqTypes? Create(Compilation compilation, INamedTypeSymbol? model6, INamedTypeSymbol? channel7) =>
            model6 == null && channel7 == null ? null : new RabbitMqTypes(compilation, model6, channel7);
    }

    /// <summary>The Azure.Messaging.ServiceBus types EG0018 looks for.</summary>
    internal sealed class ServiceBusTypes
    {
        private ServiceBusTypes(Compilation compilation, INamedTypeSymbol processor)
        {
            Processor = processor;
            SessionProcessor = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusSessionProcessor");
            ProcessorOptions = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusProcessorOptions");
            SessionProcessorOptions = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusSessionProcessorOptions");
            ReceiverOptions = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusReceiverOptions");
            SessionReceiverOptions = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusSessionReceiverOptions");
            ReceiveAndDelete = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusReceiveMode")?.GetMembers("ReceiveAndDelete").OfType<IFieldSymbol>().FirstOrDefault();
            MessageEventArgs = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ProcessMessageEventArgs");
            SessionMessageEventArgs = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ProcessSessionMessageEventArgs");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
        }

        /// <summary><c>System.Exception</c>, which a catch-all clause catches.</summary>
        public INamedTypeSymbol? Exception { get; }

        /// <summary><c>ServiceBusProcessor</c>.</summary>
        public INamedTypeSymbol Processor { get; }

        /// <summary><c>ServiceBusSessionProcessor</c>.</summary>
        public INamedTypeSymbol? SessionProcessor { get; }

        /// <summary><c>ServiceBusProcessorOptions</c>.</summary>
        public INamedTypeSymbol? ProcessorOptions { get; }

        /// <summary><c>ServiceBusSessionProcessorOptions</c>.</summary>
        public INamedTypeSymbol? SessionProcessorOptions { get; }

        /// <summary><c>ServiceBusReceiverOptions</c>.</summary>
        public INamedTypeSymbol? ReceiverOptions { get; }

        /// <summary><c>ServiceBusSessionReceiverOptions</c>.</summary>
        public INamedTypeSymbol? SessionReceiverOptions { get; }

        /// <summary><c>ServiceBusReceiveMode.ReceiveAndDelete</c>.</summary>
        public IFieldSymbol? ReceiveAndDelete { get; }

        /// <summary><c>ProcessMessageEventArgs</c>, whose methods settle the message.</summary>
        public INamedTypeSymbol? MessageEventArgs { get; }

        /// <summary><c>ProcessSessionMessageEventArgs</c>.</summary>
        public INamedTypeSymbol? SessionMessageEventArgs { get; }

        /// <summary>A processor (plain or session) whose handler the options govern.</summary>
        public bool IsProcessor(ITypeSymbol? type) => type.IsOrDerivesFrom(Processor) || type.IsOrDerivesFrom(SessionProcessor);

        /// <summary>Options of a processor (plain or session), which have <c>AutoCompleteMessages</c>.</summary>
        public bool IsProcessorOptions(ITypeSymbol? type) => type.IsOrDerivesFrom(ProcessorOptions) || type.IsOrDerivesFrom(SessionProcessorOptions);

        /// <summary>Any options with a <c>ReceiveMode</c>.</summary>
        public bool HasReceiveMode(ITypeSymbol? type) =>
            IsProcessorOptions(type) || type.IsOrDerivesFrom(ReceiverOptions) || type.IsOrDerivesFrom(SessionReceiverOptions);

        public static ServiceBusTypes? Create(Compilation compilation)
        {
            INamedTypeSymbol? processor = compilation.GetTypeByMetadataName("Azure.Messaging.ServiceBus.ServiceBusProcessor");
            return processor == null ? null : new ServiceBusTypes(compilation, processor);
        }
    }
}
