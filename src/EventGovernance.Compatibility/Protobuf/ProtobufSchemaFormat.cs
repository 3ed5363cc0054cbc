using System;
using System.Collections.Generic;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Protobuf (.proto, proto2 and proto3) with the registry's field-number based rules. See
    /// <see cref="ProtoDifferenceTypes"/> for the difference types and which ones break readers.
    /// </summary>
    public sealed class ProtobufSchemaFormat : IDirectionalSchemaFormat
    {
        public SchemaType Type => SchemaType.Protobuf;

        public ParsedSchema Parse(SchemaSource source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            return ProtoSchemaParser.Parse(source);
        }

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            Diff(original, update, options, CheckDirection.Backward);

        /// <summary>The same differences, worded as what the new version (the original, when FORWARD) changed.</summary>
        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options, CheckDirection direction) =>
            ProtoSchemaDiff.Compare(AsProtobuf(original, nameof(original)), AsProtobuf(update, nameof(update)), originalIsNew: direction == CheckDirection.Forward);

        private static ProtobufParsedSchema AsProtobuf(ParsedSchema schema, string name) =>
            schema as ProtobufParsedSchema
            ?? throw new ArgumentException($"expected a schema parsed by {nameof(ProtobufSchemaFormat)}, got {schema?.GetType().Name ?? "null"}", name);
    }
}
