using System;
using System.Collections.Generic;
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
    /// none, null, or properties created in the same method (inline, or in a local given exactly one value)
    /// with every write to them, from the object initializer and from <c>local.Member = value</c> anywhere
    /// in the method. Order is ignored on purpose: a write anywhere counts, so the rules stay quiet on loops
    /// and branches they cannot order. A local handed to anything but a publish is Unknown.
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

        public static PublishProperties Of(IInvocationOperation publish, RabbitMqTypes rabbit)
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

            if (value is ILocalReferenceOperation reference)
            {
                IOperation root = publish.GetRoot();
                IOperation? assigned = root.SingleAssignedValue(reference.Local)?.WalkDownConversions();
                if (assigned == null || !IsCreation(assigned, rabbit))
                {
                    return UnknownProperties;
                }

                var local = new PublishProperties(PropertiesKind.Created, explicitArgument, assigned, reference.Local);
                local.CollectInitializer(assigned);
                local.CollectLocalUses(root, rabbit);
                return local;
            }

            return UnknownProperties;
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

        private void CollectLocalUses(IOperation root, RabbitMqTypes rabbit)
        {
            foreach (IOperation operation in root.Descendants())
            {
                if (!(operation is ILocalReferenceOperation reference) || !SymbolEqualityComparer.Default.Equals(reference.Local, Local))
                {
                    continue;
                }

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
                            Record(property.Property.Name, write);
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
                        // The one assignment SingleAssignedValue found.
                        break;
                    case IBinaryOperation:
                    case IIsPatternOperation:
                        break;
                    default:
                        // Handed to other code, aliased or returned: it may be changed where we do not look.
                        Kind = PropertiesKind.Unknown;
                        return;
                }
            }
        }

        private void Record(string member, IAssignmentOperation write)
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
