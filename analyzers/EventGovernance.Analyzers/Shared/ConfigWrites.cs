using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    /// configurations within a method: created in the call, or in a local given one creation, with the
    /// property, indexer, <c>Set(key, value)</c> and <c>Add(key, value)</c> writes to that local before the
    /// builder. Null when the configuration is not known: it comes from elsewhere, is a copy, or the local is
    /// handed to code we do not follow before the builder.
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
        public static ConfigWrites? Follow(IObjectCreationOperation builder, IOperation config, KnownTypes types, IReadOnlyDictionary<string, string> keys)
        {
            IOperation value = config.WalkDownConversions();
            ILocalSymbol? local = (value as ILocalReferenceOperation)?.Local;
            IObjectCreationOperation? creation = local == null
                ? value as IObjectCreationOperation
                : builder.GetRoot().SingleAssignedValue(local)?.WalkDownConversions() as IObjectCreationOperation;
            if (creation == null || creation.Type == null || !StartsFromDefaults(creation, types))
            {
                return null;
            }

            var writes = new ConfigWrites(creation);
            foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                writes.Read(initializer, types.Kafka!, keys, inInitializer: true);
            }

            return local == null || writes.ApplyEarlierWrites(builder, local, types.Kafka!, keys) ? writes : null;
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
