using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Registry.Lint.Shapes
{
    /// <summary>A JSON Schema's properties as the engine's loader normalised them, references resolved.</summary>
    internal static class JsonShape
    {
        private const int MaxDepth = 32;

        public static ContractShape Of(JsonParsedSchema schema)
        {
            JsonSchemaNode root = schema.Root;
            IReadOnlyList<ShapeField> fields = Properties(root, root.Document, "#", 0);
            string? typeName = fields.Where(f => f.Name == "event_type" && f.VersionValue != null).Select(f => f.VersionValue!.Trim('"')).FirstOrDefault()
                ?? Title(root);
            return new ContractShape(typeName, JsonValues.Locate(root.Token, root.Document.File), fields);
        }

        private static string? Title(JsonSchemaNode node) => node.Title ?? (node.Keyword("title") as JValue)?.Value as string;

        /// <summary>The properties of an object schema, through allOf/anyOf/oneOf branches and references.</summary>
        internal static IReadOnlyList<ShapeField> Properties(JsonSchemaNode node, JsonSchemaDocument home, string path, int depth)
        {
            var fields = new List<ShapeField>();
            if (depth > MaxDepth) return fields;
            switch (node)
            {
                case ObjectSchemaNode obj:
                    foreach (string name in obj.PropertyOrder)
                    {
                        JsonSchemaNode property = obj.Properties[name];
                        string propertyPath = path + "/properties/" + name;
                        fields.Add(new ShapeField(name, JsonValues.Locate(property.Token, property.Document.File),
                            property.Document == home, Documented(property, 0), Pinned(property, 0),
                            () => Properties(property, home, propertyPath, depth + 1), propertyPath));
                    }
                    break;
                case CombinedSchemaNode combined:
                    foreach (JsonSchemaNode branch in combined.Subschemas)
                        foreach (ShapeField f in Properties(branch, home, path, depth + 1))
                            if (!fields.Any(existing => existing.Name == f.Name)) fields.Add(f);
                    break;
                case ReferenceSchemaNode reference when reference.Target != null:
                    fields.AddRange(Properties(reference.Target, home, path, depth + 1));
                    break;
            }
            return fields;
        }

        /// <summary>A description on the property, or on what it references or combines.</summary>
        private static bool Documented(JsonSchemaNode node, int depth)
        {
            if (!string.IsNullOrWhiteSpace(node.Description) || node.Keyword("description") != null) return true;
            if (depth > MaxDepth) return false;
            return node switch
            {
                ReferenceSchemaNode r => r.Target != null && Documented(r.Target, depth + 1),
                CombinedSchemaNode c when c.IsSynthetic => c.Subschemas.Any(s => Documented(s, depth + 1)),
                _ => false,
            };
        }

        /// <summary>The value a property pins: its const, its enum (sorted), or its default.</summary>
        private static string? Pinned(JsonSchemaNode node, int depth)
        {
            if (depth > MaxDepth) return null;
            switch (node)
            {
                case ConstSchemaNode c:
                    return c.Value;
                case EnumSchemaNode e:
                    return "[" + string.Join(",", e.Values.OrderBy(v => v, System.StringComparer.Ordinal)) + "]";
                case CombinedSchemaNode combined:
                    string? inner = combined.Subschemas.Select(s => Pinned(s, depth + 1)).FirstOrDefault(v => v != null);
                    if (inner != null) return inner;
                    break;
                case ReferenceSchemaNode r when r.Target != null:
                    string? target = Pinned(r.Target, depth + 1);
                    if (target != null) return target;
                    break;
            }
            JToken? fallback = node.Default ?? node.Keyword("default");
            return fallback == null ? null : JsonValues.Canonical(fallback);
        }
    }
}
