using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0015: <c>RequestedHeartbeat</c> of a RabbitMQ connection factory set to a zero <c>TimeSpan</c>, which
    /// turns heartbeats off. Zero is <c>TimeSpan.Zero</c>, <c>default</c>, <c>new TimeSpan(0)</c>,
    /// <c>TimeSpan.FromSeconds(0)</c> and the like, directly or through a local given exactly one value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HeartbeatDisabledAnalyzer : BrokerAnalyzer
    {
        public const string HeartbeatProperty = "RequestedHeartbeat";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.HeartbeatDisabled);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            RabbitMqTypes rabbit = types.RabbitMq!;
            if (rabbit.ConnectionFactory == null || rabbit.TimeSpan == null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, rabbit), OperationKind.SimpleAssignment);
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, RabbitMqTypes rabbit)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation property)
                || property.Property.Name != HeartbeatProperty
                || !property.Property.ContainingType.IsOrImplements(rabbit.ConnectionFactory)
                || !IsZero(assignment.Value, rabbit, followLocal: true))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HeartbeatDisabled, assignment.Syntax.GetLocation(), property.Property.ContainingType.Name));
        }

        private static bool IsZero(IOperation value, RabbitMqTypes rabbit, bool followLocal)
        {
            IOperation inner = value.WalkDownConversions();
            if (!inner.Type.IsSameDefinition(rabbit.TimeSpan))
            {
                return false;
            }

            switch (inner)
            {
                case IDefaultValueOperation:
                    return true;
                case IFieldReferenceOperation field:
                    return field.Field.IsStatic && field.Field.Name == "Zero" && field.Field.ContainingType.IsSameDefinition(rabbit.TimeSpan);
                case IObjectCreationOperation creation:
                    return creation.Initializer == null && creation.Arguments.All(a => IsConstantZero(a.Value));
                case IInvocationOperation call:
                    // TimeSpan.FromSeconds(0), FromMilliseconds(0), FromTicks(0), ...
                    return call.TargetMethod.IsStatic && call.TargetMethod.Name.StartsWith("From", System.StringComparison.Ordinal)
                           && call.TargetMethod.ContainingType.IsSameDefinition(rabbit.TimeSpan)
                           && call.Arguments.Length > 0 && call.Arguments.All(a => IsConstantZero(a.Value));
                case ILocalReferenceOperation local when followLocal:
                    IOperation? assigned = inner.GetRoot().SingleAssignedValue(local.Local);
                    return assigned != null && IsZero(assigned, rabbit, followLocal: false);
                default:
                    return false;
            }
        }

        /// <summary>A numeric constant equal to zero; an omitted optional argument is its default, which is zero too.</summary>
        private static bool IsConstantZero(IOperation value)
        {
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue || constant.Value == null)
            {
                return false;
            }

            switch (constant.Value)
            {
                case int i: return i == 0;
                case long l: return l == 0;
                case double d: return d == 0;
                case short s: return s == 0;
                case byte b: return b == 0;
                default: return false;
            }
        }
    }
}
