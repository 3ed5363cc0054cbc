using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Lint.Shapes
{
    /// <summary>
    /// One property (JSON Schema), field (Avro) or field (Protobuf) of an event, in a form the format-independent
    /// rules (envelope, version, fat event, descriptions) read alike.
    /// </summary>
    public sealed class ShapeField
    {
        private readonly Func<IReadOnlyList<ShapeField>> _children;
        private IReadOnlyList<ShapeField>? _resolved;

        public ShapeField(string name, SourceLocation? location, bool definedHere, bool documented, string? versionValue,
            Func<IReadOnlyList<ShapeField>> children, string path)
        {
            Name = name;
            Location = location;
            DefinedHere = definedHere;
            Documented = documented;
            VersionValue = versionValue;
            _children = children;
            Path = path;
        }

        public string Name { get; }
        public SourceLocation? Location { get; }

        /// <summary>False for a field that came in through a reference (a JSON $ref, an Avro named type, a Protobuf import).</summary>
        public bool DefinedHere { get; }

        /// <summary>Has a description (JSON), doc (Avro) or comment (Protobuf).</summary>
        public bool Documented { get; }

        /// <summary>The value a version field pins (const, default or enum), canonical; null when it pins none.</summary>
        public string? VersionValue { get; }

        /// <summary>Where in the schema, as a JSON pointer (<c>#/properties/data</c>, <c>#/fields/data</c>).</summary>
        public string Path { get; }

        /// <summary>The fields of the object, record or message this field holds; empty for anything else.</summary>
        public IReadOnlyList<ShapeField> Children => _resolved ??= _children();
    }

    /// <summary>A contract's top-level shape: its fields and the name it gives its event type.</summary>
    public sealed class ContractShape
    {
        public ContractShape(string? typeName, SourceLocation? location, IReadOnlyList<ShapeField> fields)
        {
            TypeName = typeName;
            Location = location;
            Fields = fields;
        }

        /// <summary>The event type (JSON event_type const or title, Avro record or Protobuf message name).</summary>
        public string? TypeName { get; }

        /// <summary>Where the event's own object, record or message is declared.</summary>
        public SourceLocation? Location { get; }

        public IReadOnlyList<ShapeField> Fields { get; }

        public static ContractShape? Of(ParsedSchema schema) => schema switch
        {
            Compatibility.Json.JsonParsedSchema json => JsonShape.Of(json),
            Compatibility.Avro.AvroParsedSchema avro => AvroShape.Of(avro),
            Compatibility.Protobuf.ProtobufParsedSchema proto => ProtoShape.Of(proto),
            _ => null,
        };

        /// <summary>The first top-level field the envelope field accepts.</summary>
        public ShapeField? Find(EnvelopeField field) => Fields.FirstOrDefault(f => field.Accepts(f.Name));

        /// <summary>
        /// The field as the envelope provides it: at the top level, or inside a top-level field that holds a record,
        /// object or message other than the payload (an Avro or Protobuf <c>envelope</c> field).
        /// </summary>
        public ShapeField? FindInEnvelope(EnvelopeField field, EnvelopeField data) =>
            Find(field) ?? Fields.Where(f => !data.Accepts(f.Name)).SelectMany(f => f.Children).FirstOrDefault(c => field.Accepts(c.Name));

        /// <summary>
        /// Every field defined in this file, at any depth, each once: a field is the same field wherever it is reached
        /// from (its place in the file), so recursive types (a tree node referencing itself) stop at the first repeat.
        /// </summary>
        public IEnumerable<ShapeField> AllDefinedHere()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<(ShapeField Field, int Depth)>(Fields.Reverse().Select(f => (f, 0)));
            while (stack.Count > 0)
            {
                (ShapeField field, int depth) = stack.Pop();
                string key = field.Location != null && field.Location.Line > 0
                    ? $"{field.Location.File}|{field.Location.Line}|{field.Location.Column}|{field.Name}"
                    : field.Path;
                if (!field.DefinedHere || !seen.Add(key)) continue;
                yield return field;
                if (depth >= 32) continue;
                foreach (ShapeField child in field.Children.Reverse()) stack.Push((child, depth + 1));
            }
        }
    }
}
