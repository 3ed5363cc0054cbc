using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0016: <c>ProduceAsync</c> or <c>BasicPublishAsync</c> called as a statement of its own, so its task
    /// (and with it any failure of the send) is dropped. A task that is awaited, assigned (a discard
    /// <c>_ = </c> included: that is a visible choice), returned or passed to another call is handled.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DiscardedPublishTaskAnalyzer : BrokerAnalyzer
    {
        private const string ConfigureAwait = "ConfigureAwait";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DiscardedPublishTask);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka | BrokerLibrary.RabbitMq;

        public override bool AnyRequiredLibrary => true;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types) =>
            start.RegisterOperationAction(c => Analyze(c, types), OperationKind.ExpressionStatement);

        /// <summary>Starts from the statement, so only calls whose value is thrown away are looked at.</summary>
        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            IOperation value = ((IExpressionStatementOperation)context.Operation).Operation;
            IInvocationOperation? publish = DiscardedCall(value);
            if (publish != null && PublishCalls.IsAsyncPublish(publish.TargetMethod, types))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DiscardedPublishTask, KafkaProduceCall.LocationOf(publish.Syntax), publish.TargetMethod.Name));
            }
        }

        /// <summary>
        /// The call whose result the statement drops: the statement's own call, seen through
        /// <c>.ConfigureAwait(...)</c> and a null-conditional <c>producer?.ProduceAsync(...)</c>.
        /// </summary>
        private static IInvocationOperation? DiscardedCall(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConditionalAccessOperation conditional:
                        value = conditional.WhenNotNull;
                        break;
                    case IInvocationOperation invocation when invocation.TargetMethod.Name == ConfigureAwait && invocation.Instance != null:
                        value = invocation.Instance.WalkDownConversions();
                        break;
                    case IInvocationOperation invocation:
                        return invocation;
                    default:
                        return null;
                }
            }
        }
    }
}
