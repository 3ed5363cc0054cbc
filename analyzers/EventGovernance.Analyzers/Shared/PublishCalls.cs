using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Recognises the calls that send one message: Kafka Produce/ProduceAsync and RabbitMQ BasicPublish(Async).</summary>
    internal static class PublishCalls
    {
        public const string KafkaProduceAsync = "ProduceAsync";
        public const string RabbitMqPublishAsync = "BasicPublishAsync";

        /// <summary>Any call that sends a message, synchronous or not.</summary>
        public static bool IsPublish(IInvocationOperation invocation, KnownTypes types) =>
            IsKafkaProduce(invocation.TargetMethod, types, "Produce", KafkaProduceAsync)
            || IsRabbitMqPublish(invocation.TargetMethod, types, "BasicPublish", RabbitMqPublishAsync);

        /// <summary>A call whose task carries the outcome of the publish: ProduceAsync or BasicPublishAsync.</summary>
        public static bool IsAsyncPublish(IMethodSymbol method, KnownTypes types) =>
            IsKafkaProduce(method, types, KafkaProduceAsync, KafkaProduceAsync)
            || IsRabbitMqPublish(method, types, RabbitMqPublishAsync, RabbitMqPublishAsync);

        private static bool IsKafkaProduce(IMethodSymbol method, KnownTypes types, string name, string asyncName) =>
            types.Kafka != null
            && (method.Name == name || method.Name == asyncName)
            && method.ContainingType.IsOrImplements(types.Kafka.Producer);

        /// <summary>On <c>IModel</c>/<c>IChannel</c> (or an implementation), or an extension method taking one first.</summary>
        private static bool IsRabbitMqPublish(IMethodSymbol method, KnownTypes types, string name, string asyncName)
        {
            if (!types.HasRabbitMq || (method.Name != name && method.Name != asyncName))
            {
                return false;
            }

            ITypeSymbol? receiver = method.IsExtensionMethod && method.Parameters.Length > 0
                ? (method.ReducedFrom ?? method).Parameters[0].Type
                : method.ContainingType;
            return receiver.IsOrImplements(types.RabbitMq6Model) || receiver.IsOrImplements(types.RabbitMq7Channel);
        }
    }
}
