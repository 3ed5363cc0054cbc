using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0011: <c>BasicNack</c>/<c>BasicReject</c> (and the async forms) with the constant <c>requeue: true</c>
    /// inside a <c>catch</c>: a message that always fails is redelivered straight away, forever. A requeue
    /// under a condition that reads <c>Redelivered</c> or compares a count (a bounded retry) is not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequeueInCatchAnalyzer : BrokerAnalyzer
    {
        private static readonly ImmutableHashSet<string> RejectMethods =
            ImmutableHashSet.Create("BasicNack", "BasicNackAsync", "BasicReject", "BasicRejectAsync");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RequeueInCatch);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            RabbitMqTypes rabbit = types.RabbitMq!;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, rabbit), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RabbitMqTypes rabbit)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (!RejectMethods.Contains(method.Name) || !rabbit.IsOnChannel(method))
            {
                return;
            }

            IParameterSymbol? requeue = method.FindParameter(SpecialType.System_Boolean, "requeue");
            IArgumentOperation? argument = requeue == null ? null : invocation.Arguments.ArgumentFor(requeue);
            Optional<object?> constant = argument?.Value.WalkDownConversions().ConstantValue ?? default;
            if (argument == null || !constant.HasValue || !(constant.Value is bool flag) || !flag || !InUnboundedCatch(invocation))
            {
                return;
            }

            SyntaxNode at = argument.IsImplicit ? invocation.Syntax : argument.Syntax;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RequeueInCatch, at.GetLocation(), method.Name));
        }

        /// <summary>
        /// True inside a catch block of the same method (a lambda or local function declared in it runs
        /// later, elsewhere), with no condition on the way that bounds the retries.
        /// </summary>
        private static bool InUnboundedCatch(IOperation operation)
        {
            for (IOperation? parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return false;
                    case IConditionalOperation conditional when BoundsRetries(conditional.Condition):
                        return false;
                    case ICatchClauseOperation catchClause:
                        return catchClause.Filter == null || !BoundsRetries(catchClause.Filter);
                }
            }

            return false;
        }

        /// <summary>A condition that reads the redelivered flag or compares a number, e.g. <c>attempts &lt; MaxAttempts</c>.</summary>
        private static bool BoundsRetries(IOperation condition) =>
            condition.DescendantsAndSelf().Any(o =>
                (o is IMemberReferenceOperation member && member.Member.Name == "Redelivered")
                || (o is IBinaryOperation binary && IsRelational(binary.OperatorKind))
                || (o is IRelationalPatternOperation));

        private static bool IsRelational(BinaryOperatorKind kind) =>
            kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual
            || kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual;
    }
}
