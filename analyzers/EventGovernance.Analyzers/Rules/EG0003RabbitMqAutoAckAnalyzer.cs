using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>EG0003: a RabbitMQ consume or get call passes the constant <c>true</c> as its auto-ack argument.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RabbitMqAutoAckAnalyzer : BrokerAnalyzer
    {
        /// <summary>The direct reply-to pseudo-queue only works with automatic acknowledgement.</summary>
        private const string DirectReplyToQueue = "amq.rabbitmq.reply-to";

        private static readonly ImmutableHashSet<string> ConsumeMethods =
            ImmutableHashSet.Create("BasicConsume", "BasicConsumeAsync", "BasicGet", "BasicGetAsync");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RabbitMqAutoAck);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types) =>
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (!ConsumeMethods.Contains(method.Name) || !IsOnChannel(method, types))
            {
                return;
            }

            // 6.x and 7.x call it autoAck; older releases called it noAck. The argument is found through
            // the parameter symbol, so named and positional arguments are treated alike.
            IParameterSymbol? autoAck = method.FindParameter(SpecialType.System_Boolean, "autoAck", "noAck");
            IArgumentOperation? argument = autoAck == null ? null : invocation.Arguments.ArgumentFor(autoAck);
            if (argument == null || !IsConstantTrue(argument.Value))
            {
                return;
            }

            IParameterSymbol? queue = method.FindParameter(SpecialType.System_String, "queue");
            if (queue != null && invocation.Arguments.ArgumentFor(queue)?.Value.StringConstant() == DirectReplyToQueue)
            {
                return;
            }

            SyntaxNode at = argument.IsImplicit ? invocation.Syntax : argument.Syntax;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RabbitMqAutoAck, at.GetLocation(), method.Name));
        }

        private static bool IsConstantTrue(IOperation value)
        {
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            return constant.HasValue && constant.Value is bool flag && flag;
        }

        /// <summary>An instance method of IModel/IChannel (or an implementation), or an extension method on them.</summary>
        private static bool IsOnChannel(IMethodSymbol method, KnownTypes types)
        {
            if (method.ReducedFrom != null)
            {
                return IsChannelType(method.ReceiverType, types);
            }

            if (method.IsExtensionMethod && method.Parameters.Length > 0)
            {
                return IsChannelType(method.Parameters[0].Type, types);
            }

            return IsChannelType(method.ContainingType, types);
        }

        private static bool IsChannelType(ITypeSymbol? type, KnownTypes types) =>
            type.IsOrImplements(types.RabbitMq6Model) || type.IsOrImplements(types.RabbitMq7Channel);
    }
}
