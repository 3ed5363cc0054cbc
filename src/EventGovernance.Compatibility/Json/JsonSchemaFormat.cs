using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>A JSON Schema read into the normalised model the differ compares.</summary>
    public sealed class JsonParsedSchema : ParsedSchema
    {
        internal JsonParsedSchema(SchemaSource source, JsonSchemaNode root) : base(source) => Root = root;

        internal JsonSchemaNode Root { get; }
    }

    /// <summary>
    /// JSON Schema with Confluent Schema Registry's semantics: every difference has the registry's type name,
    /// a JSON pointer path, a verdict under the chosen policy (STRICT by default, or LENIENT) and the
    /// positions of the element in both files.
    /// </summary>
    public sealed class JsonSchemaFormat : IDirectionalSchemaFormat
    {
        public SchemaType Type => SchemaType.Json;

        public ParsedSchema Parse(SchemaSource source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            return new JsonParsedSchema(source, JsonSchemaLoader.Load(source));
        }

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            Diff(original, update, options, CheckDirection.Backward);

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options, CheckDirection direction)
        {
            JsonParsedSchema before = original as JsonParsedSchema ?? throw new ArgumentException("not a JSON schema parsed by this format", nameof(original));
            JsonParsedSchema after = update as JsonParsedSchema ?? throw new ArgumentException("not a JSON schema parsed by this format", nameof(update));
            HashSet<string> compatible = JsonDifferenceTypes.CompatibleFor((options ?? CompatibilityOptions.Default).JsonPolicy);
            List<RawDifference> raw = JsonSchemaDiff.Compare(before.Root, after.Root, compatible);
            return raw.Select(d =>
            {
                bool isCompatible = compatible.Contains(d.Type);
                return new Difference(d.Type, d.Path, isCompatible, JsonDifferenceTypes.Message(d.Type, d.Path, isCompatible, direction), d.Original.Resolve(), d.Update.Resolve());
            }).ToList();
        }

        internal static int LineOf(JsonSchemaNode node) => JsonValues.Locate(node.Token, node.Document.File)?.Line ?? 0;
    }
}
