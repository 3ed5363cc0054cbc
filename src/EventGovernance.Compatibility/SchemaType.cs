namespace EventGovernance.Compatibility
{
    /// <summary>The schema languages the registry understands.</summary>
    public enum SchemaType
    {
        Json,
        Avro,
        Protobuf,
    }

    public static class SchemaTypes
    {
        /// <summary>Infers the schema type from a file name; null when the extension is not a schema extension.</summary>
        public static SchemaType? FromFileName(string path)
        {
            string lower = path.ToLowerInvariant();
            if (lower.EndsWith(".json", System.StringComparison.Ordinal)) return SchemaType.Json;
            if (lower.EndsWith(".avsc", System.StringComparison.Ordinal)) return SchemaType.Avro;
            if (lower.EndsWith(".proto", System.StringComparison.Ordinal)) return SchemaType.Protobuf;
            return null;
        }

        /// <summary>Parses "json" / "JSON" / "avro" / "protobuf" (the registry's schemaType names); null when unknown.</summary>
        public static SchemaType? Parse(string? name)
        {
            switch (name?.Trim().ToUpperInvariant())
            {
                case "JSON": return SchemaType.Json;
                case "AVRO": return SchemaType.Avro;
                case "PROTOBUF": return SchemaType.Protobuf;
                default: return null;
            }
        }

        /// <summary>The registry's name for the type (JSON, AVRO, PROTOBUF).</summary>
        public static string ToRegistryName(this SchemaType type) => type switch
        {
            SchemaType.Json => "JSON",
            SchemaType.Avro => "AVRO",
            _ => "PROTOBUF",
        };

        /// <summary>The file extension used for the type in an embedded registry.</summary>
        public static string FileExtension(this SchemaType type) => type switch
        {
            SchemaType.Json => ".json",
            SchemaType.Avro => ".avsc",
            _ => ".proto",
        };
    }
}
