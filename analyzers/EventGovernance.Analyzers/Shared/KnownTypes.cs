using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// The broker types one compilation references, resolved once per compilation and shared by every rule.
    /// A group is null when its library is not referenced, and the rules that need it stay silent.
    /// </summary>
    internal sealed class KnownTypes
    {
        /// <summary>
        /// The first rules to start (one per core) ask at once; they wait for one construction rather than each
        /// building its own.
        /// </summary>
        private static readonly OncePerCompilation<KnownTypes> Cache = new OncePerCompilation<KnownTypes>(c => new KnownTypes(c));

        // Each type is resolved when a rule first asks for it: a compilation pays only for the types of the rules
        // that run on it, and nothing for a library it does not reference.
        private readonly Lazy<KafkaTypes?> _kafka;
        private readonly Lazy<INamedTypeSymbol?> _rabbitMq6Model;
        private readonly Lazy<INamedTypeSymbol?> _rabbitMq7Channel;
        private readonly Lazy<INamedTypeSymbol?> _exception;
        private readonly Lazy<INamedTypeSymbol?> _eventArgs;
        private readonly Lazy<INamedTypeSymbol?> _keyValuePair;
        private readonly Lazy<INamedTypeSymbol?> _equalityComparer;
        private readonly Lazy<INamedTypeSymbol?> _comparer;
        private readonly Lazy<INamedTypeSymbol?> _guid;
        private readonly Lazy<INamedTypeSymbol?> _jsonSerializer;
        private readonly Lazy<INamedTypeSymbol?> _jsonConvert;
        private readonly Lazy<RabbitMqTypes?> _rabbitMq;
        private readonly Lazy<INamedTypeSymbol?> _rabbitMqConnectionFactory;
        private readonly Lazy<INamedTypeSymbol> _dateTime;
        private readonly Lazy<INamedTypeSymbol?> _dateTimeOffset;
        private readonly Lazy<INamedTypeSymbol?> _stopwatch;
        private readonly Lazy<INamedTypeSymbol?> _environment;
        private readonly Lazy<INamedTypeSymbol?> _hashSet;
        private readonly Lazy<INamedTypeSymbol?> _concurrentDictionary;
        private readonly Lazy<INamedTypeSymbol?> _rabbitMq6Consumer;
        private readonly Lazy<INamedTypeSymbol?> _rabbitMqAsyncConsumer;
        private readonly Lazy<ServiceBusTypes?> _serviceBus;

        private KnownTypes(Compilation compilation)
        {
            TypeResolver types = new TypeResolver(compilation);
            Resolver = types;
            Operations = new TypeOperations(compilation);
            _kafka = Once(() => KafkaTypes.Create(types));
            _rabbitMq6Model = Once(() => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IModel"));
            _rabbitMq7Channel = Once(() => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IChannel"));
            _exception = Once(() => types.Framework("System.Exception"));
            _eventArgs = Once(() => types.Framework("System.EventArgs"));
            _keyValuePair = Once(() => types.Framework("System.Collections.Generic.KeyValuePair`2"));
            _equalityComparer = Once(() => types.Framework("System.Collections.Generic.IEqualityComparer`1"));
            _comparer = Once(() => types.Framework("System.Collections.Generic.IComparer`1"));
            _guid = Once(() => types.Framework("System.Guid"));
            // A framework assembly on .NET, a package elsewhere: the same assembly either way.
            _jsonSerializer = Once(() => types.Library("System.Text.Json", "System.Text.Json.JsonSerializer"));
            _jsonConvert = Once(() => types.Library("Newtonsoft.Json", "Newtonsoft.Json.JsonConvert"));

            // RabbitMQ rules (EG0005, EG0006, EG0007, EG0010, EG0011, EG0012, EG0015).
            _rabbitMq = Once(() => RabbitMqTypes.Create(types, RabbitMq6Model, RabbitMq7Channel));
            // Kafka, Service Bus and general rules (issue 10, section 2).
            _rabbitMqConnectionFactory = Once(() => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IConnectionFactory"));
            _dateTime = Once(() => compilation.GetSpecialType(SpecialType.System_DateTime));
            _dateTimeOffset = Once(() => types.Framework("System.DateTimeOffset"));
            // System.Runtime.Extensions on .NET Core 3.x, System on .NET Framework.
            _stopwatch = Once(() => types.Framework("System.Diagnostics.Stopwatch", "System.Runtime.Extensions", "System"));
            _environment = Once(() => types.Framework("System.Environment"));
            // System.Collections on .NET, System.Core on .NET Framework.
            _hashSet = Once(() => types.Framework("System.Collections.Generic.HashSet`1", "System.Collections", "System.Core"));
            _concurrentDictionary = Once(() => types.Framework("System.Collections.Concurrent.ConcurrentDictionary`2", "System.Collections.Concurrent"));
            _rabbitMq6Consumer = Once(() => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IBasicConsumer"));
            _rabbitMqAsyncConsumer = Once(() => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IAsyncBasicConsumer"));
            _serviceBus = Once(() => ServiceBusTypes.Create(types));
        }

        /// <summary>Finds this compilation's types where they are declared (see <see cref="TypeResolver"/>).</summary>
        internal TypeResolver Resolver { get; }

        /// <summary>Confluent.Kafka 2.x, or null.</summary>
        public KafkaTypes? Kafka => _kafka.Value;

        /// <summary>RabbitMQ.Client 6.x <c>IModel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq6Model => _rabbitMq6Model.Value;

        /// <summary>RabbitMQ.Client 7.x <c>IChannel</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMq7Channel => _rabbitMq7Channel.Value;

        public bool HasRabbitMq => RabbitMq6Model != null || RabbitMq7Channel != null;

        /// <summary><c>System.Exception</c>.</summary>
        public INamedTypeSymbol? Exception => _exception.Value;

        /// <summary><c>System.EventArgs</c>.</summary>
        public INamedTypeSymbol? EventArgs => _eventArgs.Value;

        /// <summary><c>KeyValuePair&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? KeyValuePair => _keyValuePair.Value;

        /// <summary><c>IEqualityComparer&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? EqualityComparer => _equalityComparer.Value;

        /// <summary><c>IComparer&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? Comparer => _comparer.Value;

        /// <summary><c>System.Guid</c>.</summary>
        public INamedTypeSymbol? Guid => _guid.Value;

        /// <summary><c>System.Text.Json.JsonSerializer</c>, or null.</summary>
        public INamedTypeSymbol? JsonSerializer => _jsonSerializer.Value;

        /// <summary><c>Newtonsoft.Json.JsonConvert</c>, or null.</summary>
        public INamedTypeSymbol? JsonConvert => _jsonConvert.Value;

        /// <summary>RabbitMQ.Client 6.x or 7.x beyond the channel types, or null.</summary>
        public RabbitMqTypes? RabbitMq => _rabbitMq.Value;

        /// <summary>RabbitMQ.Client <c>IConnectionFactory</c> (6.x and 7.x), or null.</summary>
        public INamedTypeSymbol? RabbitMqConnectionFactory => _rabbitMqConnectionFactory.Value;

        /// <summary><c>System.DateTime</c>.</summary>
        public INamedTypeSymbol? DateTime => _dateTime.Value;

        /// <summary><c>System.DateTimeOffset</c>.</summary>
        public INamedTypeSymbol? DateTimeOffset => _dateTimeOffset.Value;

        /// <summary><c>System.Diagnostics.Stopwatch</c>.</summary>
        public INamedTypeSymbol? Stopwatch => _stopwatch.Value;

        /// <summary><c>System.Environment</c>, whose <c>TickCount</c> is a clock.</summary>
        public INamedTypeSymbol? Environment => _environment.Value;

        /// <summary><c>HashSet&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? HashSet => _hashSet.Value;

        /// <summary><c>ConcurrentDictionary&lt;TKey, TValue&gt;</c>.</summary>
        public INamedTypeSymbol? ConcurrentDictionary => _concurrentDictionary.Value;

        /// <summary>RabbitMQ.Client <c>IBasicConsumer</c> (6.x), or null.</summary>
        public INamedTypeSymbol? RabbitMq6Consumer => _rabbitMq6Consumer.Value;

        /// <summary>RabbitMQ.Client <c>IAsyncBasicConsumer</c>, or null.</summary>
        public INamedTypeSymbol? RabbitMqAsyncConsumer => _rabbitMqAsyncConsumer.Value;

        /// <summary>Azure.Messaging.ServiceBus 7.x, or null.</summary>
        public ServiceBusTypes? ServiceBus => _serviceBus.Value;

        /// <summary>
        /// Whether a type can hold a consumer configuration, memoized per compilation: EG0002 asks it for the
        /// members and factories it follows, and the answer needs the type's interfaces (see
        /// <see cref="ConsumerSettings.CanHoldConfig"/>), which allocate on each call.
        /// </summary>
        internal ConcurrentDictionary<ITypeSymbol, bool> HoldsConfig { get; } = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>Each type's member operations, read once for every rule that judges a whole type.</summary>
        public TypeOperations Operations { get; }

        public static KnownTypes For(Compilation compilation) => Cache.For(compilation);

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

        private static Lazy<T> Once<T>(Func<T> resolve) => new Lazy<T>(resolve, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The Confluent.Kafka types the rules look for, from the Confluent.Kafka assembly.</summary>
    internal sealed class KafkaTypes
    {
        internal const string AssemblyName = "Confluent.Kafka";

        private KafkaTypes(INamedTypeSymbol producer, INamedTypeSymbol message, TypeResolver types)
        {
            Producer = producer;
            Message = message;
            Null = Kafka(types, "Confluent.Kafka.Null");
            ConsumerBuilder = Kafka(types, "Confluent.Kafka.ConsumerBuilder`2");
            ConsumerConfig = Kafka(types, "Confluent.Kafka.ConsumerConfig");
            Config = Kafka(types, "Confluent.Kafka.Config");
            ClientConfig = Kafka(types, "Confluent.Kafka.ClientConfig");
            TopicPartition = Kafka(types, "Confluent.Kafka.TopicPartition");
            Partition = Kafka(types, "Confluent.Kafka.Partition");
            Consumer = Kafka(types, "Confluent.Kafka.IConsumer`2");
            TopicPartitionOffset = Kafka(types, "Confluent.Kafka.TopicPartitionOffset");
            OffsetStored = Kafka(types, "Confluent.Kafka.Offset")?.GetMembers("Stored").FirstOrDefault(m => m.IsStatic);
            PartitionAny = Partition?.GetMembers("Any").FirstOrDefault(m => m.IsStatic);

            // Kafka, Service Bus and general rules (issue 10, section 2).
            ProducerBuilder = Kafka(types, "Confluent.Kafka.ProducerBuilder`2");
            ProducerConfig = Kafka(types, "Confluent.Kafka.ProducerConfig");
            AcksAll = Kafka(types, "Confluent.Kafka.Acks")?.GetMembers("All").OfType<IFieldSymbol>().FirstOrDefault();
            CooperativeSticky = Kafka(types, "Confluent.Kafka.PartitionAssignmentStrategy")?.GetMembers("CooperativeSticky").OfType<IFieldSymbol>().FirstOrDefault();
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

        public static KafkaTypes? Create(TypeResolver types)
        {
            INamedTypeSymbol? producer = Kafka(types, "Confluent.Kafka.IProducer`2");
            INamedTypeSymbol? message = Kafka(types, "Confluent.Kafka.Message`2");
            return producer == null || message == null ? null : new KafkaTypes(producer, message, types);
        }

        private static INamedTypeSymbol? Kafka(TypeResolver types, string metadataName) => types.Library(AssemblyName, metadataName);
    }

    /// <summary>The RabbitMQ.Client types the RabbitMQ rules look for, in 6.x and 7.x, from the RabbitMQ.Client assembly.</summary>
    internal sealed class RabbitMqTypes
    {
        internal const string AssemblyName = "RabbitMQ.Client";

        private RabbitMqTypes(TypeResolver types, INamedTypeSymbol? model6, INamedTypeSymbol? channel7)
        {
            Model6 = model6;
            Channel7 = channel7;
            BasicProperties = types.Library(AssemblyName, "RabbitMQ.Client.IBasicProperties");
            BasicPropertiesClass = types.Library(AssemblyName, "RabbitMQ.Client.BasicProperties");
            ConnectionFactory = types.Library(AssemblyName, "RabbitMQ.Client.IConnectionFactory");
            Connection = types.Library(AssemblyName, "RabbitMQ.Client.IConnection");
            CreateChannelOptions = types.Library(AssemblyName, "RabbitMQ.Client.CreateChannelOptions");
            DeliveryModes = types.Library(AssemblyName, "RabbitMQ.Client.DeliveryModes");
            PublishBatch = types.Library(AssemblyName, "RabbitMQ.Client.IBasicPublishBatch");
            TimeSpan = types.Framework("System.TimeSpan");
            Dictionary = types.Framework("System.Collections.Generic.IDictionary`2");
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

        public static RabbitMqTypes? Create(TypeResolver types, INamedTypeSymbol? model6, INamedTypeSymbol? channel7) =>
            model6 == null && channel7 == null ? null : new RabbitMqTypes(types, model6, channel7);
    }

    /// <summary>The Azure.Messaging.ServiceBus types EG0018 looks for, from the Azure.Messaging.ServiceBus assembly.</summary>
    internal sealed class ServiceBusTypes
    {
        internal const string AssemblyName = "Azure.Messaging.ServiceBus";

        private ServiceBusTypes(TypeResolver types, INamedTypeSymbol processor)
        {
            Processor = processor;
            SessionProcessor = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusSessionProcessor");
            ProcessorOptions = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusProcessorOptions");
            SessionProcessorOptions = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusSessionProcessorOptions");
            ReceiverOptions = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusReceiverOptions");
            SessionReceiverOptions = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusSessionReceiverOptions");
            ReceiveAndDelete = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusReceiveMode")?.GetMembers("ReceiveAndDelete").OfType<IFieldSymbol>().FirstOrDefault();
            MessageEventArgs = ServiceBus(types, "Azure.Messaging.ServiceBus.ProcessMessageEventArgs");
            SessionMessageEventArgs = ServiceBus(types, "Azure.Messaging.ServiceBus.ProcessSessionMessageEventArgs");
            Exception = types.Framework("System.Exception");
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

        public static ServiceBusTypes? Create(TypeResolver types)
        {
            INamedTypeSymbol? processor = ServiceBus(types, "Azure.Messaging.ServiceBus.ServiceBusProcessor");
            return processor == null ? null : new ServiceBusTypes(types, processor);
        }

        private static INamedTypeSymbol? ServiceBus(TypeResolver types, string metadataName) => types.Library(AssemblyName, metadataName);
    }
}
