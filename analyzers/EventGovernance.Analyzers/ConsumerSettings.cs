using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>What the analysis knows about one consumer setting.</summary>
    internal enum Setting
    {
        /// <summary>Never set: the client default (true) applies.</summary>
        Unset,
        On,
        Off,
        /// <summary>Set from something not known at compile time, or the configuration came from elsewhere.</summary>
        Unknown,
    }

    /// <summary>One write to <c>enable.auto.commit</c> or <c>enable.auto.offset.store</c>.</summary>
    internal readonly struct SettingWrite
    {
        public SettingWrite(string key, Setting value, bool onlyIfUnset)
        {
            Key = key;
            Value = value;
            OnlyIfUnset = onlyIfUnset;
        }

        public string Key { get; }

        public Setting Value { get; }

        /// <summary><c>x ??= value</c> only changes a setting nobody has set yet.</summary>
        public bool OnlyIfUnset { get; }

        public Setting ApplyTo(Setting current)
        {
            if (!OnlyIfUnset)
            {
                return Value;
            }

            return current == Setting.Unset ? Value : current;
        }
    }

    /// <summary>Reads the two settings that decide when a consumer's offsets are committed.</summary>
    internal static class ConsumerSettings
    {
        public const string AutoCommitKey = "enable.auto.commit";
        public const string AutoOffsetStoreKey = "enable.auto.offset.store";
        private const string AutoCommitProperty = "EnableAutoCommit";
        private const string AutoOffsetStoreProperty = "EnableAutoOffsetStore";

        /// <summary>With the setting at this value the client commits offsets it stored on delivery.</summary>
        public static bool CommitsBeforeProcessing(Setting setting) => setting == Setting.Unset || setting == Setting.On;

        public static bool IsConsumerBuilder(IObjectCreationOperation creation, KnownTypes types) =>
            ConfigArgument(creation, types) != null;

        /// <summary>
        /// The configuration handed to a <c>ConsumerBuilder&lt;,&gt;</c>, or to a type derived from it (a team's own
        /// builder): the one argument whose parameter can hold a configuration. Null when the creation is no
        /// consumer builder, or is a builder declared here that may change either setting itself.
        /// </summary>
        public static IArgumentOperation? ConfigArgument(IObjectCreationOperation creation, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            if (!creation.Type.IsOrDerivesFrom(kafka.ConsumerBuilder)
                || (!creation.Type.IsSameDefinition(kafka.ConsumerBuilder) && DerivedBuilderMaySetCommits(creation.Type!, kafka)))
            {
                return null;
            }

            IArgumentOperation? config = null;
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter != null && CanHoldConfig(argument.Parameter.Type, types))
                {
                    if (config != null)
                    {
                        return null;
                    }

                    config = argument;
                }
            }

            return config;
        }

        /// <summary>A Confluent.Kafka configuration or a sequence of string pairs, which ConsumerBuilder also accepts.</summary>
        public static bool CanHoldConfig(ITypeSymbol type, KnownTypes types)
        {
            // void, string, int and the other primitives are neither a configuration nor a sequence of pairs.
            if (IsPrimitive(type) || type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Delegate || type.TypeKind == TypeKind.Pointer)
            {
                return false;
            }

            if (!types.HoldsConfig.TryGetValue(type, out bool holds))
            {
                holds = type.IsOrDerivesFrom(types.Kafka!.Config) || IsStringPairs(type, types) || ImplementsStringPairs(type, types);
                types.HoldsConfig.TryAdd(type, holds);
            }

            return holds;
        }

        private static bool ImplementsStringPairs(ITypeSymbol type, KnownTypes types)
        {
            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (IsStringPairs(implemented, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>object, void, bool, the numbers, string and the native integers: none is a sequence of pairs.</summary>
        private static bool IsPrimitive(ITypeSymbol type) =>
            type.SpecialType != SpecialType.None && type.SpecialType <= SpecialType.System_UIntPtr;

        private static bool IsStringPairs(ITypeSymbol type, KnownTypes types) =>
            type is INamedTypeSymbol named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            && named.TypeArguments[0] is INamedTypeSymbol pair
            && pair.IsSameDefinition(types.KeyValuePair)
            && pair.TypeArguments.Length == 2
            && pair.TypeArguments.All(t => t.SpecialType == SpecialType.System_String);

        /// <summary>
        /// A builder subclass from a referenced assembly is trusted to pass its configuration on. One declared in
        /// source (it or a base below ConsumerBuilder) that mentions either setting may turn it off before the
        /// base sees it, so nothing is known about what it builds.
        /// </summary>
        private static bool DerivedBuilderMaySetCommits(ITypeSymbol builder, KafkaTypes kafka)
        {
            for (ITypeSymbol? current = builder; current != null && !current.IsSameDefinition(kafka.ConsumerBuilder); current = current.BaseType)
            {
                foreach (SyntaxReference reference in current.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    foreach (SyntaxToken token in reference.GetSyntax().DescendantTokens())
                    {
                        string text = token.ValueText;
                        if (text == AutoCommitProperty || text == AutoOffsetStoreProperty || text == AutoCommitKey || text == AutoOffsetStoreKey)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The settings a configuration creation leaves, from its initializer; both Unknown when it does not
        /// start from the client defaults.
        /// </summary>
        public static (Setting AutoCommit, Setting OffsetStore) Evaluate(IObjectCreationOperation creation, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            if (!StartsFromDefaults(creation, types))
            {
                return (Setting.Unknown, Setting.Unknown);
            }

            Setting autoCommit = Setting.Unset;
            Setting offsetStore = Setting.Unset;
            if (creation.Initializer != null)
            {
                foreach (IOperation initializer in creation.Initializer.Initializers)
                {
                    if (TryRead(initializer, kafka, out SettingWrite write))
                    {
                        Apply(write, ref autoCommit, ref offsetStore);
                    }
                }
            }

            return (autoCommit, offsetStore);
        }

        public static void Apply(SettingWrite write, ref Setting autoCommit, ref Setting offsetStore)
        {
            if (write.Key == AutoCommitKey)
            {
                autoCommit = write.ApplyTo(autoCommit);
            }
            else
            {
                offsetStore = write.ApplyTo(offsetStore);
            }
        }

        /// <summary>
        /// Applies the statements of the member body before <paramref name="until"/> (the builder, or the
        /// return of a factory method) that change the tracked configuration.
        /// Returns false when the configuration is handed to code we do not follow.
        /// </summary>
        public static bool ApplyEarlierWrites(IOperation until, ISymbol tracked, KafkaTypes kafka, ref Setting autoCommit, ref Setting offsetStore)
        {
            int untilStart = until.Syntax.SpanStart;
            foreach (IOperation operation in until.GetRoot().Descendants().OrderBy(o => o.Syntax.SpanStart))
            {
                if (operation.Syntax.SpanStart >= untilStart)
                {
                    break;
                }

                SettingWrite write;
                switch (operation)
                {
                    case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property && property.Instance.References(tracked):
                        if (TryRead(assignment, kafka, out write))
                        {
                            Apply(write, ref autoCommit, ref offsetStore);
                        }

                        break;
                    case IInvocationOperation invocation when invocation.Instance.References(tracked):
                        if (TryRead(invocation, kafka, out write))
                        {
                            Apply(write, ref autoCommit, ref offsetStore);
                        }

                        break;
                    case IArgumentOperation argument when argument.Value.References(tracked) && argument.Parent != until:
                        return false;
                    case IInvalidOperation unbound when unbound.ChildOperations.Any(child => child.References(tracked)):
                        // Handed to a call that did not bind (e.g. an extension from a package not referenced,
                        // such as configuration binding): it may set either value, so nothing is known.
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A configuration made empty (or with a capacity/comparer) starts from the client defaults, and so does
        /// a copy of a <c>ClientConfig</c>: that type has no consumer properties, so in practice it carries
        /// neither setting. A copy of anything else (a ConsumerConfig, a dictionary) might carry them.
        /// </summary>
        private static bool StartsFromDefaults(IObjectCreationOperation creation, KnownTypes types) =>
            creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32
                                        || types.IsComparer(a.Value.Type)
                                        || IsClientConfigCopy(creation, a, types.Kafka!));

        private static bool IsClientConfigCopy(IObjectCreationOperation creation, IArgumentOperation argument, KafkaTypes kafka) =>
            kafka.ClientConfig != null
            && kafka.ConsumerConfig != null
            && SymbolEqualityComparer.Default.Equals(creation.Type, kafka.ConsumerConfig)
            && SymbolEqualityComparer.Default.Equals(argument.Value.WalkDownConversions().Type, kafka.ClientConfig);

        /// <summary>
        /// Reads one write: a property assignment, an indexer assignment, <c>Set(key, value)</c> or
        /// <c>Add(key, value)</c>. False when the operation does not touch either setting.
        /// </summary>
        public static bool TryRead(IOperation operation, KafkaTypes kafka, out SettingWrite write)
        {
            write = default;
            switch (operation)
            {
                case ICompoundAssignmentOperation:
                    return false;
                case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                    string? name = SettingName(property, kafka);
                    if (name == null)
                    {
                        return false;
                    }

                    write = new SettingWrite(name, ValueOf(assignment.Value), assignment is ICoalesceAssignmentOperation);
                    return true;
                case IInvocationOperation invocation when (invocation.TargetMethod.Name == "Set" || invocation.TargetMethod.Name == "Add")
                                                          && invocation.Arguments.Length == 2:
                    string? key = invocation.Arguments[0].Value.StringConstant();
                    if (key != AutoCommitKey && key != AutoOffsetStoreKey)
                    {
                        return false;
                    }

                    write = new SettingWrite(key!, ValueOf(invocation.Arguments[1].Value), onlyIfUnset: false);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Which setting a property or indexer write targets, as its configuration key.</summary>
        private static string? SettingName(IPropertyReferenceOperation property, KafkaTypes kafka)
        {
            if (property.Property.IsIndexer)
            {
                string? key = property.Arguments.Length == 1 ? property.Arguments[0].Value.StringConstant() : null;
                return key == AutoCommitKey || key == AutoOffsetStoreKey ? key : null;
            }

            if (kafka.ConsumerConfig == null || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, kafka.ConsumerConfig))
            {
                return null;
            }

            switch (property.Property.Name)
            {
                case AutoCommitProperty:
                    return AutoCommitKey;
                case AutoOffsetStoreProperty:
                    return AutoOffsetStoreKey;
                default:
                    return null;
            }
        }

        /// <summary>A bool, a nullable bool or a "true"/"false" string; null clears the setting back to the default.</summary>
        private static Setting ValueOf(IOperation value)
        {
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue)
            {
                return value.IsNullOrDefault() && value.Type?.SpecialType != SpecialType.System_Boolean ? Setting.Unset : Setting.Unknown;
            }

            switch (constant.Value)
            {
                case null:
                    return Setting.Unset;
                case bool flag:
                    return flag ? Setting.On : Setting.Off;
                case string text when text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase):
                    return Setting.On;
                case string text when text.Trim().Equals("false", StringComparison.OrdinalIgnoreCase):
                    return Setting.Off;
                default:
                    return Setting.Unknown;
            }
        }
    }
}
