using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>EG0001: a Kafka message is produced without a key, so it lands on an arbitrary partition.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaMessageWithoutKeyAnalyzer : BrokerAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaMessageWithoutKey);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, kafka), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeUnresolvedCall(c, kafka), OperationKind.Invalid);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KafkaTypes kafka)
        {
            if (!KafkaProduceCall.TryCreate((IInvocationOperation)context.Operation, kafka, out KafkaProduceCall call))
            {
                return;
            }

            if (!HasNoKey(call, kafka))
            {
                return;
            }

            string? topic = call.ConstantTopic;
            string where = topic == null ? string.Empty : " to topic '" + topic + "'";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaMessageWithoutKey, call.CallLocation, where));
        }

        /// <summary>
        /// A complete Produce call whose arguments did not bind (say a delivery handler that uses a type from a
        /// package not referenced) has no invocation operation, only candidate overloads. When every candidate
        /// belongs to a producer keyed by <c>Null</c>, the message has no key whatever the arguments are.
        /// </summary>
        private static void AnalyzeUnresolvedCall(OperationAnalysisContext context, KafkaTypes kafka)
        {
            if (!(context.Operation.Syntax is InvocationExpressionSyntax call)
                || call.ArgumentList.CloseParenToken.IsMissing
                || context.Operation.SemanticModel == null)
            {
                return;
            }

            SymbolInfo info = context.Operation.SemanticModel.GetSymbolInfo(call, context.CancellationToken);
            if (info.Symbol != null
                || info.CandidateSymbols.IsEmpty
                || !info.CandidateSymbols.All(candidate => KafkaProduceCall.IsProduceOnUnkeyedProducer(candidate, kafka)))
            {
                return;
            }

            // Every Produce overload takes the topic (or a TopicPartition) first.
            string? topic = call.ArgumentList.Arguments.Count > 0
                ? context.Operation.SemanticModel.GetConstantValue(call.ArgumentList.Arguments[0].Expression, context.CancellationToken).Value as string
                : null;
            string where = topic == null ? string.Empty : " to topic '" + topic + "'";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaMessageWithoutKey, KafkaProduceCall.LocationOf(call), where));
        }

        /// <summary>True only when the key is known to be absent; a key we cannot see is given the benefit of the doubt.</summary>
        private static bool HasNoKey(KafkaProduceCall call, KafkaTypes kafka)
        {
            if (kafka.Null != null && SymbolEqualityComparer.Default.Equals(call.KeyType, kafka.Null))
            {
                return true;
            }

            IOperation message = call.Message.Value.WalkDownConversions();
            if (message is IObjectCreationOperation creation)
            {
                return IsMessageCreation(creation, kafka) && !InitializerSetsKey(creation, kafka);
            }

            if (message is ILocalReferenceOperation reference)
            {
                return LocalMessageHasNoKey(reference.Local, call, kafka);
            }

            return false;
        }

        private static bool IsMessageCreation(IObjectCreationOperation creation, KafkaTypes kafka) =>
            creation.Type.IsSameDefinition(kafka.Message);

        private static bool InitializerSetsKey(IObjectCreationOperation creation, KafkaTypes kafka)
        {
            if (creation.Initializer == null)
            {
                return false;
            }

            bool keyed = false;
            foreach (IOperation initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && IsKeyProperty(assignment.Target, kafka))
                {
                    keyed = !assignment.Value.IsNullOrDefault();
                }
            }

            return keyed;
        }

        /// <summary>
        /// A message held in a local: unkeyed when the local is given one message creation without a key,
        /// and the method neither sets <c>Key</c> on it later nor hands it to anything but a Produce call.
        /// </summary>
        private static bool LocalMessageHasNoKey(ILocalSymbol local, KafkaProduceCall call, KafkaTypes kafka)
        {
            IOperation root = call.Invocation.GetRoot();
            if (!(root.SingleAssignedValue(local)?.WalkDownConversions() is IObjectCreationOperation creation)
                || !IsMessageCreation(creation, kafka))
            {
                return false;
            }

            bool keyed = InitializerSetsKey(creation, kafka);
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
                            keyed = !assignment.Value.IsNullOrDefault();
                        }
                        else if (property.Parent is IAssignmentOperation || property.Parent is IArgumentOperation)
                        {
                            return false;
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
                        return false;
                }
            }

            return !keyed;
        }

        /// <summary><c>Message&lt;TKey, TValue&gt;.Key</c> (not a <c>Key</c> of some other type the message is not).</summary>
        private static bool IsKeyProperty(IOperation target, KafkaTypes kafka) =>
            target is IPropertyReferenceOperation property
            && property.Property.Name == "Key"
            && property.Property.ContainingType.IsSameDefinition(kafka.Message);
    }
}
