namespace EventGovernance.Compatibility
{
    /// <summary>
    /// One change between an original (registered) schema and an updated one, as the engine found it.
    /// Type names follow the registry's own vocabulary (Confluent's JSON Schema and Protobuf difference
    /// types, Avro Java's incompatibility types).
    /// </summary>
    public sealed class Difference
    {
        public Difference(string type, string path, bool isCompatible, string message,
            SourceLocation? originalLocation = null, SourceLocation? updateLocation = null)
        {
            Type = type;
            Path = path;
            IsCompatible = isCompatible;
            Message = message;
            OriginalLocation = originalLocation;
            UpdateLocation = updateLocation;
        }

        /// <summary>The difference type, e.g. <c>REQUIRED_ATTRIBUTE_ADDED</c>.</summary>
        public string Type { get; }

        /// <summary>Where in the schema, as a JSON pointer style path (<c>#/properties/total</c>).</summary>
        public string Path { get; }

        /// <summary>True when the change does not break readers in the checked direction.</summary>
        public bool IsCompatible { get; }

        /// <summary>One sentence for people: what changed and which consumers it breaks.</summary>
        public string Message { get; }

        /// <summary>Position of the element in the original schema, when it exists there.</summary>
        public SourceLocation? OriginalLocation { get; }

        /// <summary>Position of the element in the updated schema, when it exists there.</summary>
        public SourceLocation? UpdateLocation { get; }

        /// <summary>The best position to report: the updated schema's element, else the original's.</summary>
        public SourceLocation? Location => UpdateLocation ?? OriginalLocation;

        /// <summary>The same difference seen from the other side (used when a level swaps the roles).</summary>
        public Difference WithLocationsSwapped() =>
            new Difference(Type, Path, IsCompatible, Message, UpdateLocation, OriginalLocation);

        public override string ToString() => $"{Type} {Path}";
    }
}
