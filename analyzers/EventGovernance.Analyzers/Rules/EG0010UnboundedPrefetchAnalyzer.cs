using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0010: a RabbitMQ consumer with unbounded or absurd prefetch. A <c>BasicQos</c>/<c>BasicQosAsync</c>
    /// whose prefetch count is the constant 0 (unlimited) or over 1000 is flagged where it is called; a
    /// <c>BasicConsume</c>/<c>BasicConsumeAsync</c> in a type that never calls <c>BasicQos</c> is flagged where
    /// it is called. Consumers with <c>autoAck: true</c> are left to EG0003: prefetch does not apply to them.
    /// </summary>
    /// <remarks>
    /// Nothing is registered per type: a consume call is rare, so only when one is found are the other
    /// operations of its type read (<see cref="TypeOperations"/>), once per type.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnboundedPrefetchAnalyzer : BrokerAnalyzer
    {
        /// <summary>Above this a consumer holds more unacknowledged messages than it can sensibly work on.</summary>
        public const int MaxPrefetch = 1000;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.UnboundedPrefetch);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            var consumers = new ConsumersInTypes(types.RabbitMq!, types.Operations);
            start.RegisterOperationAction(consumers.Analyze, OperationKind.Invocation);
        }

        private static bool IsQos(string name) => name == "BasicQos" || name == "BasicQosAsync";

        /// <summary>The consume and qos calls of one compilation; whether each judged type calls BasicQos is read once.</summary>
        private sealed class ConsumersInTypes
        {
            private readonly RabbitMqTypes _rabbit;
            private readonly Fact<bool> _callsQos;

            public ConsumersInTypes(RabbitMqTypes rabbit, TypeOperations operations)
            {
                _rabbit = rabbit;
                _callsQos = operations.NewFact((type, typeOperations) => typeOperations.Any(
                    operation => operation is IInvocationOperation call && IsQos(call.TargetMethod.Name) && rabbit.IsOnChannel(call.TargetMethod)));
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                bool qos = IsQos(method.Name);
                bool consume = method.Name == "BasicConsume" || method.Name == "BasicConsumeAsync";
                if ((!qos && !consume) || !_rabbit.IsOnChannel(method))
                {
                    return;
                }

                if (qos)
                {
                    ReportAbsurdPrefetch(context, invocation);
                    return;
                }

                INamedTypeSymbol? type = TypeOperations.OwnerOf(context.ContainingSymbol);
                if (type == null || AcksOnDelivery(invocation) || _callsQos.Of(type, invocation, context.CancellationToken))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnboundedPrefetch, invocation.Syntax.GetLocation(), method.Name, $"no BasicQos call in '{type.Name}'"));
            }

            private static void ReportAbsurdPrefetch(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                IMethodSymbol method = invocation.TargetMethod;
                IParameterSymbol? count = null;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (parameter.Name == "prefetchCount")
                    {
                        count = parameter;
                    }
                }

                IArgumentOperation? argument = count == null ? null : invocation.Arguments.ArgumentFor(count);
                Optional<object?> constant = argument?.Value.WalkDownConversions().ConstantValue ?? default;
                int? prefetch = constant.HasValue ? (constant.Value is ushort small ? small : constant.Value as int?) : null;
                if (argument != null && prefetch != null && (prefetch == 0 || prefetch > MaxPrefetch))
                {
                    string what = prefetch == 0 ? "a prefetch count of 0 (unlimited)" : $"a prefetch count of {prefetch}";
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnboundedPrefetch, argument.Syntax.GetLocation(), method.Name, what));
                }
            }

            private static bool AcksOnDelivery(IInvocationOperation consume)
            {
                IParameterSymbol? autoAck = consume.TargetMethod.FindParameter(SpecialType.System_Boolean, "autoAck", "noAck");
                Optional<object?> constant = autoAck == null ? default : consume.Arguments.ArgumentFor(autoAck)?.Value.WalkDownConversions().ConstantValue ?? default;
                return constant.HasValue && constant.Value is bool flag && flag;
            }
        }
    }
}
