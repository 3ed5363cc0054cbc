using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Avro;
using Newtonsoft.Json;

namespace EventGovernance.Registry.Lint.Shapes
{
    /// <summary>An Avro record's fields; a field holding a record (directly or in a union) has its fields as children.</summary>
    internal static class AvroShape
    {
        public static ContractShape? Of(AvroParsedSchema schema)
        {
            if (!(schema.Root.Resolved is AvroRecord record)) return null;
            string? file = record.Location.File;
            return new ContractShape(record.Name.Short, record.NameLocation.Line > 0 ? record.NameLocation : record.Location, Fields(record, file, "#", 0));
        }

        private static IReadOnlyList<ShapeField> Fields(AvroRecord record, string? home, string path, int depth)
        {
            if (depth > 32) return new ShapeField[0];
            return record.Fields.Select(f =>
            {
                string fieldPath = path + "/fields/" + f.Name;
                AvroRecord? held = RecordIn(f.Type);
                return new ShapeField(f.Name, f.Location, record.Location.File == home, !string.IsNullOrWhiteSpace(f.Doc),
                    f.DefaultValue == null ? null : f.DefaultValue.ToString(Formatting.None),
                    () => held == null ? new ShapeField[0] : Fields(held, home, fieldPath, depth + 1), fieldPath);
            }).ToList();
        }

        /// <summary>The record a field holds: itself, or the one record branch of a union (<c>["null", Address]</c>).</summary>
        internal static AvroRecord? RecordIn(AvroNode type)
        {
            AvroNode resolved = type.Resolved;
            if (resolved is AvroRecord record) return record;
            if (resolved is AvroUnion union)
            {
                List<AvroRecord> records = union.Branches.Select(b => b.Resolved).OfType<AvroRecord>().ToList();
                return records.Count == 1 ? records[0] : null;
            }
            return null;
        }
    }
}
