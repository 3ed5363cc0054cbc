using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Object schemas: required properties, properties added or removed under open, closed and partially
    /// open content models, dependencies, additional and unevaluated properties, and property counts.
    /// </summary>
    internal static class JsonObjectDiff
    {
        public static void Compare(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update)
        {
            CompareRequired(context, original, update);
            CompareProperties(context, original, update);
            CompareDependencies(context, original, update);
            CompareAdditionalProperties(context, original, update);
            CompareUnevaluatedProperties(context, original, update);
            JsonSchemaDiff.CompareLimit(context, "maxProperties", original.MaxProperties, update.MaxProperties, "MAX_PROPERTIES");
            JsonSchemaDiff.CompareLimit(context, "minProperties", original.MinProperties, update.MinProperties, "MIN_PROPERTIES");
        }

        /// <summary>Open: any unknown property with any value is allowed (no additionalProperties/patternProperties restriction).</summary>
        public static bool IsOpen(ObjectSchemaNode schema)
        {
            if (!schema.PermitsAdditionalProperties || schema.AdditionalPropertiesSchema != null || schema.PatternProperties.Count > 0)
                return false;
            return schema.UnevaluatedProperties == null || JsonSchemaDiff.Is(schema.UnevaluatedProperties, JsonSchemaKind.Empty);
        }

        /// <summary>The schema a partially open model applies to an undeclared property, or null when closed.</summary>
        private static JsonSchemaNode? PartiallyOpenSchema(ObjectSchemaNode schema, string property)
        {
            foreach (PatternProperty pattern in schema.PatternProperties)
                if (Matches(pattern.Regex, property)) return pattern.Schema;
            if (schema.AdditionalPropertiesSchema != null) return schema.AdditionalPropertiesSchema;
            if (schema.PermitsAdditionalProperties && schema.UnevaluatedProperties != null
                && !JsonSchemaDiff.Is(schema.UnevaluatedProperties, JsonSchemaKind.False)
                && !JsonSchemaDiff.Is(schema.UnevaluatedProperties, JsonSchemaKind.Empty))
                return schema.UnevaluatedProperties;
            return null;
        }

        private static bool Matches(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static void CompareRequired(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update)
        {
            using (context.Enter("required"))
            {
                foreach (string name in original.PropertyOrder)
                {
                    if (!update.Properties.TryGetValue(name, out JsonSchemaNode? updateSchema)) continue;
                    bool wasRequired = original.Required.Contains(name);
                    bool isRequired = update.Required.Contains(name);
                    if (wasRequired == isRequired) continue;
                    using (context.EnterName(name))
                    {
                        string type = wasRequired ? JsonDifferenceType.RequiredAttributeRemoved
                            : HasDefault(updateSchema) ? JsonDifferenceType.RequiredAttributeWithDefaultAdded : JsonDifferenceType.RequiredAttributeAdded;
                        context.Add(type, RequiredLocation(original, name), RequiredLocation(update, name));
                    }
                }
            }
        }

        private static bool HasDefault(JsonSchemaNode schema) => schema.Default != null || JsonSchemaDiff.Resolve(schema).Default != null;

        /// <summary>The name inside "required" when listed there, else the property itself.</summary>
        private static Anchor RequiredLocation(ObjectSchemaNode schema, string name)
        {
            JToken? listed = (schema.Keyword("required") as JArray)?.FirstOrDefault(t => t.Type == JTokenType.String && (string)t! == name);
            return listed != null ? JsonDiffContext.Locate(schema, listed) : PropertyLocation(schema, name);
        }

        /// <summary>
        /// The property on this side; none when this side does not declare it, so that a removed property is
        /// reported at its old place rather than at the enclosing object (often the whole file, at 1,1).
        /// </summary>
        private static Anchor PropertyLocation(ObjectSchemaNode schema, string name) =>
            schema.Properties.TryGetValue(name, out JsonSchemaNode? property) ? JsonDiffContext.Locate(property) : default;

        private static void CompareProperties(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update)
        {
            using (context.Enter("properties"))
            {
                foreach (string name in original.PropertyOrder.Concat(update.PropertyOrder.Where(n => !original.Properties.ContainsKey(n))))
                {
                    if (context.Stopped) return;
                    using (context.EnterName(name))
                    {
                        original.Properties.TryGetValue(name, out JsonSchemaNode? originalSchema);
                        update.Properties.TryGetValue(name, out JsonSchemaNode? updateSchema);
                        if (originalSchema != null && updateSchema != null)
                        {
                            JsonSchemaDiff.Compare(context, originalSchema, updateSchema);
                            continue;
                        }
                        // The side that lacks the property has no location: the property is only on the other side.
                        Anchor originalAt = PropertyLocation(original, name);
                        Anchor updateAt = PropertyLocation(update, name);
                        if (updateSchema == null)
                            PropertyRemoved(context, originalSchema!, update, name, originalAt, updateAt);
                        else
                            PropertyAdded(context, original, update, updateSchema, name, originalAt, updateAt);
                    }
                }
            }
        }

        /// <summary>A removed property is judged by the update's content model: does it still accept the old values?</summary>
        private static void PropertyRemoved(JsonDiffContext context, JsonSchemaNode originalSchema, ObjectSchemaNode update, string name,
            Anchor originalAt, Anchor updateAt)
        {
            if (IsOpen(update))
            {
                context.Add(JsonDifferenceType.PropertyRemovedFromOpenContentModel, originalAt, updateAt);
                return;
            }
            JsonSchemaNode? covering = PartiallyOpenSchema(update, name);
            if (covering != null)
            {
                JsonDiffContext trial = context.Sub();
                JsonSchemaDiff.Compare(trial, originalSchema, covering);
                context.AddRange(trial.Differences);
                context.Add(trial.IsCompatible ? JsonDifferenceType.PropertyRemovedIsCoveredByPartiallyOpenContentModel : JsonDifferenceType.PropertyRemovedNotCoveredByPartiallyOpenContentModel, originalAt, updateAt);
                return;
            }
            context.Add(JsonSchemaDiff.Is(originalSchema, JsonSchemaKind.False) ? JsonDifferenceType.PropertyWithFalseRemovedFromClosedContentModel : JsonDifferenceType.PropertyRemovedFromClosedContentModel, originalAt, updateAt);
        }

        /// <summary>An added property is judged by the original's content model: what could old data hold under that name?</summary>
        private static void PropertyAdded(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update, JsonSchemaNode updateSchema, string name,
            Anchor originalAt, Anchor updateAt)
        {
            bool required = update.Required.Contains(name);
            if (IsOpen(original))
            {
                string type = JsonSchemaDiff.Is(updateSchema, JsonSchemaKind.Empty) ? JsonDifferenceType.PropertyWithEmptySchemaAddedToOpenContentModel
                    : !required ? JsonDifferenceType.OptionalPropertyAddedToOpenContentModel
                    : HasDefault(updateSchema) ? JsonDifferenceType.RequiredPropertyWithDefaultAddedToOpenContentModel
                    : JsonDifferenceType.RequiredPropertyAddedToOpenContentModel;
                context.Add(type, originalAt, updateAt);
                return;
            }
            JsonSchemaNode? covering = PartiallyOpenSchema(original, name);
            if (covering != null)
            {
                JsonDiffContext trial = context.Sub();
                JsonSchemaDiff.Compare(trial, covering, updateSchema);
                context.AddRange(trial.Differences);
                context.Add(trial.IsCompatible ? JsonDifferenceType.PropertyAddedIsCoveredByPartiallyOpenContentModel : JsonDifferenceType.PropertyAddedNotCoveredByPartiallyOpenContentModel, originalAt, updateAt);
            }
            string requiredType = !required ? JsonDifferenceType.OptionalPropertyAddedToUnopenContentModel
                : HasDefault(updateSchema) ? JsonDifferenceType.RequiredPropertyWithDefaultAddedToUnopenContentModel
                : JsonDifferenceType.RequiredPropertyAddedToUnopenContentModel;
            context.Add(requiredType, originalAt, updateAt);
        }

        private static void CompareDependencies(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update)
        {
            if (original.PropertyDependencies.Count == 0 && update.PropertyDependencies.Count == 0
                && original.SchemaDependencies.Count == 0 && update.SchemaDependencies.Count == 0)
                return;
            using (context.Enter("dependencies"))
            {
                foreach (string name in Union(original.PropertyDependencies.Keys, update.PropertyDependencies.Keys))
                {
                    using (context.EnterName(name))
                    {
                        original.PropertyDependencies.TryGetValue(name, out HashSet<string>? before);
                        update.PropertyDependencies.TryGetValue(name, out HashSet<string>? after);
                        string? type = after == null ? JsonDifferenceType.DependencyArrayRemoved
                            : before == null ? JsonDifferenceType.DependencyArrayAdded
                            : before.SetEquals(after) ? null
                            : after.IsSupersetOf(before) ? JsonDifferenceType.DependencyArrayExtended
                            : before.IsSupersetOf(after) ? JsonDifferenceType.DependencyArrayNarrowed
                            : JsonDifferenceType.DependencyArrayChanged;
                        if (type != null) context.Add(type, DependencyLocation(original, name), DependencyLocation(update, name));
                    }
                }
                foreach (string name in Union(original.SchemaDependencies.Keys, update.SchemaDependencies.Keys))
                {
                    using (context.EnterName(name))
                    {
                        original.SchemaDependencies.TryGetValue(name, out JsonSchemaNode? before);
                        update.SchemaDependencies.TryGetValue(name, out JsonSchemaNode? after);
                        if (after == null) context.Add(JsonDifferenceType.DependencySchemaRemoved, DependencyLocation(original, name), DependencyLocation(update, name));
                        else if (before == null) context.Add(JsonDifferenceType.DependencySchemaAdded, DependencyLocation(original, name), DependencyLocation(update, name));
                        else JsonSchemaDiff.Compare(context, before, after);
                    }
                }
            }
        }

        private static IEnumerable<string> Union(IEnumerable<string> first, IEnumerable<string> second)
        {
            var seen = new HashSet<string>(first);
            return seen.Concat(second.Where(s => !seen.Contains(s))).ToList();
        }

        private static Anchor DependencyLocation(ObjectSchemaNode schema, string name) =>
            JsonDiffContext.Locate(schema, schema.DependencyLocation(name));

        private static void CompareAdditionalProperties(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update)
        {
            using (context.Enter("additionalProperties"))
            {
                Anchor originalAt = JsonDiffContext.KeywordLocation(original, "additionalProperties");
                Anchor updateAt = JsonDiffContext.KeywordLocation(update, "additionalProperties");
                if (original.PermitsAdditionalProperties != update.PermitsAdditionalProperties)
                    context.Add(update.PermitsAdditionalProperties ? JsonDifferenceType.AdditionalPropertiesAdded : JsonDifferenceType.AdditionalPropertiesRemoved, originalAt, updateAt);
                else if (original.AdditionalPropertiesSchema == null && update.AdditionalPropertiesSchema != null)
                    context.Add(JsonDifferenceType.AdditionalPropertiesNarrowed, originalAt, updateAt);
                else if (original.AdditionalPropertiesSchema != null && update.AdditionalPropertiesSchema == null)
                    context.Add(JsonDifferenceType.AdditionalPropertiesExtended, originalAt, updateAt);
                else
                    JsonSchemaDiff.Compare(context, original.AdditionalPropertiesSchema, update.AdditionalPropertiesSchema);
            }
        }

        private static void CompareUnevaluatedProperties(JsonDiffContext context, ObjectSchemaNode original, ObjectSchemaNode update) =>
            CompareUnevaluated(context, "unevaluatedProperties", "UNEVALUATED_PROPERTIES", original, update, original.UnevaluatedProperties, update.UnevaluatedProperties);

        /// <summary>
        /// Shared by unevaluatedProperties and unevaluatedItems: absent or true allows anything, false allows
        /// nothing, and a schema restricts.
        /// </summary>
        public static void CompareUnevaluated(JsonDiffContext context, string keyword, string prefix, JsonSchemaNode originalOwner, JsonSchemaNode updateOwner,
            JsonSchemaNode? before, JsonSchemaNode? after)
        {
            if (before == null && after == null) return;
            using (context.Enter(keyword))
            {
                Anchor originalAt = JsonDiffContext.KeywordLocation(originalOwner, keyword);
                Anchor updateAt = JsonDiffContext.KeywordLocation(updateOwner, keyword);
                bool beforeFalse = JsonSchemaDiff.Is(before, JsonSchemaKind.False);
                bool afterFalse = JsonSchemaDiff.Is(after, JsonSchemaKind.False);
                bool beforeEmpty = JsonSchemaDiff.Is(before, JsonSchemaKind.Empty);
                bool afterEmpty = JsonSchemaDiff.Is(after, JsonSchemaKind.Empty);
                string? type =
                    before == null ? (afterFalse ? "_REMOVED" : "_NARROWED")
                    : after == null ? (beforeFalse ? "_ADDED" : "_EXTENDED")
                    : beforeFalse && !afterFalse ? "_ADDED"
                    : !beforeFalse && afterFalse ? "_REMOVED"
                    : beforeEmpty && !afterEmpty ? "_NARROWED"
                    : !beforeEmpty && afterEmpty ? "_EXTENDED"
                    : null;
                if (type != null) context.Add(prefix + type, originalAt, updateAt);
                else JsonSchemaDiff.Compare(context, before, after);
            }
        }
    }
}
