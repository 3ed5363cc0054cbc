using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0001: a Kafka message is produced without a key, or with a new random key per message, so it lands
    /// on an arbitrary partition. A message sent to an explicit partition needs no key: the producer chose
    /// where it goes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaMessageWithoutKeyAnalyzer : BrokerAnalyzer
    {
        private const string NoKey = "has no key";
        private const string RandomKey = "has a new random key (Guid.NewGuid()) per message";

        /// <summary>What the analysis knows about a message's key.</summary>
        private enum KeyState
        {
            /// <summary>Set to something we cannot see through: given the benefit of the doubt.</summary>
            Keyed,
            None,
            RandomPerMessage,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaMessageWithoutKey);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeUnresolvedCall(c, kafka), OperationKind.Invalid);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            if (!KafkaProduceCall.TryCreate((IInvocationOperation)context.Operation, kafka, out KafkaProduceCall call)
                || (call.TopicPartition != null && KafkaPartitions.IsExplicit(call.TopicPartition, kafka)))
            {
                return;
            }

            KeyState key = KeyOf(call, types);
            if (key == KeyState.Keyed)
            {
                return;
            }

            string? topic = call.ConstantTopic;
            string where = topic == null ? string.Empty : " to topic '" + topic + "'";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaMessageWithoutKey, call.CallLocation, where, key == KeyState.None ? NoKey : RandomKey));
        }

        /// <summary>
        /// A complete Produce call whose arguments did not bind (say a delivery handler that uses a type from a
        /// package not referenced) has no invocation operation, only candidate overloads. When every candidate
        /// belongs to a producer keyed by <c>Null</c>, the message has no key whatever the arguments are.
        /// </summary>
        private static void AnalyzeUnresolvedCall(OperationAnalysisContext context, KafkaTypes kafka)
        {
            SemanticModel? model = context.Operation.SemanticModel;
            if (!(context.Operation.Syntax is InvocationExpressionSyntax call)
                || call.ArgumentList.CloseParenToken.IsMissing
                || model == null)
            {
                return;
            }

            SymbolInfo info = model.GetSymbolInfo(call, context.CancellationToken);
            if (info.Symbol != null
                || info.CandidateSymbols.IsEmpty
                || !info.CandidateSymbols.All(candidate => KafkaProduceCall.IsProduceOnUnkeyedProducer(candidate, kafka)))
            {
                return;
            }

            // Every Produce overload takes the topic (or a TopicPartition) first.
            ExpressionSyntax? first = call.ArgumentList.Arguments.Count > 0 ? call.ArgumentList.Arguments[0].Expression : null;
            if (first != null
                && model.GetOperation(first, context.CancellationToken) is IOperation target
                && target.Type.IsSameDefinition(kafka.TopicPartition)
                && KafkaPartitions.IsExplicit(target, kafka))
            {
                return;
            }

            string? topic = first == null ? null : model.GetConstantValue(first, context.CancellationToken).Value as string;
            string where = topic == null ? string.Empty : " to topic '" + topic + "'";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaMessageWithoutKey, KafkaProduceCall.LocationOf(call), where, NoKey));
        }

        /// <summary>None or random only when that is known; a key we cannot see is given the benefit of the doubt.</summary>
        private static KeyState KeyOf(KafkaProduceCall call, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            if (kafka.Null != null && SymbolEqualityComparer.Default.Equals(call.KeyType, kafka.Null))
            {
                return KeyState.None;
            }

            IOperation message = call.Message.Value.WalkDownConversions();
            if (message is IObjectCreationOperation creation)
            {
                return IsMessageCreation(creation, kafka) ? InitializerKey(creation, types) : KeyState.Keyed;
            }

            if (message is ILocalReferenceOperation reference)
            {
                return LocalMessageKey(reference.Local, call, types);
            }

            return KeyState.Keyed;
        }

        private static bool IsMessageCreation(IObjectCreationOperation creation, KafkaTypes kafka) =>
            creation.Type.IsSameDefinition(kafka.Message);

        private static KeyState InitializerKey(IObjectCreationOperation creation, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            KeyState key = KeyState.None;
            if (creation.Initializer == null)
            {
                return key;
            }

            foreach (IOperation initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && IsKeyProperty(assignment.Target, kafka))
                {
                    key = ValueKey(assignment.Value, types);
                }
            }

            return key;
        }

        /// <summary>
        /// A message held in a local: judged when the local is given one message creation, and the method
        /// neither hands it to anything but a Produce call nor sets <c>Key</c> in a way we cannot follow.
        /// </summary>
        private static KeyState LocalMessageKey(ILocalSymbol local, KafkaProduceCall call, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            IOperation root = call.Invocation.GetRoot();
            if (!(root.SingleAssignedValue(local)?.WalkDownConversions() is IObjectCreationOperation creation)
                || !IsMessageCreation(creation, kafka))
            {
                return KeyState.Keyed;
            }

            KeyState key = InitializerKey(creation, types);
            foreach (IOperation operation in root.Descendants())
            {
                if (!(operation is ILocalReferenceOperation use) || !SymbolEqualityComparer.Default.Equals(use.Local, local) || use.IsDeclaration)
                {
                    continue;
                }

                switch (use.Parent)
                {
                    case IPropertyReferenceOperation property when IsKeyProperty(property, kafka):
                        if (property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property)
                        {
                            key = ValueKey(assignment.Value, types);
                        }
                        else if (property.Parent is IAssignmentOperation || property.Parent is IArgumentOperation)
                        {
                            return KeyState.Keyed;
                        }

                        break;
                    case IPropertyReferenceOperation:
                        break;
                    case ISimpleAssignmentOperation reassignment when reassignment.Target == use:
                        break;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation
                                                          && KafkaProduceCall.TryCreate(invocation, kafka, out _):
                        break;
                    default:
                        // Handed to something we do not follow, which might set the key.
                        return KeyState.Keyed;
                }
            }

            return key;
        }

        private static KeyState ValueKey(IOperation value, KnownTypes types)
        {
            if (value.IsNullOrDefault())
            {
                return KeyState.None;
            }

            return RandomKeys.IsNewPerCall(value, types.Guid) ? KeyState.RandomPerMessage : KeyState.Keyed;
        }

        /// <summary><c>Message&lt;TKey, TValue&gt;.Key</c> (not a <c>Key</c> of some other type).</summary>
        private static bool IsKeyProperty(IOperation target, KafkaTypes kafka) =>
            target is IPropertyReferenceOperation property
            && property.Property.Name == "Key"
            && property.Property.ContainingType.IsSameDefinition(kafka.Message);
    }
}
