using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>What a publish call is known to send as its message properties.</summary>
    internal enum PropertiesKind
    {
        /// <summary>An overload without properties (7.x extension overloads send empty ones).</summary>
        None,

        /// <summary><c>null</c> or <c>default</c> (6.x sends empty properties).</summary>
        Null,

        /// <summary>Properties created in the publishing method, whose writes are all known.</summary>
        Created,

        /// <summary>Properties from somewhere we do not follow: a parameter, a field, code they escape to.</summary>
        Unknown,
    }

    /// <summary>
    /// The properties of one RabbitMQ publish (<c>BasicPublish</c> in 6.x, <c>BasicPublishAsync</c> in 7.x):
    /// none, null, or properties whose creation we can see, with every write to them: created inline or in a
    /// local given exactly one value; returned by a private factory method of the same type (created there,
    /// inline or in a local); or held in a private field given one value by its initializer or a constructor.
    /// Writes come from the object initializer and from <c>holder.Member = value</c>. Order is ignored on
    /// purpose: a write anywhere counts, so the rules stay quiet on loops and branches they cannot order.
    /// Properties handed to anything but a publish are Unknown, and so is anything from a parameter, a
    /// public or virtual factory or another type.
    /// </summary>
    internal sealed class PublishProperties
    {
        public const string PropertiesParameter = "basicProperties";

        private static readonly PublishProperties UnknownProperties = new PublishProperties(PropertiesKind.Unknown, null, null, null);

        private readonly Dictionary<string, List<IOperation?>> _writes = new Dictionary<string, List<IOperation?>>(StringComparer.Ordinal);

        private PublishProperties(PropertiesKind kind, IArgumentOperation? argument, IOperation? creation, ILocalSymbol? local)
        {
            Kind = kind;
            Argument = argument;
            Creation = creation;
            Local = local;
        }

        public PropertiesKind Kind { get; private set; }

        /// <summary>The explicit properties argument; null for an overload without one or an omitted optional one.</summary>
        public IArgumentOperation? Argument { get; }

        /// <summary><c>new BasicProperties { ... }</c> or <c>channel.CreateBasicProperties()</c> when Kind is Created.</summary>
        public IOperation? Creation { get; }

        /// <summary>The local the creation is held in, or null when it is passed inline.</summary>
        public ILocalSymbol? Local { get; }

        /// <summary>The creation was followed out of the publishing method (a factory or a field): no code fix edits it.</summary>
        public bool Followed { get; private set; }

        /// <summary>True for <c>BasicPublish</c>/<c>BasicPublishAsync</c> on a channel, instance or extension.</summary>
        public static bool IsPublish(IMethodSymbol method, RabbitMqTypes rabbit) =>
            (method.Name == "BasicPublish" || method.Name == "BasicPublishAsync") && rabbit.IsOnChannel(method);

        /// <summary>The values written to a property (null for a compound write); empty when it is never written.</summary>
        public IReadOnlyList<IOperation?> WritesTo(string member) =>
            _writes.TryGetValue(member, out List<IOperation?>? values) ? values : (IReadOnlyList<IOperation?>)Array.Empty<IOperation?>();

        /// <summary>True when some write gives the property a value that is not a null constant.</summary>
        public bool SetsNonNull(string member)
        {
            foreach (IOperation? value in WritesTo(member))
            {
                if (value == null || !value.IsNullOrDefault())
                {
                    return true;
                }
            }

            return false;
        }

        public static PublishProperties Of(IInvocationOperation publish, RabbitMqTypes rabbit, CancellationToken cancellationToken)
        {
            IParameterSymbol? parameter = null;
            foreach (IParameterSymbol candidate in publish.TargetMethod.Parameters)
            {
                if (candidate.Name == PropertiesParameter)
                {
                    parameter = candidate;
                }
            }

            if (parameter == null)
            {
                return new PublishProperties(PropertiesKind.None, null, null, null);
            }

            IArgumentOperation? argument = publish.Arguments.ArgumentFor(parameter);
            if (argument == null)
            {
                return UnknownProperties;
            }

            IArgumentOperation? explicitArgument = argument.IsImplicit ? null : argument;
            IOperation value = argument.Value.WalkDownConversions();
            if (value.IsNullOrDefault())
            {
                return new PublishProperties(PropertiesKind.Null, explicitArgument, null, null);
            }

            if (IsCreation(value, rabbit))
            {
                var inline = new PublishProperties(PropertiesKind.Created, explicitArgument, value, null);
                inline.CollectInitializer(value);
                return inline;
            }

            // Following starts only here: a local, a field or a call to the type's own factory.
            switch (value)
            {
                case ILocalReferenceOperation reference:
                    return FromLocal(publish, reference.Local, explicitArgument, rabbit, cancellationToken);
                case IInvocationOperation factory:
                    return FromFactory(factory, explicitArgument, rabbit, cancellationToken);
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    return FromField(publish, field.Field, explicitArgument, rabbit, cancellationToken);
                default:
                    return UnknownProperties;
            }
        }

        /// <summary>A local given exactly one value: a creation (with the writes to it) or what a factory returns (then written to).</summary>
        private static PublishProperties FromLocal(IInvocationOperation publish, ILocalSymbol local, IArgumentOperation? argument, RabbitMqTypes rabbit, CancellationToken cancellationToken)
        {
            IOperation root = publish.GetRoot();
            IOperation? assigned = root.SingleAssignedValue(local)?.WalkDownConversions();
            PublishProperties properties;
            if (assigned != null && IsCreation(assigned, rabbit))
            {
                properties = new PublishProperties(PropertiesKind.Created, argument, assigned, local);
                properties.CollectInitializer(assigned);
            }
            else if (assigned is IInvocationOperation factory)
            {
                properties = FromFactory(factory, argument, rabbit, cancellationToken);
            }
            else
            {
                return UnknownProperties;
            }

            if (properties.Kind != PropertiesKind.Unknown)
            {
                properties.CollectLocalUses(root, local, rabbit, mayReturn: false);
            }

            return properties;
        }

        /// <summary>
        /// What a private factory method of the same type returns (see <see cref="TypeMemberFlow.SingleReturnOfFactory"/>):
        /// a creation, or a local holding one with the writes to it in the factory. Factories are not followed further.
        /// </summary>
        private static PublishProperties FromFactory(IInvocationOperation call, IArgumentOperation? argument, RabbitMqTypes rabbit, CancellationToken cancellationToken)
        {
            IReturnOperation? returned = TypeMemberFlow.SingleReturnOfFactory(call, cancellationToken);
            IOperation? value = returned?.ReturnedValue?.WalkDownConversions();
            if (returned == null || value == null)
            {
                return UnknownProperties;
            }

            ILocalSymbol? local = (value as ILocalReferenceOperation)?.Local;
            IOperation root = returned.GetRoot();
            IOperation? creation = local == null ? value : root.SingleAssignedValue(local)?.WalkDownConversions();
            if (creation == null || !IsCreation(creation, rabbit))
            {
                return UnknownProperties;
            }

            var properties = new PublishProperties(PropertiesKind.Created, argument, creation, null) { Followed = true };
            properties.CollectInitializer(creation);
            if (local != null)
            {
                properties.CollectLocalUses(root, local, rabbit, mayReturn: true);
            }

            return properties;
        }

        /// <summary>
        /// A private field of the publisher's type given one value, by its initializer or by one constructor assignment:
        /// a creation or a factory's result. Writes to it in a constructor count; a write in another member may come
        /// before or after the publish, so it counts as a write of a value not known. Handed to anything but a
        /// publish, or given a value elsewhere, the properties are not known.
        /// </summary>
        private static PublishProperties FromField(IInvocationOperation publish, IFieldSymbol field, IArgumentOperation? argument, RabbitMqTypes rabbit, CancellationToken cancellationToken)
        {
            IReadOnlyList<(IOperation Use, UseSite Site)>? uses = TypeMemberFlow.UsesOfField(field, publish, cancellationToken);
            if (uses == null)
            {
                return UnknownProperties;
            }

            IOperation? assigned = null;
            int assignments = 0;
            foreach ((IOperation use, UseSite site) in uses)
            {
                if (use is IFieldInitializerOperation initializer)
                {
                    assigned = initializer.Value;
                    assignments++;
                }
                else if (use.Parent is IAssignmentOperation assignment && assignment.Target == use)
                {
                    if (site != UseSite.Constructor || !(assignment is ISimpleAssignmentOperation simple))
                    {
                        return UnknownProperties;
                    }

                    assigned = simple.Value;
                    assignments++;
                }
            }

            assigned = assigned?.WalkDownConversions();
            if (assignments != 1 || assigned == null)
            {
                return UnknownProperties;
            }

            PublishProperties properties;
            if (IsCreation(assigned, rabbit))
            {
                properties = new PublishProperties(PropertiesKind.Created, argument, assigned, null) { Followed = true };
                properties.CollectInitializer(assigned);
            }
            else if (assigned is IInvocationOperation factory)
            {
                properties = FromFactory(factory, argument, rabbit, cancellationToken);
            }
            else
            {
                return UnknownProperties;
            }

            foreach ((IOperation use, UseSite site) in uses)
            {
                if (properties.Kind == PropertiesKind.Unknown)
                {
                    break;
                }

                if (!(use is IFieldInitializerOperation))
                {
                    properties.CollectUse(use, rabbit, mayReturn: false, knownOrder: site == UseSite.Constructor);
                }
            }

            return properties;
        }

        /// <summary>7.x <c>new BasicProperties()</c> (not the copy constructor) or 6.x <c>channel.CreateBasicProperties()</c>.</summary>
        private static bool IsCreation(IOperation value, RabbitMqTypes rabbit)
        {
            switch (value)
            {
                case IObjectCreationOperation creation:
                    return creation.Arguments.Length == 0 && creation.Type.IsSameDefinition(rabbit.BasicPropertiesClass);
                case IInvocationOperation call:
                    return call.TargetMethod.Name == "CreateBasicProperties" && call.Arguments.Length == 0 && rabbit.IsOnChannel(call.TargetMethod);
                default:
                    return false;
            }
        }

        private void CollectInitializer(IOperation creation)
        {
            if (!(creation is IObjectCreationOperation created) || created.Initializer == null)
            {
                return;
            }

            foreach (IOperation initializer in created.Initializer.Initializers)
            {
                if (initializer is IAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    Record(property.Property.Name, assignment);
                }
                else
                {
                    // A nested initializer or collection element: nothing we read, but not a plain write.
                    Kind = PropertiesKind.Unknown;
                }
            }
        }

        private void CollectLocalUses(IOperation root, ILocalSymbol local, RabbitMqTypes rabbit, bool mayReturn)
        {
            foreach (IOperation operation in root.Descendants())
            {
                if (Kind == PropertiesKind.Unknown)
                {
                    return;
                }

                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    CollectUse(reference, rabbit, mayReturn, knownOrder: true);
                }
            }
        }

        /// <summary>
        /// Reads one use of the local or field holding the properties. <paramref name="knownOrder"/> false (a field
        /// written in another member) records a write of a value not known.
        /// </summary>
        private void CollectUse(IOperation reference, RabbitMqTypes rabbit, bool mayReturn, bool knownOrder)
        {
            IOperation node = reference;
            while (node.Parent is IConversionOperation conversion)
            {
                node = conversion;
            }

            switch (node.Parent)
            {
                case IPropertyReferenceOperation property when property.Instance == node:
                    if (property.Parent is IAssignmentOperation write && write.Target == property)
                    {
                        Record(property.Property.Name, knownOrder ? write : null);
                    }

                    break;
                case IInvocationOperation call when call.Instance == node:
                    // IsMessageIdPresent(), ClearHeaders(): reads, or clears that only make a rule's case stronger.
                    break;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation publish
                                                      && argument.Parameter?.Name == PropertiesParameter
                                                      && IsPublish(publish.TargetMethod, rabbit):
                    break;
                case ISimpleAssignmentOperation assignment when assignment.Target == node:
                    // The one assignment already followed.
                    break;
                case IReturnOperation _ when mayReturn:
                    // The factory's own return.
                    break;
                case IBinaryOperation _:
                case IIsPatternOperation _:
                    break;
                default:
                    // Handed to other code, aliased or returned: it may be changed where we do not look.
                    Kind = PropertiesKind.Unknown;
                    return;
            }
        }

        /// <param name="write">The write, or null for a write of a value not known.</param>
        private void Record(string member, IAssignmentOperation? write)
        {
            if (!_writes.TryGetValue(member, out List<IOperation?>? values))
            {
                values = new List<IOperation?>();
                _writes.Add(member, values);
            }

            values.Add(write is ISimpleAssignmentOperation simple ? simple.Value : null);
        }
    }
}
