using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace EventGovernance.Analyzers
{
    /// <summary>Recognises <c>IProducer&lt;TKey, TValue&gt;.Produce/ProduceAsync</c> calls (on the interface or an implementation).</summary>
    internal readonly struct KafkaProduceCall
    {
        private KafkaProduceCall(IInvocationOperation invocation, IArgumentOperation message, INamedTypeSymbol messageType, KafkaTypes kafka)
        {
            Kafka = kafka;
            Invocation = invocation;
            Message = message;
            MessageType = messageType;
        }

        public IInvocationOperation Invocation { get; }

        private KafkaTypes Kafka { get; }

        /// <summary>The argument passed as the message.</summary>
        public IArgumentOperation Message { get; }

        /// <summary>The constructed <c>Message&lt;TKey, TValue&gt;</c> type.</summary>
        public INamedTypeSymbol MessageType { get; }

        public ITypeSymbol KeyType => MessageType.TypeArguments[0];

        public ITypeSymbol ValueType => MessageType.TypeArguments[1];

        /// <summary>The value passed as a <c>TopicPartition</c> (the overloads that name a partition), or null.</summary>
        public IOperation? TopicPartition
        {
            get
            {
                foreach (IArgumentOperation argument in Invocation.Arguments)
                {
                    if (argument.Value.Type.IsSameDefinition(Kafka.TopicPartition))
                    {
                        return argument.Value;
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// The topic, when it is a compile-time constant (a literal, a <c>const</c>, <c>nameof</c>), passed
        /// as the topic or as the first argument of a <c>new TopicPartition(topic, partition)</c>.
        /// </summary>
        public string? ConstantTopic
        {
            get
            {
                IParameterSymbol? topic = Invocation.TargetMethod.FindParameter(SpecialType.System_String, "topic");
                if (topic != null)
                {
                    return Invocation.Arguments.ArgumentFor(topic)?.Value.StringConstant();
                }

                foreach (IArgumentOperation argument in Invocation.Arguments)
                {
                    if (argument.Value.Type.IsSameDefinition(Kafka.TopicPartition)
                        && argument.Value.WalkDownConversions() is IObjectCreationOperation partition
                        && partition.Arguments.Length > 0)
                    {
                        return partition.Arguments[0].Value.StringConstant();
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// Where a finding about the call is shown: from the method name to the closing parenthesis, so
        /// <c>producer.ProduceAsync(topic, message)</c> is marked at <c>ProduceAsync(topic, message)</c>, on the
        /// line where the call is written even when its arguments span several lines.
        /// </summary>
        public Location CallLocation => LocationOf(Invocation.Syntax);

        /// <summary>From the method name to the closing parenthesis of a call, or the whole node when it is not a call.</summary>
        public static Location LocationOf(SyntaxNode syntax)
        {
            if (!(syntax is InvocationExpressionSyntax call))
            {
                return syntax.GetLocation();
            }

            SyntaxNode name = call.Expression is MemberAccessExpressionSyntax access ? access.Name
                : call.Expression is MemberBindingExpressionSyntax binding ? binding.Name
                : call.Expression;
            return Location.Create(call.SyntaxTree, TextSpan.FromBounds(name.SpanStart, call.Span.End));
        }

        /// <summary>
        /// A Produce/ProduceAsync overload of a producer whose key type is <c>Null</c>. Used for calls whose
        /// arguments did not bind: the receiver alone tells that the message has no key.
        /// </summary>
        public static bool IsProduceOnUnkeyedProducer(ISymbol candidate, KafkaTypes kafka) =>
            candidate is IMethodSymbol method
            && (method.Name == "Produce" || method.Name == "ProduceAsync")
            && kafka.Null != null
            && IsProducer(method.ContainingType, kafka)
            && method.Parameters.Any(p => p.Type is INamedTypeSymbol type
                                          && type.IsSameDefinition(kafka.Message)
                                          && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], kafka.Null));

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
                if (parameter.Type is INamedTypeSymbol type && type.IsSameDefinition(kafka.Message))
                {
                    IArgumentOperation? argument = invocation.Arguments.ArgumentFor(parameter);
                    if (argument == null)
                    {
                        return false;
                    }

                    call = new KafkaProduceCall(invocation, argument, type, kafka);
                    return true;
                }
            }

            return false;
        }

        private static bool IsProducer(INamedTypeSymbol? type, KafkaTypes kafka) => type.IsOrImplements(kafka.Producer);
    }
}
