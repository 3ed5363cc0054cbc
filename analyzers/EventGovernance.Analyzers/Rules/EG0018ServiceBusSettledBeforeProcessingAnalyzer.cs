using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0018: an Azure Service Bus message is settled before processing succeeded.
    /// <list type="bullet">
    /// <item><c>ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete</c> on receiver or processor options
    /// (plain or session), in an initializer or an assignment.</item>
    /// <item>A <c>ProcessMessageAsync</c> handler that cannot fail: its body ends in a try whose catch
    /// takes every exception (<c>catch</c>, <c>catch (Exception)</c> without a filter) and neither rethrows nor
    /// settles the message (abandon, dead-letter, defer), on a processor whose <c>AutoCompleteMessages</c> is on
    /// (the default). The processor abandons a message whose handler throws, so a handler that may throw is
    /// safe; one that swallows the failure returns normally and the failed message is completed.</item>
    /// </list>
    /// The processor is followed to its <c>CreateProcessor</c> call through a local or a field assigned in the
    /// method that adds the handler; a processor or options from elsewhere stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ServiceBusSettledBeforeProcessingAnalyzer : BrokerAnalyzer
    {
        private const string AutoCompleteMessages = "AutoCompleteMessages";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ServiceBusSettledBeforeProcessing);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.ServiceBus;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            ServiceBusTypes serviceBus = types.ServiceBus!;
            if (serviceBus.ReceiveAndDelete != null)
            {
                start.RegisterOperationAction(c => AnalyzeReceiveMode(c, serviceBus), OperationKind.SimpleAssignment);
            }

            start.RegisterOperationAction(c => AnalyzeHandler(c, serviceBus), OperationKind.EventAssignment);
        }

        private static void AnalyzeReceiveMode(OperationAnalysisContext context, ServiceBusTypes serviceBus)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!(assignment.Target is IPropertyReferenceOperation property)
                || property.Property.Name != "ReceiveMode"
                || !serviceBus.HasReceiveMode(property.Property.ContainingType))
            {
                return;
            }

            Optional<object?> constant = assignment.Value.WalkDownConversions().ConstantValue;
            if (constant.HasValue && serviceBus.ReceiveAndDelete!.HasConstantValue && Equals(constant.Value, serviceBus.ReceiveAndDelete.ConstantValue))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ServiceBusSettledBeforeProcessing,
                    assignment.Syntax.GetLocation(),
                    "'" + property.Property.ContainingType.Name + ".ReceiveMode' is ReceiveAndDelete: each message is deleted as it is received",
                    "use PeekLock (the default) and settle the message after processing"));
            }
        }

        private static void AnalyzeHandler(OperationAnalysisContext context, ServiceBusTypes serviceBus)
        {
            var added = (IEventAssignmentOperation)context.Operation;
            if (!added.Adds
                || !(added.EventReference is IEventReferenceOperation reference)
                || reference.Event.Name != "ProcessMessageAsync"
                || !serviceBus.IsProcessor(reference.Event.ContainingType))
            {
                return;
            }

            IBlockOperation? body = HandlerBody(added);
            ICatchClauseOperation? swallowing = body == null ? null : SwallowingCatch(body, serviceBus);
            if (swallowing == null || AutoCompletes(reference.Instance, added, serviceBus) != true)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ServiceBusSettledBeforeProcessing,
                added.Syntax.GetLocation(),
                new[] { swallowing.Syntax.GetLocation() },
                "The ProcessMessageAsync handler catches every exception without rethrowing or settling the message while AutoCompleteMessages is on: the processor completes it",
                "rethrow, or abandon or dead-letter the message in the catch, or set AutoCompleteMessages = false and settle it yourself"));
        }

        /// <summary>The body of a lambda, a local function or a method of the same file added as the handler; null otherwise.</summary>
        private static IBlockOperation? HandlerBody(IEventAssignmentOperation added)
        {
            IOperation handler = added.HandlerValue.WalkDownConversions();
            if (handler is IDelegateCreationOperation creation)
            {
                handler = creation.Target;
            }

            switch (handler)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Body;
                case IMethodReferenceOperation method when method.Method.MethodKind == MethodKind.LocalFunction:
                    return added.GetRoot().Descendants().OfType<ILocalFunctionOperation>()
                        .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, method.Method.OriginalDefinition))?.Body;
                case IMethodReferenceOperation method when added.SemanticModel != null:
                    foreach (SyntaxReference declaration in method.Method.OriginalDefinition.DeclaringSyntaxReferences)
                    {
                        if (declaration.SyntaxTree == added.Syntax.SyntaxTree
                            && added.SemanticModel.GetOperation(declaration.GetSyntax()) is IMethodBodyOperation body)
                        {
                            return body.BlockBody;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A catch-all clause of the try that ends the handler body, whose block neither throws nor calls a
        /// settling method on the event args. A try followed by more work is not judged: the work after it is
        /// the processing, and it may still throw (the processor then abandons the message).
        /// </summary>
        private static ICatchClauseOperation? SwallowingCatch(IBlockOperation body, ServiceBusTypes serviceBus)
        {
            if (!(body.Operations.LastOrDefault(o => !(o is IReturnOperation returned && returned.IsImplicit)) is ITryOperation attempt))
            {
                return null;
            }

            foreach (ICatchClauseOperation clause in attempt.Catches)
            {
                if (clause.Filter == null && CatchesEverything(clause.ExceptionType, serviceBus)
                    && !clause.Handler.Descendants().Any(o => o is IThrowOperation || Settles(o, serviceBus)))
                {
                    return clause;
                }
            }

            return null;
        }

        /// <summary><c>catch</c> (typed as object) or <c>catch (Exception)</c>.</summary>
        private static bool CatchesEverything(ITypeSymbol type, ServiceBusTypes serviceBus) =>
            type.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(type, serviceBus.Exception);

        /// <summary>A call on the handler's event args that abandons, dead-letters or defers the message.</summary>
        private static bool Settles(IOperation operation, ServiceBusTypes serviceBus) =>
            operation is IInvocationOperation call
            && (call.TargetMethod.ContainingType.IsOrDerivesFrom(serviceBus.MessageEventArgs) || call.TargetMethod.ContainingType.IsOrDerivesFrom(serviceBus.SessionMessageEventArgs))
            && (call.TargetMethod.Name == "AbandonMessageAsync" || call.TargetMethod.Name == "DeadLetterMessageAsync" || call.TargetMethod.Name == "DeferMessageAsync");

        /// <summary>True when the processor is known to complete messages automatically, false when known not to, null when not known.</summary>
        private static bool? AutoCompletes(IOperation? processor, IOperation at, ServiceBusTypes serviceBus)
        {
            IOperation root = at.GetRoot();
            IOperation? created;
            switch (processor?.WalkDownConversions())
            {
                case ILocalReferenceOperation local:
                    created = root.SingleAssignedValue(local.Local);
                    break;
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    created = SingleAssignmentTo(root, field.Field);
                    break;
                default:
                    return null;
            }

            if (!(created?.WalkDownConversions() is IInvocationOperation call)
                || !(call.TargetMethod.Name == "CreateProcessor" || call.TargetMethod.Name == "CreateSessionProcessor")
                || !serviceBus.IsProcessor(call.TargetMethod.ReturnType))
            {
                return null;
            }

            IArgumentOperation? options = call.Arguments.FirstOrDefault(a => serviceBus.IsProcessorOptions(a.Parameter?.Type));
            if (options == null || options.Value.IsNullOrDefault())
            {
                return true;
            }

            IOperation value = options.Value.WalkDownConversions();
            ILocalSymbol? holder = (value as ILocalReferenceOperation)?.Local;
            if (holder != null)
            {
                value = root.SingleAssignedValue(holder)?.WalkDownConversions() ?? value;
            }

            if (!(value is IObjectCreationOperation creation) || creation.Arguments.Length != 0)
            {
                return null;
            }

            bool? autoCompletes = true;
            foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is IAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property && property.Property.Name == AutoCompleteMessages)
                {
                    autoCompletes = BoolConstant(assignment);
                }
            }

            if (holder != null)
            {
                foreach (ILocalReferenceOperation use in root.Descendants().OfType<ILocalReferenceOperation>().Where(u => SymbolEqualityComparer.Default.Equals(u.Local, holder)))
                {
                    switch (use.Parent)
                    {
                        case IPropertyReferenceOperation property when property.Parent is IAssignmentOperation assignment && assignment.Target == property:
                            if (property.Property.Name == AutoCompleteMessages)
                            {
                                autoCompletes = autoCompletes == true ? BoolConstant(assignment) : null;
                            }

                            break;
                        case IPropertyReferenceOperation _:
                            break;
                        case IArgumentOperation argument when argument == options || argument.Parent == call:
                            break;
                        default:
                            // Copied to another variable or handed to other code: its settings are not known.
                            return null;
                    }
                }
            }

            return autoCompletes;
        }

        private static bool? BoolConstant(IAssignmentOperation assignment)
        {
            if (!(assignment is ISimpleAssignmentOperation))
            {
                return null;
            }

            Optional<object?> constant = assignment.Value.WalkDownConversions().ConstantValue;
            return constant.HasValue && constant.Value is bool flag ? flag : (bool?)null;
        }

        /// <summary>The value of the one simple assignment to a field in the member body, or null when there is not exactly one.</summary>
        private static IOperation? SingleAssignmentTo(IOperation root, IFieldSymbol field)
        {
            IOperation? value = null;
            int writes = 0;
            foreach (IAssignmentOperation assignment in root.Descendants().OfType<IAssignmentOperation>())
            {
                if (assignment.Target is IFieldReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Field, field))
                {
                    value = assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                    writes++;
                }
            }

            return writes == 1 ? value : null;
        }
    }
}
