using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Recognises <c>IProducer&lt;TKey, TValue&gt;.Produce/ProduceAsync</c> calls (on the interface or an implementation).</summary>
    internal readonly struct KafkaProduceCall
    {
        private KafkaProduceCall(IInvocationOperation invocation, IArgumentOperation message, INamedTypeSymbol messageType)
        {
            Invocation = invocation;
            Message = message;
            MessageType = messageType;
        }

        public IInvocationOperation Invocation { get; }

        /// <summary>The argument passed as the message.</summary>
        public IArgumentOperation Message { get; }

        /// <summary>The constructed <c>Message&lt;TKey, TValue&gt;</c> type.</summary>
        public INamedTypeSymbol MessageType { get; }

        public ITypeSymbol KeyType => MessageType.TypeArguments[0];

        public ITypeSymbol ValueType => MessageType.TypeArguments[1];

        /// <summary>The topic, when it is a compile-time constant.</summary>
        public string? ConstantTopic
        {
            get
            {
                IParameterSymbol? topic = Invocation.TargetMethod.FindParameter(SpecialType.System_String, "topic");
                return topic == null ? null : Invocation.Arguments.ArgumentFor(topic)?.Value.StringConstant();
            }
        }

        public static bool TryCreate(IInvocationOperation invocation, KafkaTypes kafka, out KafkaProduceCall call)
        {
            call = default;
            IMethodSymbol method = invocation.TargetMethod;
            if ((method.Name != "Produce" && method.Name != "ProduceAsync") || !IsProducer(method.ContainingType, kafka))
            {
                return false;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.Type is INamedTypeSymbol type && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, kafka.Message))
                {
                    IArgumentOperation? argument = invocation.Arguments.ArgumentFor(parameter);
                    if (argument == null)
                    {
                        return false;
                    }

                    call = new KafkaProduceCall(invocation, argument, type);
                    return true;
                }
            }

            return false;
        }

        private static bool IsProducer(INamedTypeSymbol? type, KafkaTypes kafka)
        {
            if (type == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, kafka.Producer))
            {
                return true;
            }

            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, kafka.Producer))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
