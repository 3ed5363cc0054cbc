using System;
using System.Collections.Generic;

namespace EventGovernance.Compatibility.Protobuf
{
    // Placeholder until the Protobuf engine lands.
    public sealed class ProtobufSchemaFormat : ISchemaFormat
    {
        public SchemaType Type => SchemaType.Protobuf;

        public ParsedSchema Parse(SchemaSource source) => throw new NotSupportedException("Protobuf schemas are not supported yet");

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            throw new NotSupportedException("Protobuf schemas are not supported yet");
    }
}
