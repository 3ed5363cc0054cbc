using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.TestSupport
{
    /// <summary>
    /// A deliberately tiny schema language for testing the registry layers without the real engines:
    /// one field per line, <c>name</c> (optional) or <c>name!</c> (required); <c>import other.txt</c>
    /// pulls the fields of a referenced schema in through the source's reference resolver. A required field
    /// that the original did not have is a breaking change (readers of the update need it, old data lacks
    /// it); everything else is compatible. Bad characters are a SchemaException with line and column.
    /// </summary>
    internal sealed class FieldListFormat : ISchemaFormat
    {
        public static FieldListFormat Instance { get; } = new FieldListFormat();

        public SchemaType Type => SchemaType.Json;

        public ParsedSchema Parse(SchemaSource source) => Parse(source, 0);

        private static FieldListSchema Parse(SchemaSource source, int depth)
        {
            if (depth > 8) throw new SchemaException(source.Path, "imports nest too deeply");
            var fields = new List<Field>();
            string[] lines = source.Text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#")) continue;
                if (line.StartsWith("import "))
                {
                    SchemaSource imported = source.References.Resolve(line.Substring("import ".Length).Trim(), source);
                    fields.AddRange(Parse(imported, depth + 1).Fields);
                    continue;
                }
                for (int c = 0; c < line.Length; c++)
                {
                    char ch = line[c];
                    bool ok = char.IsLetterOrDigit(ch) || ch == '_' || (ch == '!' && c == line.Length - 1);
                    if (!ok) throw new SchemaException(source.Path, i + 1, lines[i].IndexOf(ch) + 1, $"unexpected character '{ch}' in a field name");
                }
                bool required = line.EndsWith("!");
                fields.Add(new Field(required ? line.Substring(0, line.Length - 1) : line, required, new SourceLocation(source.Path, i + 1, lines[i].IndexOf(line[0]) + 1)));
            }
            return new FieldListSchema(source, fields);
        }

        public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options)
        {
            var before = ((FieldListSchema)original).Fields.ToDictionary(f => f.Name);
            var after = ((FieldListSchema)update).Fields.ToDictionary(f => f.Name);
            var differences = new List<Difference>();
            foreach (Field field in after.Values)
            {
                if (before.TryGetValue(field.Name, out Field? old))
                {
                    if (field.Required && !old.Required)
                        differences.Add(new Difference("FIELD_MADE_REQUIRED", "#/" + field.Name, false,
                            $"field '{field.Name}' became required: data written without it cannot be read", old.Location, field.Location));
                }
                else
                {
                    differences.Add(field.Required
                        ? new Difference("REQUIRED_FIELD_ADDED", "#/" + field.Name, false,
                            $"required field '{field.Name}' was added: data written before it existed cannot be read", null, field.Location)
                        : new Difference("OPTIONAL_FIELD_ADDED", "#/" + field.Name, true, $"optional field '{field.Name}' was added", null, field.Location));
                }
            }
            foreach (Field field in before.Values.Where(f => !after.ContainsKey(f.Name)))
                differences.Add(new Difference("FIELD_REMOVED", "#/" + field.Name, true, $"field '{field.Name}' was removed", field.Location, null));
            return differences;
        }

        private sealed class FieldListSchema : ParsedSchema
        {
            public FieldListSchema(SchemaSource source, List<Field> fields) : base(source) => Fields = fields;

            public List<Field> Fields { get; }
        }

        private sealed class Field
        {
            public Field(string name, bool required, SourceLocation location)
            {
                Name = name;
                Required = required;
                Location = location;
            }

            public string Name { get; }
            public bool Required { get; }
            public SourceLocation Location { get; }
        }
    }
}
