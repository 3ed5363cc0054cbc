using System.Collections.Generic;

namespace EventGovernance.Compatibility
{
    /// <summary>A schema parsed into the form its format's differ works on, remembering its source.</summary>
    public abstract class ParsedSchema
    {
        protected ParsedSchema(SchemaSource source) => Source = source;

        public SchemaSource Source { get; }
    }

    /// <summary>
    /// One schema language: parses text (with positions) and lists the differences between an original
    /// (registered) schema and an update, in the BACKWARD sense: can a consumer using <c>update</c> read
    /// data produced with <c>original</c>? Other levels are built from this one check by <see cref="CompatibilityChecker"/>.
    /// </summary>
    public interface ISchemaFormat
    {
        SchemaType Type { get; }

        /// <summary>Parses a schema; throws <see cref="SchemaException"/> with file and line on bad input.</summary>
        ParsedSchema Parse(SchemaSource source);

        /// <summary>Every difference found, compatible ones included.</summary>
        IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options);
    }
}
