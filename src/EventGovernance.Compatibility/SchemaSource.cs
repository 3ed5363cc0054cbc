namespace EventGovernance.Compatibility
{
    /// <summary>The text of one schema and where it came from.</summary>
    public sealed class SchemaSource
    {
        /// <summary>
        /// Largest schema accepted, in characters. Real contracts are kilobytes; anything this large is a
        /// generated or corrupted file, and refusing it keeps the engine's memory and time bounded.
        /// </summary>
        public const int MaxLength = 4 * 1024 * 1024;

        public SchemaSource(string text, SchemaType type, string? path = null, IReferenceResolver? references = null)
        {
            if (text.Length > MaxLength)
                throw new SchemaException(path, $"the schema is {text.Length / (1024 * 1024.0):0.#} MB, larger than the {MaxLength / (1024 * 1024)} MB limit for one schema");
            Text = text;
            Type = type;
            Path = path;
            References = references ?? ReferenceResolvers.None;
        }

        public string Text { get; }
        public SchemaType Type { get; }

        /// <summary>The file the text was read from (as it should appear in messages), or null.</summary>
        public string? Path { get; }

        /// <summary>Resolves references to other schemas (JSON <c>$ref</c> to a file, Protobuf imports, Avro named types).</summary>
        public IReferenceResolver References { get; }

        /// <summary>Reads a file, inferring the type from its extension unless given.</summary>
        public static SchemaSource FromFile(string path, SchemaType? type = null, IReferenceResolver? references = null, string? displayPath = null)
        {
            SchemaType resolvedType = type ?? SchemaTypes.FromFileName(path)
                ?? throw new SchemaException(displayPath ?? path, "cannot tell the schema type from the file extension (expected .json, .avsc or .proto); pass the type explicitly");
            string text;
            try
            {
                if (new System.IO.FileInfo(path).Length > MaxLength * 4L)
                    throw new SchemaException(displayPath ?? path, $"the file is larger than the {MaxLength / (1024 * 1024)} MB limit for one schema");
                text = System.IO.File.ReadAllText(path);
            }
            catch (System.Exception e) when (e is System.IO.IOException || e is System.UnauthorizedAccessException)
            {
                throw new SchemaException(displayPath ?? path, "cannot read the file: " + e.Message, e);
            }
            return new SchemaSource(text, resolvedType, displayPath ?? path, references);
        }
    }
}
