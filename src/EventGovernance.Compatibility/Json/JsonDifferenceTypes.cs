using System.Collections.Generic;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// The registry's JSON Schema difference types, which of them are compatible under each policy,
    /// and a sentence for each. STRICT treats an open content model as possibly holding any property, so
    /// giving a property a schema (or dropping a restriction on unknown properties) can break readers;
    /// LENIENT assumes producers only write declared properties.
    /// </summary>
    internal static class JsonDifferenceTypes
    {
        public static readonly HashSet<string> CompatibleStrict = new HashSet<string>
        {
            JsonDifferenceType.IdChanged, JsonDifferenceType.DescriptionChanged, JsonDifferenceType.TitleChanged, JsonDifferenceType.DefaultChanged, JsonDifferenceType.SchemaRemoved, JsonDifferenceType.TypeExtended,
            JsonDifferenceType.MaxLengthIncreased, JsonDifferenceType.MaxLengthRemoved, JsonDifferenceType.MinLengthDecreased, JsonDifferenceType.MinLengthRemoved, JsonDifferenceType.PatternRemoved,
            JsonDifferenceType.MaximumIncreased, JsonDifferenceType.MaximumRemoved, JsonDifferenceType.MinimumDecreased, JsonDifferenceType.MinimumRemoved,
            JsonDifferenceType.ExclusiveMaximumIncreased, JsonDifferenceType.ExclusiveMaximumRemoved, JsonDifferenceType.ExclusiveMinimumDecreased, JsonDifferenceType.ExclusiveMinimumRemoved,
            JsonDifferenceType.MultipleOfReduced, JsonDifferenceType.MultipleOfRemoved,
            JsonDifferenceType.RequiredAttributeWithDefaultAdded, JsonDifferenceType.RequiredAttributeRemoved, JsonDifferenceType.DependencyArrayNarrowed,
            JsonDifferenceType.DependencyArrayRemoved, JsonDifferenceType.DependencySchemaRemoved, JsonDifferenceType.MaxPropertiesIncreased, JsonDifferenceType.MaxPropertiesRemoved,
            JsonDifferenceType.MinPropertiesDecreased, JsonDifferenceType.MinPropertiesRemoved, JsonDifferenceType.AdditionalPropertiesAdded, JsonDifferenceType.AdditionalPropertiesExtended,
            JsonDifferenceType.UnevaluatedPropertiesAdded, JsonDifferenceType.UnevaluatedPropertiesExtended,
            JsonDifferenceType.PropertyWithEmptySchemaAddedToOpenContentModel, JsonDifferenceType.RequiredPropertyWithDefaultAddedToUnopenContentModel,
            JsonDifferenceType.OptionalPropertyAddedToUnopenContentModel, JsonDifferenceType.PropertyWithFalseRemovedFromClosedContentModel,
            JsonDifferenceType.PropertyRemovedFromOpenContentModel, JsonDifferenceType.PropertyAddedIsCoveredByPartiallyOpenContentModel,
            JsonDifferenceType.PropertyRemovedIsCoveredByPartiallyOpenContentModel,
            JsonDifferenceType.MaxItemsIncreased, JsonDifferenceType.MaxItemsRemoved, JsonDifferenceType.MinItemsDecreased, JsonDifferenceType.MinItemsRemoved,
            JsonDifferenceType.MaxContainsIncreased, JsonDifferenceType.MaxContainsRemoved, JsonDifferenceType.MinContainsDecreased, JsonDifferenceType.MinContainsRemoved,
            JsonDifferenceType.UniqueItemsRemoved, JsonDifferenceType.AdditionalItemsAdded, JsonDifferenceType.AdditionalItemsExtended, JsonDifferenceType.UnevaluatedItemsAdded,
            JsonDifferenceType.UnevaluatedItemsExtended, JsonDifferenceType.ItemWithEmptySchemaAddedToOpenContentModel, JsonDifferenceType.ItemAddedToClosedContentModel,
            JsonDifferenceType.ItemWithFalseRemovedFromClosedContentModel, JsonDifferenceType.ItemRemovedFromOpenContentModel,
            JsonDifferenceType.ItemAddedIsCoveredByPartiallyOpenContentModel, JsonDifferenceType.ItemRemovedIsCoveredByPartiallyOpenContentModel,
            JsonDifferenceType.EnumArrayExtended, JsonDifferenceType.CombinedTypeExtended, JsonDifferenceType.ProductTypeNarrowed, JsonDifferenceType.SumTypeExtended, JsonDifferenceType.NotTypeNarrowed,
        };

        public static readonly HashSet<string> CompatibleLenient = new HashSet<string>(CompatibleStrict)
        {
            JsonDifferenceType.AdditionalPropertiesNarrowed, JsonDifferenceType.AdditionalPropertiesRemoved, JsonDifferenceType.UnevaluatedPropertiesNarrowed,
            JsonDifferenceType.UnevaluatedPropertiesRemoved, JsonDifferenceType.RequiredPropertyWithDefaultAddedToOpenContentModel,
            JsonDifferenceType.OptionalPropertyAddedToOpenContentModel, JsonDifferenceType.PropertyRemovedFromOpenContentModel,
            JsonDifferenceType.PropertyRemovedFromClosedContentModel, JsonDifferenceType.PropertyAddedNotCoveredByPartiallyOpenContentModel,
            JsonDifferenceType.PropertyRemovedNotCoveredByPartiallyOpenContentModel,
        };

        public static HashSet<string> CompatibleFor(JsonCompatibilityPolicy policy) =>
            policy == JsonCompatibilityPolicy.Lenient ? CompatibleLenient : CompatibleStrict;

        /// <summary>What each change is, in words (the path is added by <see cref="Message"/>).</summary>
        private static readonly Dictionary<string, string> What = new Dictionary<string, string>
        {
            [JsonDifferenceType.IdChanged] = "the $id changed",
            [JsonDifferenceType.DescriptionChanged] = "the description changed",
            [JsonDifferenceType.TitleChanged] = "the title changed",
            [JsonDifferenceType.DefaultChanged] = "the default value changed",
            [JsonDifferenceType.SchemaAdded] = "a schema was added where there was none",
            [JsonDifferenceType.SchemaRemoved] = "a schema was removed",
            [JsonDifferenceType.TypeExtended] = "the type was widened (integer to number)",
            [JsonDifferenceType.TypeNarrowed] = "the type was narrowed (number to integer)",
            [JsonDifferenceType.TypeChanged] = "the type changed",
            [JsonDifferenceType.RequiredAttributeAdded] = "an existing property became required without a default",
            [JsonDifferenceType.RequiredAttributeWithDefaultAdded] = "an existing property with a default became required",
            [JsonDifferenceType.RequiredAttributeRemoved] = "a property is no longer required",
            [JsonDifferenceType.RequiredPropertyAddedToOpenContentModel] = "a required property without a default was added to an open content model",
            [JsonDifferenceType.RequiredPropertyWithDefaultAddedToOpenContentModel] = "a required property with a default was added to an open content model, where old data may hold it with any value",
            [JsonDifferenceType.OptionalPropertyAddedToOpenContentModel] = "an optional property was added to an open content model, where old data may hold it with any value",
            [JsonDifferenceType.PropertyWithEmptySchemaAddedToOpenContentModel] = "a property that accepts anything was added to an open content model",
            [JsonDifferenceType.RequiredPropertyAddedToUnopenContentModel] = "a required property without a default was added to a closed or partially open content model",
            [JsonDifferenceType.RequiredPropertyWithDefaultAddedToUnopenContentModel] = "a required property with a default was added to a closed or partially open content model",
            [JsonDifferenceType.OptionalPropertyAddedToUnopenContentModel] = "an optional property was added to a closed or partially open content model",
            [JsonDifferenceType.PropertyRemovedFromOpenContentModel] = "a property was removed and the updated content model is open",
            [JsonDifferenceType.PropertyWithFalseRemovedFromClosedContentModel] = "a property that was forbidden (false) was removed from a closed content model",
            [JsonDifferenceType.PropertyRemovedFromClosedContentModel] = "a property was removed from a closed content model",
            [JsonDifferenceType.PropertyRemovedIsCoveredByPartiallyOpenContentModel] = "a property was removed and its values are still accepted by the partially open content model",
            [JsonDifferenceType.PropertyRemovedNotCoveredByPartiallyOpenContentModel] = "a property was removed and the partially open content model does not accept its values",
            [JsonDifferenceType.PropertyAddedIsCoveredByPartiallyOpenContentModel] = "a property was added whose schema accepts what the partially open content model allowed",
            [JsonDifferenceType.PropertyAddedNotCoveredByPartiallyOpenContentModel] = "a property was added whose schema rejects values the partially open content model allowed",
            [JsonDifferenceType.ItemAddedToOpenContentModel] = "a positional item schema was added to an open array",
            [JsonDifferenceType.ItemWithEmptySchemaAddedToOpenContentModel] = "a positional item that accepts anything was added to an open array",
            [JsonDifferenceType.ItemAddedToClosedContentModel] = "a positional item was added to a closed array",
            [JsonDifferenceType.ItemRemovedFromOpenContentModel] = "a positional item was removed and the updated array is open",
            [JsonDifferenceType.ItemWithFalseRemovedFromClosedContentModel] = "a forbidden (false) positional item was removed from a closed array",
            [JsonDifferenceType.ItemRemovedFromClosedContentModel] = "a positional item was removed from a closed array",
            [JsonDifferenceType.ItemRemovedIsCoveredByPartiallyOpenContentModel] = "a positional item was removed and the additional-items schema still accepts it",
            [JsonDifferenceType.ItemRemovedNotCoveredByPartiallyOpenContentModel] = "a positional item was removed and the additional-items schema does not accept it",
            [JsonDifferenceType.ItemAddedIsCoveredByPartiallyOpenContentModel] = "a positional item was added that accepts what the additional-items schema allowed",
            [JsonDifferenceType.ItemAddedNotCoveredByPartiallyOpenContentModel] = "a positional item was added that rejects values the additional-items schema allowed",
            [JsonDifferenceType.EnumArrayExtended] = "values were added to the enum",
            [JsonDifferenceType.EnumArrayNarrowed] = "values were removed from the enum",
            [JsonDifferenceType.EnumArrayChanged] = "the permitted values changed",
            [JsonDifferenceType.CombinedTypeExtended] = "the combination became less strict (e.g. oneOf to anyOf)",
            [JsonDifferenceType.CombinedTypeChanged] = "the combination keyword changed to a stricter one",
            [JsonDifferenceType.ProductTypeExtended] = "allOf gained schemas that data must also match",
            [JsonDifferenceType.ProductTypeNarrowed] = "allOf lost schemas",
            [JsonDifferenceType.SumTypeExtended] = "the choice (oneOf/anyOf) gained alternatives",
            [JsonDifferenceType.SumTypeNarrowed] = "the choice (oneOf/anyOf) lost alternatives",
            [JsonDifferenceType.CombinedTypeSubschemasChanged] = "the combined schemas changed so that some original branch has no compatible counterpart",
            [JsonDifferenceType.NotTypeExtended] = "the 'not' schema now excludes more values",
            [JsonDifferenceType.NotTypeNarrowed] = "the 'not' schema now excludes fewer values",
            [JsonDifferenceType.AdditionalPropertiesAdded] = "additional properties are now allowed",
            [JsonDifferenceType.AdditionalPropertiesRemoved] = "additional properties are now forbidden",
            [JsonDifferenceType.AdditionalPropertiesExtended] = "the schema restricting additional properties was removed",
            [JsonDifferenceType.AdditionalPropertiesNarrowed] = "additional properties are now restricted by a schema",
            [JsonDifferenceType.UnevaluatedPropertiesAdded] = "unevaluated properties are now allowed",
            [JsonDifferenceType.UnevaluatedPropertiesRemoved] = "unevaluated properties are now forbidden",
            [JsonDifferenceType.UnevaluatedPropertiesExtended] = "the restriction on unevaluated properties was relaxed",
            [JsonDifferenceType.UnevaluatedPropertiesNarrowed] = "unevaluated properties are now restricted by a schema",
            [JsonDifferenceType.AdditionalItemsAdded] = "additional items are now allowed",
            [JsonDifferenceType.AdditionalItemsRemoved] = "additional items are now forbidden",
            [JsonDifferenceType.AdditionalItemsExtended] = "the schema restricting additional items was removed",
            [JsonDifferenceType.AdditionalItemsNarrowed] = "additional items are now restricted by a schema",
            [JsonDifferenceType.UnevaluatedItemsAdded] = "unevaluated items are now allowed",
            [JsonDifferenceType.UnevaluatedItemsRemoved] = "unevaluated items are now forbidden",
            [JsonDifferenceType.UnevaluatedItemsExtended] = "the restriction on unevaluated items was relaxed",
            [JsonDifferenceType.UnevaluatedItemsNarrowed] = "unevaluated items are now restricted by a schema",
            [JsonDifferenceType.UniqueItemsAdded] = "items must now be unique",
            [JsonDifferenceType.UniqueItemsRemoved] = "items no longer need to be unique",
            [JsonDifferenceType.DependencyArrayAdded] = "a property dependency was added",
            [JsonDifferenceType.DependencyArrayRemoved] = "a property dependency was removed",
            [JsonDifferenceType.DependencyArrayExtended] = "a property dependency now requires more properties",
            [JsonDifferenceType.DependencyArrayNarrowed] = "a property dependency now requires fewer properties",
            [JsonDifferenceType.DependencyArrayChanged] = "a property dependency requires different properties",
            [JsonDifferenceType.DependencySchemaAdded] = "a schema dependency was added",
            [JsonDifferenceType.DependencySchemaRemoved] = "a schema dependency was removed",
            [JsonDifferenceType.PatternAdded] = "a pattern was added",
            [JsonDifferenceType.PatternRemoved] = "the pattern was removed",
            [JsonDifferenceType.PatternChanged] = "the pattern changed",
            [JsonDifferenceType.MultipleOfAdded] = "multipleOf was added",
            [JsonDifferenceType.MultipleOfRemoved] = "multipleOf was removed",
            [JsonDifferenceType.MultipleOfExpanded] = "multipleOf became a multiple of the old value",
            [JsonDifferenceType.MultipleOfReduced] = "multipleOf became a divisor of the old value",
            [JsonDifferenceType.MultipleOfChanged] = "multipleOf changed to an unrelated value",
        };

        /// <summary>
        /// In a FORWARD check the new version is the original, so a type names the opposite of what the user
        /// did (MINIMUM_ADDED: the registered reader has a minimum the new version dropped). Most read right as
        /// their inverse type; these are the ones whose inverse is not a type or says something else.
        /// </summary>
        private static readonly Dictionary<string, string> WhatForward = new Dictionary<string, string>
        {
            [JsonDifferenceType.CombinedTypeExtended] = "the combination became stricter (e.g. anyOf to oneOf)",
            [JsonDifferenceType.CombinedTypeChanged] = "the combination keyword changed to a less strict one",
            [JsonDifferenceType.CombinedTypeSubschemasChanged] = "the combined schemas changed so that some branch of the new version has no compatible counterpart in the old one",
            [JsonDifferenceType.RequiredAttributeAdded] = "a property that was required without a default is no longer required",
            [JsonDifferenceType.RequiredAttributeWithDefaultAdded] = "a property with a default is no longer required",
            [JsonDifferenceType.RequiredAttributeRemoved] = "an existing property became required",
            [JsonDifferenceType.RequiredPropertyAddedToOpenContentModel] = "a property that was required without a default was removed",
            [JsonDifferenceType.RequiredPropertyWithDefaultAddedToOpenContentModel] = "a required property with a default was removed; the old version checks it if the data still holds it",
            [JsonDifferenceType.OptionalPropertyAddedToOpenContentModel] = "an optional property was removed; the old version checks it if the data still holds it",
            [JsonDifferenceType.PropertyWithEmptySchemaAddedToOpenContentModel] = "a property that accepted anything was removed",
            [JsonDifferenceType.RequiredPropertyAddedToUnopenContentModel] = "a property that was required without a default was removed from a closed or partially open content model",
            [JsonDifferenceType.RequiredPropertyWithDefaultAddedToUnopenContentModel] = "a required property with a default was removed from a closed or partially open content model",
            [JsonDifferenceType.OptionalPropertyAddedToUnopenContentModel] = "an optional property was removed from a closed or partially open content model",
            [JsonDifferenceType.PropertyRemovedFromOpenContentModel] = "a property was added and the old content model is open",
            [JsonDifferenceType.PropertyWithFalseRemovedFromClosedContentModel] = "a property that is forbidden (false) was added to a closed content model",
            [JsonDifferenceType.PropertyRemovedFromClosedContentModel] = "a property was added that the old, closed content model does not allow",
            [JsonDifferenceType.PropertyRemovedIsCoveredByPartiallyOpenContentModel] = "a property was added whose values the old, partially open content model accepts",
            [JsonDifferenceType.PropertyRemovedNotCoveredByPartiallyOpenContentModel] = "a property was added whose values the old, partially open content model does not accept",
            [JsonDifferenceType.PropertyAddedIsCoveredByPartiallyOpenContentModel] = "a property was removed and the new partially open content model accepts no more than it did",
            [JsonDifferenceType.PropertyAddedNotCoveredByPartiallyOpenContentModel] = "a property was removed and the new partially open content model accepts values its schema rejected",
            [JsonDifferenceType.ItemAddedToOpenContentModel] = "a positional item schema was removed from an open array",
            [JsonDifferenceType.ItemWithEmptySchemaAddedToOpenContentModel] = "a positional item that accepted anything was removed from an open array",
            [JsonDifferenceType.ItemAddedToClosedContentModel] = "a positional item was removed from a closed array",
            [JsonDifferenceType.ItemRemovedFromOpenContentModel] = "a positional item was added and the old array is open",
            [JsonDifferenceType.ItemWithFalseRemovedFromClosedContentModel] = "a forbidden (false) positional item was added to a closed array",
            [JsonDifferenceType.ItemRemovedFromClosedContentModel] = "a positional item was added that the old, closed array does not allow",
            [JsonDifferenceType.ItemRemovedIsCoveredByPartiallyOpenContentModel] = "a positional item was added that the old additional-items schema accepts",
            [JsonDifferenceType.ItemRemovedNotCoveredByPartiallyOpenContentModel] = "a positional item was added that the old additional-items schema does not accept",
            [JsonDifferenceType.ItemAddedIsCoveredByPartiallyOpenContentModel] = "a positional item was removed and the new additional-items schema accepts no more than it did",
            [JsonDifferenceType.ItemAddedNotCoveredByPartiallyOpenContentModel] = "a positional item was removed and the new additional-items schema accepts values it rejected",
        };

        /// <summary>
        /// One sentence from the user's side: what the new version changed, where, and which consumers it breaks.
        /// <paramref name="direction"/> says which side the differ's original was (Forward: the new version).
        /// </summary>
        public static string Message(string type, string path, bool compatible, CheckDirection direction = CheckDirection.Backward)
        {
            string what = direction == CheckDirection.Backward ? WhatBackward(type) : WhatForwardOf(type);
            string impact = direction == CheckDirection.Backward
                ? compatible
                    ? "consumers reading with the new schema still accept data written with the old one"
                    : "consumers reading with the new schema may reject data written with the old one"
                : compatible
                    ? "consumers still reading with the old schema accept data written with the new one"
                    : "consumers still reading with the old schema may reject data written with the new one";
            return $"At {path} {what}: {impact}.";
        }

        private static string WhatBackward(string type) => What.TryGetValue(type, out string? known) ? known : Generic(type);

        private static string WhatForwardOf(string type)
        {
            if (WhatForward.TryGetValue(type, out string? forward)) return forward;
            string inverse = Inverse(type);
            return What.TryGetValue(inverse, out string? known) ? known : Generic(inverse);
        }

        /// <summary>The type of the opposite change: MINIMUM_ADDED to MINIMUM_REMOVED, TYPE_EXTENDED to TYPE_NARROWED.</summary>
        private static string Inverse(string type)
        {
            int cut = type.LastIndexOf('_');
            if (cut < 0) return type;
            string verb = type.Substring(cut + 1);
            string opposite = verb switch
            {
                "ADDED" => "REMOVED",
                "REMOVED" => "ADDED",
                "EXTENDED" => "NARROWED",
                "NARROWED" => "EXTENDED",
                "INCREASED" => "DECREASED",
                "DECREASED" => "INCREASED",
                "EXPANDED" => "REDUCED",
                "REDUCED" => "EXPANDED",
                _ => verb,
            };
            return type.Substring(0, cut + 1) + opposite;
        }

        /// <summary>Limits (MAX_LENGTH_ADDED, MINIMUM_INCREASED, ...) read well as "maxLength was added".</summary>
        private static string Generic(string type)
        {
            string[] words = type.Split('_');
            string verb = words[words.Length - 1].ToLowerInvariant();
            string keyword = string.Join("", System.Linq.Enumerable.Select(System.Linq.Enumerable.Take(words, words.Length - 1),
                (w, i) => i == 0 ? w.ToLowerInvariant() : w.Substring(0, 1) + w.Substring(1).ToLowerInvariant()));
            return $"{keyword} was {verb}";
        }
    }
}
