using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>What the analysis knows about one configuration key.</summary>
    internal enum ConfigValueKind
    {
        /// <summary>Never written: the client default applies.</summary>
        Unset,

        /// <summary>Last written with <see cref="ConfigValue.Value"/>.</summary>
        Written,

        /// <summary>Written in a way we cannot follow (<c>??=</c>, a compound assignment).</summary>
        Unknown,
    }

    /// <summary>The last write to one configuration key.</summary>
    internal readonly struct ConfigValue
    {
        public ConfigValue(ConfigValueKind kind, IOperation? value, bool inInitializer)
        {
            Kind = kind;
            Value = value;
            InInitializer = inInitializer;
        }

        public ConfigValueKind Kind { get; }

        /// <summary>The value written, for <see cref="ConfigValueKind.Written"/>.</summary>
        public IOperation? Value { get; }

        /// <summary>The write is in the creation's object or collection initializer (where a code fix can change it).</summary>
        public bool InInitializer { get; }
    }

    /// <summary>
    /// Follows a Confluent.Kafka configuration handed to a builder, the way EG0002 follows consumer
    /// configurations: created in the call, or in a local given one creation, with the property, indexer,
    /// <c>Set(key, value)</c> and <c>Add(key, value)</c> writes to that local before the builder; returned by a
    /// private factory method of the same type (followed the same way up to its return); or held in a private
    /// field of the same type (see <see cref="FollowField"/>). Null when the configuration is not known: it comes
    /// from elsewhere, is a copy, or is handed to code we do not follow before the builder.
    /// </summary>
    internal sealed class ConfigWrites
    {
        private readonly Dictionary<string, ConfigValue> _values = new Dictionary<string, ConfigValue>();

        private ConfigWrites(IObjectCreationOperation creation) => Creation = creation;

        /// <summary>The configuration's creation, where a finding about it is shown.</summary>
        public IObjectCreationOperation Creation { get; }

        public ConfigValue this[string key] => _values.TryGetValue(key, out ConfigValue value) ? value : default;

        /// <param name="config">The argument the builder gets.</param>
        /// <param name="keys">The configuration keys to follow, each with the name of its typed property.</param>
        public static ConfigWrites? Follow(IObjectCreationOperation builder, IOperation config, KnownTypes types, IReadOnlyDictionary<string, string> keys, CancellationToken cancellationToken = default)
        {
            IOperation value = config.WalkDownConversions();
            switch (value)
            {
                case IInvocationOperation factory:
                    // new ProducerBuilder(CreateConfig()): what the type's own factory returns.
                    IReturnOperation? returned = TypeMemberFlow.SingleReturnOfFactory(factory, cancellationToken);
                    return returned == null ? null : FollowAt(returned, returned.ReturnedValue!, types, keys);
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    return FollowField(builder, field.Field, types, keys, cancellationToken);
                default:
                    return FollowAt(builder, value, types, keys);
            }
        }

        /// <summary>A configuration created at <paramref name="value"/> or in the local it reads, with the writes before <paramref name="until"/>.</summary>
        private static ConfigWrites? FollowAt(IOperation until, IOperation value, KnownTypes types, IReadOnlyDictionary<string, string> keys)
        {
            value = value.WalkDownConversions();
            ILocalSymbol? local = (value as ILocalReferenceOperation)?.Local;
            IObjectCreationOperation? creation = local == null
                ? value as IObjectCreationOperation
                : until.GetRoot().SingleAssignedValue(local)?.WalkDownConversions() as IObjectCreationOperation;
            if (creation == null || creation.Type == null || !StartsFromDefaults(creation, types))
            {
                return null;
            }

            ConfigWrites writes = FromCreation(creation, types, keys);
            return local == null || writes.ApplyEarlierWrites(until, local, types.Kafka!, keys) ? writes : null;
        }

        private static ConfigWrites FromCreation(IObjectCreationOperation creation, KnownTypes types, IReadOnlyDictionary<string, string> keys)
        {
            var writes = new ConfigWrites(creation);
            foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                writes.Read(initializer, types.Kafka!, keys, inInitializer: true);
            }

            return writes;
        }

        /// <summary>
        /// A configuration in a private field of the builder's type (the BackgroundService pattern): created by
        /// its initializer or by one constructor assignment, with the writes to it in the constructors. A write in
        /// any other member may come before or after the build, so it makes its key not known; the field handed
        /// to anything but a builder, or given a value elsewhere, makes the whole configuration not known.
        /// </summary>
        private static ConfigWrites? FollowField(IObjectCreationOperation builder, IFieldSymbol field, KnownTypes types, IReadOnlyDictionary<string, string> keys, CancellationToken cancellationToken)
        {
            IReadOnlyList<(IOperation Use, UseSite Site)>? uses = TypeMemberFlow.UsesOfField(field, builder, cancellationToken);
            if (uses == null)
            {
                return null;
            }

            IOperation? created = null;
            int constructorAssignments = 0;
            foreach ((IOperation use, UseSite site) in uses)
            {
                if (use is IFieldInitializerOperation initializer)
                {
                    created ??= initializer.Value;
                }
                else if (use.Parent is IAssignmentOperation assignment && assignment.Target == use)
                {
                    if (site != UseSite.Constructor || !(assignment is ISimpleAssignmentOperation simple) || ++constructorAssignments > 1)
                    {
                        return null;
                    }

                    created = simple.Value;
                }
            }

            if (!(created?.WalkDownConversions() is IObjectCreationOperation creation) || creation.Type == null || !StartsFromDefaults(creation, types))
            {
                return null;
            }

            ConfigWrites writes = FromCreation(creation, types, keys);
            foreach ((IOperation reference, UseSite site) in uses.Where(u => !(u.Use is IFieldInitializerOperation)).OrderBy(u => u.Use.Syntax.SpanStart))
            {
                IOperation use = reference;
                while (use.Parent is IConversionOperation)
                {
                    use = use.Parent;
                }

                IOperation? parent = use.Parent;
                switch (parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == use:
                        break;
                    case IPropertyReferenceOperation property when property.Parent is IAssignmentOperation assignment && assignment.Target == property:
                        writes.ReadFrom(assignment, site, types.Kafka!, keys);
                        break;
                    case IPropertyReferenceOperation _:
                        // A read, e.g. _config.GroupId.
                        break;
                    case IInvocationOperation invocation when invocation.Instance == use:
                        writes.ReadFrom(invocation, site, types.Kafka!, keys);
                        break;
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation other && (other == builder || other.Type.IsSameDefinition(builder.Type)):
                        break;
                    default:
                        return null;
                }
            }

            return writes;
        }

        /// <summary>A write in a constructor applies in order; one in another member may run before or after the build.</summary>
        private void ReadFrom(IOperation write, UseSite site, KafkaTypes kafka, IReadOnlyDictionary<string, string> keys)
        {
            if (site == UseSite.Constructor)
            {
                Read(write, kafka, keys, inInitializer: false);
                return;
            }

            var elsewhere = new ConfigWrites(Creation);
            elsewhere.Read(write, kafka, keys, inInitializer: false);
            foreach (string key in elsewhere._values.Keys)
            {
                _values[key] = new ConfigValue(ConfigValueKind.Unknown, null, inInitializer: false);
            }
        }

        /// <summary>An empty configuration (or one with a capacity or comparer) starts from the client defaults; a copy might carry anything.</summary>
        private static bool StartsFromDefaults(IObjectCreationOperation creation, KnownTypes types) =>
            ConsumerSettings.CanHoldConfig(creation.Type!, types)
            && creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32 || types.IsComparer(a.Value.Type));

        private bool ApplyEarlierWrites(IOperation until, ILocalSymbol local, KafkaTypes kafka, IReadOnlyDictionary<string, string> keys)
        {
            int untilStart = until.Syntax.SpanStart;
            foreach (IOperation operation in until.GetRoot().Descendants().OrderBy(o => o.Syntax.SpanStart))
            {
                if (operation.Syntax.SpanStart >= untilStart)
                {
                    break;
                }

                switch (operation)
                {
                    case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property && property.Instance.References(local):
                        Read(assignment, kafka, keys, inInitializer: false);
                        break;
                    case IInvocationOperation invocation when invocation.Instance.References(local):
                        Read(invocation, kafka, keys, inInitializer: false);
                        break;
                    case IArgumentOperation argument when argument.Value.References(local) && argument.Parent != until:
                        return false;
                    case IInvalidOperation unbound when unbound.ChildOperations.Any(child => child.References(local)):
                        return false;
                }
            }

            return true;
        }

        private void Read(IOperation operation, KafkaTypes kafka, IReadOnlyDictionary<string, string> keys, bool inInitializer)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment when KeyOf(assignment.Target, kafka, keys) is string key:
                    _values[key] = new ConfigValue(ConfigValueKind.Written, assignment.Value, inInitializer);
                    break;
                case IAssignmentOperation other when KeyOf(other.Target, kafka, keys) is string key:
                    // x ??= value keeps an earlier value, x += value combines: not followed.
                    _values[key] = new ConfigValue(ConfigValueKind.Unknown, null, inInitializer);
                    break;
                case IInvocationOperation invocation when (invocation.TargetMethod.Name == "Set" || invocation.TargetMethod.Name == "Add")
                                                          && invocation.Arguments.Length == 2:
                    string? name = invocation.Arguments[0].Value.StringConstant();
                    if (name != null && keys.ContainsKey(name))
                    {
                        _values[name] = new ConfigValue(ConfigValueKind.Written, invocation.Arguments[1].Value, inInitializer);
                    }

                    break;
            }
        }

        /// <summary>The key a property or indexer write targets, when it is one of <paramref name="keys"/>.</summary>
        private static string? KeyOf(IOperation target, KafkaTypes kafka, IReadOnlyDictionary<string, string> keys)
        {
            if (!(target is IPropertyReferenceOperation property))
            {
                return null;
            }

            if (property.Property.IsIndexer)
            {
                string? key = property.Arguments.Length == 1 ? property.Arguments[0].Value.StringConstant() : null;
                return key != null && keys.ContainsKey(key) ? key : null;
            }

            if (!property.Property.ContainingType.IsOrDerivesFrom(kafka.Config))
            {
                return null;
            }

            foreach (KeyValuePair<string, string> key in keys)
            {
                if (key.Value == property.Property.Name)
                {
                    return key.Key;
                }
            }

            return null;
        }
    }
}
