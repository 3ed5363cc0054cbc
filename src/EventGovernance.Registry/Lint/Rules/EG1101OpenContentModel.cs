using System.Collections.Generic;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1101: a JSON Schema object with an open content model in a subject checked BACKWARD or FULL. The registry
    /// then rejects every optional property added later (PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL), which surprises most teams.
    /// </summary>
    internal sealed class EG1101OpenContentModel : ILintRule
    {
        public string Id => LintRules.OpenContentModel;

        public void Check(LintContext context)
        {
            if (!(context.Input.Schema is JsonParsedSchema json) || !context.Input.Level.ChecksBackward()) return;
            var seen = new HashSet<JsonSchemaNode>();
            Walk(json.Root, json.Root.Document, context, seen, 0);
        }

        private static void Walk(JsonSchemaNode node, JsonSchemaDocument home, LintContext context, HashSet<JsonSchemaNode> seen, int depth)
        {
            // Objects of referenced files are linted under their own subject.
            if (depth > 64 || node.Document != home || !seen.Add(node)) return;
            switch (node)
            {
                case ObjectSchemaNode obj:
                    if (IsOpen(obj)) Report(obj, context);
                    foreach (JsonSchemaNode property in obj.Properties.Values) Walk(property, home, context, seen, depth + 1);
                    if (obj.AdditionalPropertiesSchema != null) Walk(obj.AdditionalPropertiesSchema, home, context, seen, depth + 1);
                    foreach (PatternProperty pattern in obj.PatternProperties) Walk(pattern.Schema, home, context, seen, depth + 1);
                    foreach (JsonSchemaNode dependency in obj.SchemaDependencies.Values) Walk(dependency, home, context, seen, depth + 1);
                    break;
                case ArraySchemaNode array:
                    if (array.AllItemsSchema != null) Walk(array.AllItemsSchema, home, context, seen, depth + 1);
                    foreach (JsonSchemaNode item in array.ItemSchemas ?? new List<JsonSchemaNode>()) Walk(item, home, context, seen, depth + 1);
                    if (array.AdditionalItemsSchema != null) Walk(array.AdditionalItemsSchema, home, context, seen, depth + 1);
                    break;
                case CombinedSchemaNode combined:
                    // An object closed by a sibling branch (allOf [{...}, {"unevaluatedProperties": false}]) is closed.
                    if (combined.IsSynthetic || combined.Criterion == CombinedSchemaNode.AllOf)
                    {
                        if (ClosesObjects(combined)) return;
                    }
                    foreach (JsonSchemaNode branch in combined.Subschemas) Walk(branch, home, context, seen, depth + 1);
                    break;
                case NotSchemaNode not:
                    break; // what must not match is not a content model
                case ReferenceSchemaNode reference when reference.Target != null:
                    Walk(reference.Target, home, context, seen, depth + 1);
                    break;
            }
        }

        private static bool IsOpen(ObjectSchemaNode obj) =>
            obj.PermitsAdditionalProperties && obj.AdditionalPropertiesSchema == null && obj.PatternProperties.Count == 0
            && !(obj.UnevaluatedProperties is JsonSchemaNode u && u.Kind == JsonSchemaKind.False);

        private static bool ClosesObjects(CombinedSchemaNode combined)
        {
            foreach (JsonSchemaNode branch in combined.Subschemas)
                if (branch is ObjectSchemaNode o && o.UnevaluatedProperties is JsonSchemaNode u && u.Kind == JsonSchemaKind.False) return true;
            return false;
        }

        private static void Report(ObjectSchemaNode obj, LintContext context)
        {
            string path = Pointer(obj);
            string level = context.Input.Level.ToRegistryName();
            context.Report(JsonValues.Locate(obj.Token, obj.Document.File),
                $"At {path} the object has an open content model (no \"additionalProperties\": false, no \"patternProperties\", no \"unevaluatedProperties\": false) " +
                $"and subject '{context.Subject}' is checked at {level}: the registry will reject every property added to it later, optional or not " +
                "(PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL), and removing one is only compatible while the model stays open",
                path);
        }

        /// <summary>The object's place as a JSON pointer, from Newtonsoft's path (<c>properties.data</c> → <c>#/properties/data</c>).</summary>
        internal static string Pointer(JsonSchemaNode node)
        {
            string p = node.Token.Path;
            if (p.Length == 0) return "#";
            return "#/" + p.Replace("['", "").Replace("']", "").Replace("[", ".").Replace("]", "").Replace('.', '/');
        }
    }
}
