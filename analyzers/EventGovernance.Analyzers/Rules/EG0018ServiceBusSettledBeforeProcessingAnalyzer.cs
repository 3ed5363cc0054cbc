using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// <item>A <c>ProcessMessageAsync</c> handler that can throw (see <see cref="HandlerExceptions"/>) on a processor
    /// whose options set <c>AutoCompleteMessages = true</c> explicitly: the SDK settles the message, and a failure
    /// abandons it into an immediate redelivery, up to MaxDeliveryCount, then the dead-letter queue.</item>
    /// </list>
    /// The processor is followed to its <c>CreateProcessor</c> call through a local or a field (assigned in the
    /// method that adds the handler, or once in a constructor); its options through a local, a private field or a
    /// private factory method of the type. A processor or options from elsewhere stay silent.
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
                    "'" + property.Property.ContainingType.Name + ".ReceiveMode' is ReceiveAndDelete: each message is deleted as it is received, so a message whose processing fails is gone",
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
            if (body == null)
            {
                return;
            }

            AutoComplete autoComplete = AutoCompletes(reference.Instance, added, serviceBus, context.CancellationToken);
            if (autoComplete != AutoComplete.Default && autoComplete != AutoComplete.ExplicitOn)
            {
                return;
            }

            if (SwallowingCatch(body, serviceBus) is ICatchClauseOperation swallowing)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ServiceBusSettledBeforeProcessing,
                    added.Syntax.GetLocation(),
                    new[] { swallowing.Syntax.GetLocation() },
                    "The ProcessMessageAsync handler catches every exception without rethrowing or settling the message while AutoCompleteMessages is on: the processor completes it, so a message whose processing failed is gone",
                    "rethrow, or abandon or dead-letter the message in the catch, or set AutoCompleteMessages = false and settle it yourself"));
                return;
            }

            // The default (AutoCompleteMessages not set) with a handler that may throw is safe enough: the SDK
            // abandons a failed message. Setting it to true on purpose is judged: settling belongs to the handler.
            if (autoComplete == AutoComplete.ExplicitOn && HandlerExceptions.FirstThatCanEscape(body, serviceBus.Exception) is IOperation escaping)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ServiceBusSettledBeforeProcessing,
                    added.Syntax.GetLocation(),
                    new[] { escaping.Syntax.GetLocation() },
                    "AutoCompleteMessages = true lets the processor, not the handler that knows whether processing succeeded, settle each message, and the ProcessMessageAsync handler can throw: a failed message is abandoned, redelivered at once and dead-lettered after MaxDeliveryCount attempts",
                    "set AutoCompleteMessages = false, call CompleteMessageAsync after processing succeeds, and AbandonMessageAsync or DeadLetterMessageAsync in a catch"));
            }
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

        /// <summary>What the processor's options say about auto-completion.</summary>
        private enum AutoComplete
        {
            /// <summary>Options not known at compile time.</summary>
            Unknown,

            /// <summary>No options, or options that leave AutoCompleteMessages unset (it defaults to true).</summary>
            Default,

            /// <summary>AutoCompleteMessages set to the constant true.</summary>
            ExplicitOn,

            /// <summary>AutoCompleteMessages set to the constant false.</summary>
            Off,
        }

        /// <summary>
        /// Follows the processor to its <c>CreateProcessor</c> call (a local, or a field assigned in the same member
        /// or, failing that, once in a constructor or initializer), then its options (see <see cref="OptionsAutoComplete"/>).
        /// </summary>
        private static AutoComplete AutoCompletes(IOperation? processor, IOperation at, ServiceBusTypes serviceBus, CancellationToken cancellationToken)
        {
            IOperation root = at.GetRoot();
            IOperation? created;
            switch (processor?.WalkDownConversions())
            {
                case ILocalReferenceOperation local:
                    created = root.SingleAssignedValue(local.Local);
                    break;
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    created = SingleAssignmentTo(root, field.Field, out int writes);
                    if (writes == 0)
                    {
                        created = TypeMemberFlow.SingleValueOfField(TypeMemberFlow.UsesOfField(field.Field, at, cancellationToken));
                        root = created?.GetRoot() ?? root;
                    }

                    break;
                default:
                    return AutoComplete.Unknown;
            }

            if (!(created?.WalkDownConversions() is IInvocationOperation call) || !IsCreateProcessor(call, serviceBus))
            {
                return AutoComplete.Unknown;
            }

            IArgumentOperation? options = call.Arguments.FirstOrDefault(a => serviceBus.IsProcessorOptions(a.Parameter?.Type));
            if (options == null || options.Value.IsNullOrDefault())
            {
                return AutoComplete.Default;
            }

            return OptionsAutoComplete(options.Value, root, at, serviceBus, cancellationToken);
        }

        private static bool IsCreateProcessor(IInvocationOperation call, ServiceBusTypes serviceBus) =>
            (call.TargetMethod.Name == "CreateProcessor" || call.TargetMethod.Name == "CreateSessionProcessor")
            && serviceBus.IsProcessor(call.TargetMethod.ReturnType);

        /// <summary>
        /// Processor options created inline, in a local given one creation (or one factory result) with the writes to
        /// it, returned by a private factory method of the same type, or held in a private field given one value by
        /// its initializer or a constructor (a write in another member makes it not known).
        /// </summary>
        private static AutoComplete OptionsAutoComplete(IOperation value, IOperation root, IOperation at, ServiceBusTypes serviceBus, CancellationToken cancellationToken)
        {
            switch (value.WalkDownConversions())
            {
                case IObjectCreationOperation creation:
                    return FromCreation(creation);
                case ILocalReferenceOperation local:
                    IOperation? assigned = root.SingleAssignedValue(local.Local)?.WalkDownConversions();
                    AutoComplete start = assigned is IObjectCreationOperation created ? FromCreation(created)
                        : assigned is IInvocationOperation assignedFactory ? FromFactory(assignedFactory, serviceBus, cancellationToken)
                        : AutoComplete.Unknown;
                    return ApplyLocalWrites(start, root, local.Local, serviceBus, mayReturn: false);
                case IInvocationOperation factory:
                    return FromFactory(factory, serviceBus, cancellationToken);
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    return FromField(field.Field, at, serviceBus, cancellationToken);
                default:
                    return AutoComplete.Unknown;
            }
        }

        private static AutoComplete FromCreation(IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length != 0)
            {
                return AutoComplete.Unknown;
            }

            AutoComplete state = AutoComplete.Default;
            foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (initializer is IAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property && property.Property.Name == AutoCompleteMessages)
                {
                    state = Written(assignment);
                }
            }

            return state;
        }

        /// <summary>What a private factory method of the same type returns: a creation, or a local it creates, writes to and returns.</summary>
        private static AutoComplete FromFactory(IInvocationOperation call, ServiceBusTypes serviceBus, CancellationToken cancellationToken)
        {
            IReturnOperation? returned = TypeMemberFlow.SingleReturnOfFactory(call, cancellationToken);
            switch (returned?.ReturnedValue?.WalkDownConversions())
            {
                case IObjectCreationOperation creation:
                    return FromCreation(creation);
                case ILocalReferenceOperation local:
                    IOperation root = returned.GetRoot();
                    AutoComplete start = root.SingleAssignedValue(local.Local)?.WalkDownConversions() is IObjectCreationOperation created ? FromCreation(created) : AutoComplete.Unknown;
                    return ApplyLocalWrites(start, root, local.Local, serviceBus, mayReturn: true);
                default:
                    return AutoComplete.Unknown;
            }
        }

        private static AutoComplete FromField(IFieldSymbol field, IOperation at, ServiceBusTypes serviceBus, CancellationToken cancellationToken)
        {
            IReadOnlyList<(IOperation Use, UseSite Site)>? uses = TypeMemberFlow.UsesOfField(field, at, cancellationToken);
            IOperation? held = TypeMemberFlow.SingleValueOfField(uses);
            AutoComplete state = held?.WalkDownConversions() is IObjectCreationOperation created ? FromCreation(created)
                : held?.WalkDownConversions() is IInvocationOperation factory ? FromFactory(factory, serviceBus, cancellationToken)
                : AutoComplete.Unknown;
            foreach ((IOperation use, UseSite site) in uses ?? Array.Empty<(IOperation, UseSite)>())
            {
                if (state == AutoComplete.Unknown)
                {
                    break;
                }

                if (!(use is IFieldInitializerOperation))
                {
                    state = ApplyUse(state, use, serviceBus, mayReturn: false, knownOrder: site == UseSite.Constructor);
                }
            }

            return state;
        }

        private static AutoComplete ApplyLocalWrites(AutoComplete state, IOperation root, ILocalSymbol holder, ServiceBusTypes serviceBus, bool mayReturn)
        {
            foreach (ILocalReferenceOperation use in root.Descendants().OfType<ILocalReferenceOperation>().Where(u => SymbolEqualityComparer.Default.Equals(u.Local, holder)))
            {
                if (state == AutoComplete.Unknown)
                {
                    break;
                }

                state = ApplyUse(state, use, serviceBus, mayReturn, knownOrder: true);
            }

            return state;
        }

        /// <summary>One use of the local or field holding the options: a write, a read, the processor's argument, or escape.</summary>
        private static AutoComplete ApplyUse(AutoComplete state, IOperation use, ServiceBusTypes serviceBus, bool mayReturn, bool knownOrder)
        {
            switch (use.Parent)
            {
                case IPropertyReferenceOperation property when property.Parent is IAssignmentOperation assignment && assignment.Target == property:
                    if (property.Property.Name != AutoCompleteMessages)
                    {
                        return state;
                    }

                    return knownOrder && (state == AutoComplete.Default || state == AutoComplete.ExplicitOn) ? Written(assignment) : AutoComplete.Unknown;
                case IPropertyReferenceOperation _:
                    return state;
                case IAssignmentOperation assignment when assignment.Target == use:
                    // The one assignment already followed.
                    return state;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation call && IsCreateProcessor(call, serviceBus):
                    return state;
                case IReturnOperation _ when mayReturn:
                    return state;
                default:
                    // Copied to another variable or handed to other code: its settings are not known.
                    return AutoComplete.Unknown;
            }
        }

        private static AutoComplete Written(IAssignmentOperation assignment)
        {
            if (!(assignment is ISimpleAssignmentOperation))
            {
                return AutoComplete.Unknown;
            }

            Optional<object?> constant = assignment.Value.WalkDownConversions().ConstantValue;
            return !constant.HasValue || !(constant.Value is bool flag) ? AutoComplete.Unknown
                : flag ? AutoComplete.ExplicitOn : AutoComplete.Off;
        }

        /// <summary>The value of the one simple assignment to a field in the member body, or null when there is not exactly one.</summary>
        private static IOperation? SingleAssignmentTo(IOperation root, IFieldSymbol field, out int writes)
        {
            IOperation? value = null;
            writes = 0;
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
