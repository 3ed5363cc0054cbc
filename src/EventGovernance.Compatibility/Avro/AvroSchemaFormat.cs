using System;
using System.Collections.Generic;

namespace EventGovernance.Compatibility.Avro
{
    // Placeholder until the Avro engine lands.
    public sealed class AvroSchemaFormat : ISchemaFormat
    {
        public SchemaType Type => SchemaType.Avro;

        public ParsedSchema Parse(SchemaSource source) => throw new NotSupportedException("Avro schemas are not supported yet");

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            throw new NotSupportedException("Avro schemas are not supported yet");
    }
}
