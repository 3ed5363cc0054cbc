using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0010: a RabbitMQ consumer with unbounded or absurd prefetch. A <c>BasicQos</c>/<c>BasicQosAsync</c>
    /// whose prefetch count is the constant 0 (unlimited) or over 1000 is flagged where it is called; a
    /// <c>BasicConsume</c>/<c>BasicConsumeAsync</c> in a type that never calls <c>BasicQos</c> is flagged when
    /// the type ends. Consumers with <c>autoAck: true</c> are left to EG0003: prefetch does not apply to them.
    /// </summary>
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
            RabbitMqTypes rabbit = types.RabbitMq!;
            start.RegisterSymbolStartAction(symbolStart => new ConsumersOfType(rabbit, (INamedTypeSymbol)symbolStart.Symbol).Register(symbolStart), SymbolKind.NamedType);
        }

        /// <summary>The consume and qos calls of one type; one instance per type's analysis.</summary>
        private sealed class ConsumersOfType
        {
            private readonly RabbitMqTypes _rabbit;
            private readonly INamedTypeSymbol _type;
            private readonly ConcurrentQueue<IInvocationOperation> _consumes = new ConcurrentQueue<IInvocationOperation>();
            private int _qosCalls;

            public ConsumersOfType(RabbitMqTypes rabbit, INamedTypeSymbol type)
            {
                _rabbit = rabbit;
                _type = type;
            }

            public void Register(SymbolStartAnalysisContext start)
            {
                start.RegisterOperationAction(Collect, OperationKind.Invocation);
                start.RegisterSymbolEndAction(Judge);
            }

            private void Collect(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                bool qos = method.Name == "BasicQos" || method.Name == "BasicQosAsync";
                bool consume = method.Name == "BasicConsume" || method.Name == "BasicConsumeAsync";
                if ((!qos && !consume) || !_rabbit.IsOnChannel(method))
                {
                    return;
                }

                if (consume)
                {
                    if (!AcksOnDelivery(invocation))
                    {
                        _consumes.Enqueue(invocation);
                    }

                    return;
                }

                System.Threading.Interlocked.Increment(ref _qosCalls);
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

            private void Judge(SymbolAnalysisContext context)
            {
                if (System.Threading.Volatile.Read(ref _qosCalls) > 0)
                {
                    return;
                }

                foreach (IInvocationOperation consume in _consumes)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.UnboundedPrefetch, consume.Syntax.GetLocation(), consume.TargetMethod.Name, $"no BasicQos call in '{_type.Name}'"));
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
