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
    /// EG0007: a channel the type publishes on has no publisher confirms. 7.x: <c>CreateChannelAsync</c>
    /// without <c>CreateChannelOptions</c> that enable them; 6.x: a model from <c>CreateModel</c> on which the
    /// type never calls <c>ConfirmSelect</c>. The channel is followed through the local, field or property it
    /// is stored in; each such creation is judged where it is, against the publishes and <c>ConfirmSelect</c>
    /// calls of its type (every partial declaration; a nested type is a type of its own). The options are
    /// followed through a local, a private field set by its initializer or a constructor, and a private factory
    /// method of the type. Channels that arrive as parameters, or options not known at compile time, stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PublishWithoutConfirmsAnalyzer : BrokerAnalyzer
    {
        private const string Confirms7 = "create it with new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)";
        /// <summary>Locals, fields and factories followed from a CreateChannelAsync argument before giving up.</summary>
        private const int MaxOptionsSteps = 4;

        private const string Confirms6 = "call ConfirmSelect() on it and wait for the confirms";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PublishWithoutConfirms);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            RabbitMqTypes rabbit = types.RabbitMq!;
            if (rabbit.Connection == null)
            {
                return;
            }

            var channels = new ChannelsInTypes(rabbit, types.Operations);
            start.RegisterOperationAction(channels.Analyze, OperationKind.Invocation);
        }

        /// <summary>
        /// The channel creations of one compilation. Nothing is registered per type: a creation is rare, so only
        /// when an unconfirmed one is stored are the other operations of its type read (publishes and
        /// <c>ConfirmSelect</c> calls, <see cref="ChannelUses"/>), once per type.
        /// </summary>
        private sealed class ChannelsInTypes
        {
            private readonly RabbitMqTypes _rabbit;
            private readonly Fact<ChannelUses> _usesByType;

            public ChannelsInTypes(RabbitMqTypes rabbit, TypeOperations operations)
            {
                _rabbit = rabbit;
                _usesByType = operations.NewFact((type, typeOperations) => ChannelUses.Read(typeOperations, rabbit));
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                IMethodSymbol method = invocation.TargetMethod;
                bool version7 = method.Name == "CreateChannelAsync";
                if ((!version7 && method.Name != "CreateModel") || !IsOnConnection(invocation))
                {
                    return;
                }

                if (!(StorageOf(invocation) is ISymbol channel) || (version7 && ConfirmsMayBeOn(invocation, context.CancellationToken)))
                {
                    return;
                }

                INamedTypeSymbol? type = TypeOperations.OwnerOf(context.ContainingSymbol);
                if (type == null)
                {
                    return;
                }

                ChannelUses uses = _usesByType.Of(type, invocation, context.CancellationToken);
                if (!uses.PublishedOn.Contains(channel) || (!version7 && uses.ConfirmSelected.Contains(channel)))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PublishWithoutConfirms, invocation.Syntax.GetLocation(), channel.Name, version7 ? Confirms7 : Confirms6));
            }

            private bool IsOnConnection(IInvocationOperation invocation)
            {
                IMethodSymbol method = invocation.TargetMethod;
                ITypeSymbol? receiver = method.ReducedFrom != null ? method.ReceiverType
                    : method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
                    : method.ContainingType;
                return receiver.IsOrImplements(_rabbit.Connection);
            }

            /// <summary>
            /// False only when the options are known to leave confirms off: none, null, or a
            /// <c>CreateChannelOptions</c> whose confirms argument is the constant false, created inline or followed
            /// to its creation (see <see cref="FollowOptions"/>).
            /// </summary>
            private bool ConfirmsMayBeOn(IInvocationOperation invocation, CancellationToken cancellationToken)
            {
                IParameterSymbol? options = invocation.TargetMethod.Parameters.FirstOrDefault(p => p.Type.IsSameDefinition(_rabbit.CreateChannelOptions));
                IArgumentOperation? argument = options == null ? null : invocation.Arguments.ArgumentFor(options);
                if (argument == null || argument.Value.IsNullOrDefault())
                {
                    return false;
                }

                IOperation? value = FollowOptions(invocation, argument.Value, cancellationToken);
                if (value != null && value.IsNullOrDefault())
                {
                    return false;
                }

                if (!(value is IObjectCreationOperation creation) || creation.Initializer != null)
                {
                    return true;
                }

                IParameterSymbol? enabled = creation.Constructor?.FindParameter(SpecialType.System_Boolean, "publisherConfirmationsEnabled");
                Optional<object?> constant = enabled == null ? default : creation.Arguments.ArgumentFor(enabled)?.Value.WalkDownConversions().ConstantValue ?? default;
                return !(constant.HasValue && constant.Value is bool flag && !flag);
            }

            /// <summary>
            /// The value the options argument starts from, followed a few steps: a local given one value, a private
            /// field given one value by its initializer or a constructor, a private factory method's one return.
            /// <c>CreateChannelOptions</c> is immutable, so its creation says everything. Null when not known.
            /// </summary>
            private static IOperation? FollowOptions(IInvocationOperation at, IOperation value, CancellationToken cancellationToken)
            {
                IOperation root = at.GetRoot();
                for (int step = 0; step < MaxOptionsSteps; step++)
                {
                    value = value.WalkDownConversions();
                    switch (value)
                    {
                        case ILocalReferenceOperation local:
                            IOperation? assigned = root.SingleAssignedValue(local.Local);
                            if (assigned == null)
                            {
                                return null;
                            }

                            value = assigned;
                            break;
                        case IInvocationOperation factory:
                            IReturnOperation? returned = TypeMemberFlow.SingleReturnOfFactory(factory, cancellationToken);
                            if (returned?.ReturnedValue == null)
                            {
                                return null;
                            }

                            root = returned.GetRoot();
                            value = returned.ReturnedValue;
                            break;
                        case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                            IOperation? held = TypeMemberFlow.SingleValueOfField(TypeMemberFlow.UsesOfField(field.Field, at, cancellationToken));
                            if (held == null)
                            {
                                return null;
                            }

                            root = held.GetRoot();
                            value = held;
                            break;
                        default:
                            return value;
                    }
                }

                return null;
            }

            /// <summary>The channel a publish or ConfirmSelect is called on: the instance, or an extension's first argument.</summary>
            private static IOperation? Receiver(IInvocationOperation invocation) =>
                invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

            /// <summary>The local, field or property a channel expression reads, when it reads one.</summary>
            private static ISymbol? StoredSymbol(IOperation? operation)
            {
                switch (operation?.WalkDownConversions())
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                        return field.Field.OriginalDefinition;
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0 && (property.Instance == null || property.Instance is IInstanceReferenceOperation):
                        return property.Property.OriginalDefinition;
                    default:
                        return null;
                }
            }

            /// <summary>Where a created channel is stored: <c>var channel = await ...</c> or <c>_channel = await ...</c>.</summary>
            private static ISymbol? StorageOf(IOperation creation)
            {
                IOperation node = creation;
                while (node.Parent is IAwaitOperation || node.Parent is IConversionOperation)
                {
                    node = node.Parent;
                }

                switch (node.Parent)
                {
                    case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                        return declarator.Symbol;
                    case ISimpleAssignmentOperation assignment when assignment.Value == node:
                        return StoredSymbol(assignment.Target);
                    case IFieldInitializerOperation fields when fields.InitializedFields.Length == 1:
                        return fields.InitializedFields[0].OriginalDefinition;
                    case IPropertyInitializerOperation properties when properties.InitializedProperties.Length == 1:
                        return properties.InitializedProperties[0].OriginalDefinition;
                    default:
                        return null;
                }
            }

            /// <summary>The locals, fields and properties one type publishes on, and those it calls <c>ConfirmSelect</c> on.</summary>
            private sealed class ChannelUses
            {
                private ChannelUses(HashSet<ISymbol> publishedOn, HashSet<ISymbol> confirmSelected)
                {
                    PublishedOn = publishedOn;
                    ConfirmSelected = confirmSelected;
                }

                public HashSet<ISymbol> PublishedOn { get; }

                public HashSet<ISymbol> ConfirmSelected { get; }

                public static ChannelUses Read(IEnumerable<IOperation> operations, RabbitMqTypes rabbit)
                {
                    var publishedOn = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                    var confirmSelected = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                    foreach (IOperation operation in operations)
                    {
                        if (!(operation is IInvocationOperation invocation))
                        {
                            continue;
                        }

                        IMethodSymbol method = invocation.TargetMethod;
                        HashSet<ISymbol>? into = PublishProperties.IsPublish(method, rabbit) ? publishedOn
                            : method.Name == "ConfirmSelect" && rabbit.IsOnChannel(method) ? confirmSelected
                            : null;
                        if (into != null && StoredSymbol(Receiver(invocation)) is ISymbol channel)
                        {
                            into.Add(channel);
                        }
                    }

                    return new ChannelUses(publishedOn, confirmSelected);
                }
            }
        }
    }
}
