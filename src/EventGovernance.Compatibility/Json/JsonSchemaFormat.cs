using System;
using System.Collections.Generic;

namespace EventGovernance.Compatibility.Json
{
    // Placeholder until the Json engine lands.
    public sealed class JsonSchemaFormat : ISchemaFormat
    {
        public SchemaType Type => SchemaType.Json;

        public ParsedSchema Parse(SchemaSource source) => throw new NotSupportedException("Json schemas are not supported yet");

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            throw new NotSupportedException("Json schemas are not supported yet");
    }
}
