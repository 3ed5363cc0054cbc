using System;
using System.Collections.Immutable;
using System.Linq;
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

        /// <summary>Per-field accepted names: <c>eventgov.EG0004.event_id_names</c> and so on.</summary>
        public const string NamesKeySuffix = "_names";

        private ContractOptions(
            ImmutableArray<EnvelopeField> required,
            ImmutableArray<string> suffixes,
            ImmutableHashSet<string> attributeNames,
            ImmutableDictionary<EnvelopeField, ImmutableHashSet<string>> namesByField)
        {
            Required = required;
            Suffixes = suffixes;
            AttributeNames = attributeNames;
            NamesByField = namesByField;
        }

        /// <summary>The fields every contract must have.</summary>
        public ImmutableArray<EnvelopeField> Required { get; }

        /// <summary>Class or record names ending in one of these are contracts.</summary>
        public ImmutableArray<string> Suffixes { get; }

        /// <summary>Attribute names (without "Attribute") that mark a contract.</summary>
        public ImmutableHashSet<string> AttributeNames { get; }

        /// <summary>Normalized member names that count as each field.</summary>
        public ImmutableDictionary<EnvelopeField, ImmutableHashSet<string>> NamesByField { get; }

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

            return new ContractOptions(required, suffixes, attributes, names.ToImmutable());
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
