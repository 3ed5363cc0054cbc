using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility.Avro
{
    /// <summary>
    /// Avro (.avsc) schemas. A change is checked the way the registry does: the updated schema must read
    /// data written with the original (Avro Java's reader/writer schema resolution).
    /// </summary>
    public sealed class AvroSchemaFormat : IDirectionalSchemaFormat
    {
        public SchemaType Type => SchemaType.Avro;

        public ParsedSchema Parse(SchemaSource source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            return AvroSchemaParser.Parse(source);
        }

        /// <summary>
        /// Differences found when the <paramref name="update"/> reads data written with the <paramref name="original"/>.
        /// Each is one of Avro Java's incompatibilities, at Avro Java's location with record fields named
        /// (<c>#/fields/order_id/type</c> where Avro Java says <c>/fields/0/type</c>);
        /// <see cref="Difference.UpdateLocation"/> points into the reader (update), <see cref="Difference.OriginalLocation"/>
        /// into the writer (original). Compatible changes produce no entries.
        /// </summary>
        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
            Diff(original, update, options, CheckDirection.Backward);

        /// <summary>The same differences, explained as what the new version changed (the writer is the new version when FORWARD).</summary>
        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options, CheckDirection direction)
        {
            AvroParsedSchema writer = AsAvro(original, nameof(original));
            AvroParsedSchema reader = AsAvro(update, nameof(update));
            return AvroCompatibilityChecker.Check(reader.Root, writer.Root, readerIsNew: direction == CheckDirection.Backward)
                .Select(i => new Difference(i.Type, "#" + i.NamedPath, false, i.Explanation, i.WriterLocation, i.ReaderLocation))
                .ToList();
        }

        private static AvroParsedSchema AsAvro(ParsedSchema schema, string name) =>
            schema as AvroParsedSchema
            ?? throw new ArgumentException($"expected a schema parsed by {nameof(AvroSchemaFormat)}, got {schema?.GetType().Name ?? "null"}", name);
    }
}
