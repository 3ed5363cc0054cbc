using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0019: a Kafka message whose key is the same compile-time constant on every call (a literal, a
    /// <c>const</c>, <c>nameof</c>, or a local given exactly one such value), so the partitioner sends every
    /// message to one partition. Null keys are EG0001's; a message sent to an explicit partition does not
    /// use its key to choose one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaConstantKeyAnalyzer : BrokerAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaConstantKey);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types) =>
            start.RegisterOperationAction(c => Analyze(c, types.Kafka!), OperationKind.Invocation);

        private static void Analyze(OperationAnalysisContext context, KafkaTypes kafka)
        {
            if (!KafkaProduceCall.TryCreate((IInvocationOperation)context.Operation, kafka, out KafkaProduceCall call)
                || (call.TopicPartition != null && KafkaPartitions.IsExplicit(call.TopicPartition, kafka)))
            {
                return;
            }

            object? key = ConstantKey(call, kafka);
            if (key == null)
            {
                return;
            }

            string? topic = call.ConstantTopic;
            string where = topic == null ? string.Empty : " to topic '" + topic + "'";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaConstantKey, call.CallLocation, where, Describe(key)));
        }

        /// <summary>The constant key of the message, or null when the key is not a known non-null constant.</summary>
        private static object? ConstantKey(KafkaProduceCall call, KafkaTypes kafka)
        {
            IOperation message = call.Message.Value.WalkDownConversions();
            if (message is ILocalReferenceOperation local)
            {
                return LocalMessageKey(local.Local, call, kafka);
            }

            return message is IObjectCreationOperation creation && creation.Type.IsSameDefinition(kafka.Message)
                ? InitializerKey(creation, kafka)
                : null;
        }

        private static object? InitializerKey(IObjectCreationOperation creation, KafkaTypes kafka)
        {
            object? key = null;
            if (creation.Initializer == null)
            {
                return null;
            }

            foreach (IOperation initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && IsKeyProperty(assignment.Target, kafka))
                {
                    key = ConstantOf(assignment.Value);
                }
            }

            return key;
        }

        /// <summary>
        /// A message in a local given one creation: its initializer's key, changed by later
        /// <c>message.Key = ...</c> writes in the method; unknown once the local is handed to other code.
        /// </summary>
        private static object? LocalMessageKey(ILocalSymbol local, KafkaProduceCall call, KafkaTypes kafka)
        {
            IOperation root = call.Invocation.GetRoot();
            if (!(root.SingleAssignedValue(local)?.WalkDownConversions() is IObjectCreationOperation creation)
                || !creation.Type.IsSameDefinition(kafka.Message))
            {
                return null;
            }

            object? key = InitializerKey(creation, kafka);
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
                            key = ConstantOf(assignment.Value);
                        }
                        else if (property.Parent is IAssignmentOperation || property.Parent is IArgumentOperation)
                        {
                            return null;
                        }

                        break;
                    case IPropertyReferenceOperation _:
                    case ISimpleAssignmentOperation reassignment when reassignment.Target == use:
                        break;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation
                                                          && KafkaProduceCall.TryCreate(invocation, kafka, out _):
                        break;
                    default:
                        return null;
                }
            }

            return key;
        }

        /// <summary>A non-null constant, directly or through a local given exactly one constant in the method.</summary>
        private static object? ConstantOf(IOperation value)
        {
            IOperation inner = value.WalkDownConversions();
            if (inner.ConstantValue.HasValue)
            {
                return inner.ConstantValue.Value;
            }

            if (inner is ILocalReferenceOperation local
                && inner.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() is IOperation assigned
                && assigned.ConstantValue.HasValue)
            {
                return assigned.ConstantValue.Value;
            }

            return null;
        }

        private static string Describe(object key) =>
            key is string text ? "\"" + text + "\"" : System.Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;

        /// <summary><c>Message&lt;TKey, TValue&gt;.Key</c>.</summary>
        private static bool IsKeyProperty(IOperation target, KafkaTypes kafka) =>
            target is IPropertyReferenceOperation property
            && property.Property.Name == "Key"
            && property.Property.ContainingType.IsSameDefinition(kafka.Message);
    }
}
