using System.Collections.Generic;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Array schemas: the all-items schema, positional (tuple) items added or removed under open, closed
    /// and partially open models, additional and unevaluated items, and the item count limits.
    /// </summary>
    internal static class JsonArrayDiff
    {
        public static void Compare(JsonDiffContext context, ArraySchemaNode original, ArraySchemaNode update)
        {
            using (context.Enter("items"))
                JsonSchemaDiff.Compare(context, original.AllItemsSchema, update.AllItemsSchema);
            CompareItemSchemas(context, original, update);
            CompareAdditionalItems(context, original, update);
            JsonObjectDiff.CompareUnevaluated(context, "unevaluatedItems", "UNEVALUATED_ITEMS", original, update, original.UnevaluatedItems, update.UnevaluatedItems);
            JsonSchemaDiff.CompareLimit(context, "maxItems", original.MaxItems, update.MaxItems, "MAX_ITEMS");
            JsonSchemaDiff.CompareLimit(context, "minItems", original.MinItems, update.MinItems, "MIN_ITEMS");
            if (original.UniqueItems != update.UniqueItems)
                context.AddKeyword("uniqueItems", original.UniqueItems ? JsonDifferenceType.UniqueItemsRemoved : JsonDifferenceType.UniqueItemsAdded);
            JsonSchemaDiff.CompareLimit(context, "maxContains", original.MaxContains, update.MaxContains, "MAX_CONTAINS");
            JsonSchemaDiff.CompareLimit(context, "minContains", original.MinContains, update.MinContains, "MIN_CONTAINS");
        }

        private static bool IsOpen(ArraySchemaNode schema)
        {
            if (!schema.PermitsAdditionalItems || schema.AdditionalItemsSchema != null) return false;
            return schema.UnevaluatedItems == null || JsonSchemaDiff.Is(schema.UnevaluatedItems, JsonSchemaKind.Empty);
        }

        private static JsonSchemaNode? PartiallyOpenSchema(ArraySchemaNode schema)
        {
            if (schema.AdditionalItemsSchema != null) return schema.AdditionalItemsSchema;
            if (schema.PermitsAdditionalItems && schema.UnevaluatedItems != null
                && !JsonSchemaDiff.Is(schema.UnevaluatedItems, JsonSchemaKind.False)
                && !JsonSchemaDiff.Is(schema.UnevaluatedItems, JsonSchemaKind.Empty))
                return schema.UnevaluatedItems;
            return null;
        }

        private static void CompareItemSchemas(JsonDiffContext context, ArraySchemaNode original, ArraySchemaNode update)
        {
            List<JsonSchemaNode> before = original.ItemSchemas ?? new List<JsonSchemaNode>();
            List<JsonSchemaNode> after = update.ItemSchemas ?? new List<JsonSchemaNode>();
            int common = System.Math.Min(before.Count, after.Count);
            for (int i = 0; i < System.Math.Max(before.Count, after.Count) && !context.Stopped; i++)
            {
                using (context.Enter("items/" + i))
                {
                    if (i < common)
                        JsonSchemaDiff.Compare(context, before[i], after[i]);
                    else if (i < before.Count)
                        ItemRemoved(context, before[i], update);
                    else
                        ItemAdded(context, original, after[i]);
                }
            }
        }

        private static void ItemRemoved(JsonDiffContext context, JsonSchemaNode originalItem, ArraySchemaNode update)
        {
            Anchor originalAt = JsonDiffContext.Locate(originalItem);
            Anchor updateAt = JsonDiffContext.KeywordLocation(update, update.ItemSchemasKeyword);
            if (IsOpen(update))
            {
                context.Add(JsonDifferenceType.ItemRemovedFromOpenContentModel, originalAt, updateAt);
                return;
            }
            JsonSchemaNode? covering = PartiallyOpenSchema(update);
            if (covering != null)
            {
                JsonDiffContext trial = context.Sub();
                JsonSchemaDiff.Compare(trial, originalItem, covering);
                context.AddRange(trial.Differences);
                context.Add(trial.IsCompatible ? JsonDifferenceType.ItemRemovedIsCoveredByPartiallyOpenContentModel : JsonDifferenceType.ItemRemovedNotCoveredByPartiallyOpenContentModel, originalAt, updateAt);
                return;
            }
            context.Add(JsonSchemaDiff.Is(originalItem, JsonSchemaKind.False) ? JsonDifferenceType.ItemWithFalseRemovedFromClosedContentModel : JsonDifferenceType.ItemRemovedFromClosedContentModel, originalAt, updateAt);
        }

        private static void ItemAdded(JsonDiffContext context, ArraySchemaNode original, JsonSchemaNode updateItem)
        {
            Anchor originalAt = JsonDiffContext.KeywordLocation(original, original.ItemSchemasKeyword);
            Anchor updateAt = JsonDiffContext.Locate(updateItem);
            if (IsOpen(original))
            {
                context.Add(JsonSchemaDiff.Is(updateItem, JsonSchemaKind.Empty) ? JsonDifferenceType.ItemWithEmptySchemaAddedToOpenContentModel : JsonDifferenceType.ItemAddedToOpenContentModel, originalAt, updateAt);
                return;
            }
            JsonSchemaNode? covering = PartiallyOpenSchema(original);
            if (covering != null)
            {
                JsonDiffContext trial = context.Sub();
                JsonSchemaDiff.Compare(trial, covering, updateItem);
                context.AddRange(trial.Differences);
                context.Add(trial.IsCompatible ? JsonDifferenceType.ItemAddedIsCoveredByPartiallyOpenContentModel : JsonDifferenceType.ItemAddedNotCoveredByPartiallyOpenContentModel, originalAt, updateAt);
                return;
            }
            context.Add(JsonDifferenceType.ItemAddedToClosedContentModel, originalAt, updateAt);
        }

        private static void CompareAdditionalItems(JsonDiffContext context, ArraySchemaNode original, ArraySchemaNode update)
        {
            using (context.Enter("additionalItems"))
            {
                Anchor originalAt = JsonDiffContext.KeywordLocation(original, original.AdditionalItemsKeyword);
                Anchor updateAt = JsonDiffContext.KeywordLocation(update, update.AdditionalItemsKeyword);
                if (original.PermitsAdditionalItems != update.PermitsAdditionalItems)
                    context.Add(original.PermitsAdditionalItems ? JsonDifferenceType.AdditionalItemsRemoved : JsonDifferenceType.AdditionalItemsAdded, originalAt, updateAt);
                else if (original.AdditionalItemsSchema == null && update.AdditionalItemsSchema != null)
                    context.Add(JsonDifferenceType.AdditionalItemsNarrowed, originalAt, updateAt);
                else if (original.AdditionalItemsSchema != null && update.AdditionalItemsSchema == null)
                    context.Add(JsonDifferenceType.AdditionalItemsExtended, originalAt, updateAt);
                else
                    JsonSchemaDiff.Compare(context, original.AdditionalItemsSchema, update.AdditionalItemsSchema);
            }
        }
    }
}
