using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0008: a Kafka producer (<c>ProducerBuilder&lt;,&gt;.Build()</c>) or a RabbitMQ connection
    /// (<c>IConnectionFactory.CreateConnection(Async)</c>) opened for each message: inside a loop that also
    /// publishes, or in a method that opens it, publishes once (no publish in a loop) and disposes it, which is
    /// what a per-message <c>PublishAsync(order)</c> looks like. Program entry points run once and are not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConnectionPerMessageAnalyzer : BrokerAnalyzer
    {
        private const string InLoop = "inside a loop that publishes";
        private const string PerCall = "in a method that publishes once and disposes it";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ConnectionPerMessage);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka | BrokerLibrary.RabbitMq;

        public override bool AnyRequiredLibrary => true;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types) =>
            start.RegisterOperationAction(c => Analyze(c, types), OperationKind.Invocation);

        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            var open = (IInvocationOperation)context.Operation;
            string? what = Opens(open.TargetMethod, types);
            if (what == null || IsEntryPoint(context.ContainingSymbol))
            {
                return;
            }

            string? how = null;
            ILoopOperation? loop = EnclosingLoop(open);
            if (loop != null)
            {
                if (loop.Body.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => PublishCalls.IsPublish(i, types)))
                {
                    how = InLoop;
                }
            }
            else if (IsDisposedHere(open) && PublishesOnceOnly(open.GetRoot(), types))
            {
                how = PerCall;
            }

            if (how != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ConnectionPerMessage, KafkaProduceCall.LocationOf(open.Syntax), open.TargetMethod.Name, how, what));
            }
        }

        /// <summary>"producer" or "connection" when the call opens one, otherwise null.</summary>
        private static string? Opens(IMethodSymbol method, KnownTypes types)
        {
            if (method.Name == "Build" && types.Kafka?.ProducerBuilder != null && method.ContainingType.IsOrDerivesFrom(types.Kafka.ProducerBuilder))
            {
                return "producer";
            }

            return (method.Name == "CreateConnection" || method.Name == "CreateConnectionAsync")
                   && method.ContainingType.IsOrImplements(types.RabbitMqConnectionFactory)
                ? "connection"
                : null;
        }

        private static bool IsEntryPoint(ISymbol symbol) =>
            symbol is IMethodSymbol method && method.IsStatic && (method.Name == "Main" || method.Name == "<Main>$");

        /// <summary>The nearest loop around the call in the same function (a lambda or local function is a boundary).</summary>
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (IOperation? parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation loop:
                        return loop;
                    case IAnonymousFunctionOperation _:
                    case ILocalFunctionOperation _:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The opened client goes into a <c>using</c> local or statement, or a local that is disposed in the method.</summary>
        private static bool IsDisposedHere(IInvocationOperation open)
        {
            IOperation value = open;
            while (value.Parent is IAwaitOperation || value.Parent is IConversionOperation)
            {
                value = value.Parent;
            }

            if (!(value.Parent is IVariableInitializerOperation initializer) || !(initializer.Parent is IVariableDeclaratorOperation declarator))
            {
                return false;
            }

            // declarator -> declaration -> declaration group -> using declaration or using statement
            IOperation? owner = declarator.Parent?.Parent?.Parent;
            if (owner is IUsingDeclarationOperation || owner is IUsingOperation)
            {
                return true;
            }

            ILocalSymbol local = declarator.Symbol;
            return open.GetRoot().Descendants().OfType<IInvocationOperation>().Any(i =>
                (i.TargetMethod.Name == "Dispose" || i.TargetMethod.Name == "DisposeAsync") && i.Instance.References(local));
        }

        /// <summary>The method publishes, and no publish sits in a loop (a batch sent over one client is fine).</summary>
        private static bool PublishesOnceOnly(IOperation root, KnownTypes types)
        {
            bool publishes = false;
            foreach (IInvocationOperation call in root.Descendants().OfType<IInvocationOperation>())
            {
                if (!PublishCalls.IsPublish(call, types))
                {
                    continue;
                }

                if (EnclosingLoop(call) != null)
                {
                    return false;
                }

                publishes = true;
            }

            return publishes;
        }
    }
}
