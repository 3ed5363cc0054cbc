using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EventGovernance.Analyzers
{
    /// <summary>EG0004's settings for one syntax tree, read from .editorconfig (see docs/rules/EG0004.md).</summary>
    internal sealed class ContractOptions
    {
        public const string Prefix = "eventgov.EG0004.";
        public const string RequiredFieldsKey = Prefix + "required_fields";
        public const string SuffixesKey = Prefix + "event_type_suffixes";
        public const string AttributesKey = Prefix + "contract_attributes";
        public const string ExcludedNamespacesKey = Prefix + "excluded_namespaces";
        public const string ExcludedTypesKey = Prefix + "excluded_types";
        public const string InProcessInterfacesKey = Prefix + "in_process_interfaces";

        /// <summary>
        /// In-process notification interfaces (fully-qualified metadata names): a type found only by its name
        /// that implements one is published in memory, not to a broker. Resolved to symbols, so a look-alike
        /// interface of another namespace does not count.
        /// </summary>
        public static ImmutableArray<string> DefaultInProcessInterfaces { get; } = ImmutableArray.Create("MediatR.INotification", "Mediator.INotification");

        /// <summary>Per-field accepted names: <c>eventgov.EG0004.event_id_names</c> and so on.</summary>
        public const string NamesKeySuffix = "_names";

        private ContractOptions(
            ImmutableArray<EnvelopeField> required,
            ImmutableArray<string> suffixes,
            ImmutableHashSet<string> attributeNames,
            ImmutableDictionary<EnvelopeField, ImmutableHashSet<string>> namesByField,
            ImmutableArray<string> excludedNamespaces,
            ImmutableArray<string> excludedTypes,
            ImmutableArray<string> inProcessInterfaces)
        {
            Required = required;
            Suffixes = suffixes;
            AttributeNames = attributeNames;
            NamesByField = namesByField;
            ExcludedNamespaces = excludedNamespaces;
            ExcludedTypes = excludedTypes;
            InProcessInterfaces = inProcessInterfaces;
        }

        /// <summary>Namespace globs; a type in a matching namespace, or in one nested in it, is never a contract.</summary>
        public ImmutableArray<string> ExcludedNamespaces { get; }

        /// <summary>Type globs, matched against the full name (<c>Shop.Orders.OrderPlaced</c>) and the simple name.</summary>
        public ImmutableArray<string> ExcludedTypes { get; }

        /// <summary>The default in-process interfaces plus the configured ones.</summary>
        public ImmutableArray<string> InProcessInterfaces { get; }

        /// <summary>The fields every contract must have.</summary>
        public ImmutableArray<EnvelopeField> Required { get; }

        /// <summary>Class or record names ending in one of these are contracts.</summary>
        public ImmutableArray<string> Suffixes { get; }

        /// <summary>Attribute names (without "Attribute") that mark a contract.</summary>
        public ImmutableHashSet<string> AttributeNames { get; }

        /// <summary>Normalized member names that count as each field.</summary>
        public ImmutableDictionary<EnvelopeField, ImmutableHashSet<string>> NamesByField { get; }

        /// <summary>Every key <see cref="Read"/> looks at: their raw values tell two files' settings apart.</summary>
        private static readonly ImmutableArray<string> AllKeys = ImmutableArray.Create(
                RequiredFieldsKey, SuffixesKey, AttributesKey, ExcludedNamespacesKey, ExcludedTypesKey, InProcessInterfacesKey)
            .AddRange(EnvelopeField.All.Select(field => Prefix + field.Key + NamesKeySuffix));

        /// <summary>
        /// The settings for a file from <paramref name="cache"/>, read once per distinct set of values: files almost
        /// always share one .editorconfig, and building the option sets for each of them was most of EG0004's time.
        /// </summary>
        public static ContractOptions ReadCached(AnalyzerConfigOptions? options, ConcurrentDictionary<string, ContractOptions> cache)
        {
            string key = RawValues(options);
            if (!cache.TryGetValue(key, out ContractOptions? read))
            {
                read = cache.GetOrAdd(key, Read(options));
            }

            return read;
        }

        /// <summary>The raw values of <see cref="AllKeys"/>, each marked absent or present (an absent key and an empty value differ).</summary>
        private static string RawValues(AnalyzerConfigOptions? options)
        {
            if (options == null)
            {
                return string.Empty;
            }

            var key = new StringBuilder();
            foreach (string name in AllKeys)
            {
                if (options.TryGetValue(name, out string? value))
                {
                    key.Append('+').Append(value.Length).Append(':').Append(value);
                }
                else
                {
                    key.Append('-');
                }
            }

            return key.ToString();
        }

        public static ContractOptions Read(AnalyzerConfigOptions? options)
        {
            ImmutableArray<EnvelopeField> required = List(options, RequiredFieldsKey)
                ?.Select(EnvelopeField.FromKey).Where(f => f != null).Select(f => f!).Distinct().ToImmutableArray()
                ?? EnvelopeField.All;
            ImmutableArray<string> suffixes = List(options, SuffixesKey)?.ToImmutableArray()
                ?? ImmutableArray.Create("Event", "IntegrationEvent");
            ImmutableHashSet<string> attributes = (List(options, AttributesKey) ?? new[] { "EventContract" })
                .Select(StripAttributeSuffix).ToImmutableHashSet(StringComparer.Ordinal);

            ImmutableDictionary<EnvelopeField, ImmutableHashSet<string>>.Builder names = ImmutableDictionary.CreateBuilder<EnvelopeField, ImmutableHashSet<string>>();
            foreach (EnvelopeField field in EnvelopeField.All)
            {
                string[] accepted = List(options, Prefix + field.Key + NamesKeySuffix) ?? field.DefaultNames.ToArray();
                names[field] = accepted.Select(EnvelopeField.NormalizeName).ToImmutableHashSet(StringComparer.Ordinal);
            }

            return new ContractOptions(
                required,
                suffixes,
                attributes,
                names.ToImmutable(),
                (List(options, ExcludedNamespacesKey) ?? Array.Empty<string>()).ToImmutableArray(),
                (List(options, ExcludedTypesKey) ?? Array.Empty<string>()).ToImmutableArray(),
                DefaultInProcessInterfaces.AddRange(List(options, InProcessInterfacesKey) ?? Array.Empty<string>()));
        }

        /// <summary>True when an exclusion option opts the type out.</summary>
        public bool Excludes(INamedTypeSymbol type)
        {
            string fullName = FullName(type);
            if (ExcludedTypes.Any(pattern => Glob.IsMatch(pattern, fullName) || Glob.IsMatch(pattern, type.Name)))
            {
                return true;
            }

            // Shop.Internal excludes Shop.Internal.Telemetry too: try the namespace and each one it is nested in.
            for (INamespaceSymbol? ns = type.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                string name = ns.ToDisplayString();
                if (ExcludedNamespaces.Any(pattern => Glob.IsMatch(pattern, name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Namespace.Outer.Type</c>, without type arguments.</summary>
        private static string FullName(INamedTypeSymbol type)
        {
            string name = type.Name;
            for (INamedTypeSymbol? outer = type.ContainingType; outer != null; outer = outer.ContainingType)
            {
                name = outer.Name + "." + name;
            }

            return type.ContainingNamespace == null || type.ContainingNamespace.IsGlobalNamespace
                ? name
                : type.ContainingNamespace.ToDisplayString() + "." + name;
        }

        public static string StripAttributeSuffix(string name) =>
            name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
                ? name.Substring(0, name.Length - "Attribute".Length)
                : name;

        /// <summary>A comma-separated value; "none" or an empty value is the empty list; null when the key is absent.</summary>
        private static string[]? List(AnalyzerConfigOptions? options, string key)
        {
            if (options == null || !options.TryGetValue(key, out string? value))
            {
                return null;
            }

            if (value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                return Array.Empty<string>();
            }

            return value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.Trim())
                .Where(v => v.Length > 0)
                .ToArray();
        }
    }
}
