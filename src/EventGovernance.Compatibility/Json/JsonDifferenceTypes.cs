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
            "ID_CHANGED", "DESCRIPTION_CHANGED", "TITLE_CHANGED", "DEFAULT_CHANGED", "SCHEMA_REMOVED", "TYPE_EXTENDED",
            "MAX_LENGTH_INCREASED", "MAX_LENGTH_REMOVED", "MIN_LENGTH_DECREASED", "MIN_LENGTH_REMOVED", "PATTERN_REMOVED",
            "MAXIMUM_INCREASED", "MAXIMUM_REMOVED", "MINIMUM_DECREASED", "MINIMUM_REMOVED",
            "EXCLUSIVE_MAXIMUM_INCREASED", "EXCLUSIVE_MAXIMUM_REMOVED", "EXCLUSIVE_MINIMUM_DECREASED", "EXCLUSIVE_MINIMUM_REMOVED",
            "MULTIPLE_OF_REDUCED", "MULTIPLE_OF_REMOVED",
            "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", "REQUIRED_ATTRIBUTE_REMOVED", "DEPENDENCY_ARRAY_NARROWED",
            "DEPENDENCY_ARRAY_REMOVED", "DEPENDENCY_SCHEMA_REMOVED", "MAX_PROPERTIES_INCREASED", "MAX_PROPERTIES_REMOVED",
            "MIN_PROPERTIES_DECREASED", "MIN_PROPERTIES_REMOVED", "ADDITIONAL_PROPERTIES_ADDED", "ADDITIONAL_PROPERTIES_EXTENDED",
            "UNEVALUATED_PROPERTIES_ADDED", "UNEVALUATED_PROPERTIES_EXTENDED",
            "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
            "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
            "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
            "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
            "MAX_ITEMS_INCREASED", "MAX_ITEMS_REMOVED", "MIN_ITEMS_DECREASED", "MIN_ITEMS_REMOVED",
            "MAX_CONTAINS_INCREASED", "MAX_CONTAINS_REMOVED", "MIN_CONTAINS_DECREASED", "MIN_CONTAINS_REMOVED",
            "UNIQUE_ITEMS_REMOVED", "ADDITIONAL_ITEMS_ADDED", "ADDITIONAL_ITEMS_EXTENDED", "UNEVALUATED_ITEMS_ADDED",
            "UNEVALUATED_ITEMS_EXTENDED", "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
            "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL",
            "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
            "ENUM_ARRAY_EXTENDED", "COMBINED_TYPE_EXTENDED", "PRODUCT_TYPE_NARROWED", "SUM_TYPE_EXTENDED", "NOT_TYPE_NARROWED",
        };

        public static readonly HashSet<string> CompatibleLenient = new HashSet<string>(CompatibleStrict)
        {
            "ADDITIONAL_PROPERTIES_NARROWED", "ADDITIONAL_PROPERTIES_REMOVED", "UNEVALUATED_PROPERTIES_NARROWED",
            "UNEVALUATED_PROPERTIES_REMOVED", "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
            "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL",
            "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
            "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
        };

        public static HashSet<string> CompatibleFor(JsonCompatibilityPolicy policy) =>
            policy == JsonCompatibilityPolicy.Lenient ? CompatibleLenient : CompatibleStrict;

        /// <summary>What each change is, in words (the path is added by <see cref="Message"/>).</summary>
        private static readonly Dictionary<string, string> What = new Dictionary<string, string>
        {
            ["ID_CHANGED"] = "the $id changed",
            ["DESCRIPTION_CHANGED"] = "the description changed",
            ["TITLE_CHANGED"] = "the title changed",
            ["DEFAULT_CHANGED"] = "the default value changed",
            ["SCHEMA_ADDED"] = "a schema was added where there was none",
            ["SCHEMA_REMOVED"] = "a schema was removed",
            ["TYPE_EXTENDED"] = "the type was widened (integer to number)",
            ["TYPE_NARROWED"] = "the type was narrowed (number to integer)",
            ["TYPE_CHANGED"] = "the type changed",
            ["REQUIRED_ATTRIBUTE_ADDED"] = "an existing property became required without a default",
            ["REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED"] = "an existing property with a default became required",
            ["REQUIRED_ATTRIBUTE_REMOVED"] = "a property is no longer required",
            ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"] = "a required property without a default was added to an open content model",
            ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"] = "a required property with a default was added to an open content model, where old data may hold it with any value",
            ["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"] = "an optional property was added to an open content model, where old data may hold it with any value",
            ["PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"] = "a property that accepts anything was added to an open content model",
            ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "a required property without a default was added to a closed or partially open content model",
            ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "a required property with a default was added to a closed or partially open content model",
            ["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "an optional property was added to a closed or partially open content model",
            ["PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"] = "a property was removed and the updated content model is open",
            ["PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a property that was forbidden (false) was removed from a closed content model",
            ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a property was removed from a closed content model",
            ["PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was removed and its values are still accepted by the partially open content model",
            ["PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was removed and the partially open content model does not accept its values",
            ["PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was added whose schema accepts what the partially open content model allowed",
            ["PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was added whose schema rejects values the partially open content model allowed",
            ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL"] = "a positional item schema was added to an open array",
            ["ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"] = "a positional item that accepts anything was added to an open array",
            ["ITEM_ADDED_TO_CLOSED_CONTENT_MODEL"] = "a positional item was added to a closed array",
            ["ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL"] = "a positional item was removed and the updated array is open",
            ["ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a forbidden (false) positional item was removed from a closed array",
            ["ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a positional item was removed from a closed array",
            ["ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was removed and the additional-items schema still accepts it",
            ["ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was removed and the additional-items schema does not accept it",
            ["ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was added that accepts what the additional-items schema allowed",
            ["ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was added that rejects values the additional-items schema allowed",
            ["ENUM_ARRAY_EXTENDED"] = "values were added to the enum",
            ["ENUM_ARRAY_NARROWED"] = "values were removed from the enum",
            ["ENUM_ARRAY_CHANGED"] = "the permitted values changed",
            ["COMBINED_TYPE_EXTENDED"] = "the combination became less strict (e.g. oneOf to anyOf)",
            ["COMBINED_TYPE_CHANGED"] = "the combination keyword changed to a stricter one",
            ["PRODUCT_TYPE_EXTENDED"] = "allOf gained schemas that data must also match",
            ["PRODUCT_TYPE_NARROWED"] = "allOf lost schemas",
            ["SUM_TYPE_EXTENDED"] = "the choice (oneOf/anyOf) gained alternatives",
            ["SUM_TYPE_NARROWED"] = "the choice (oneOf/anyOf) lost alternatives",
            ["COMBINED_TYPE_SUBSCHEMAS_CHANGED"] = "the combined schemas changed so that some original branch has no compatible counterpart",
            ["NOT_TYPE_EXTENDED"] = "the 'not' schema now excludes more values",
            ["NOT_TYPE_NARROWED"] = "the 'not' schema now excludes fewer values",
            ["ADDITIONAL_PROPERTIES_ADDED"] = "additional properties are now allowed",
            ["ADDITIONAL_PROPERTIES_REMOVED"] = "additional properties are now forbidden",
            ["ADDITIONAL_PROPERTIES_EXTENDED"] = "the schema restricting additional properties was removed",
            ["ADDITIONAL_PROPERTIES_NARROWED"] = "additional properties are now restricted by a schema",
            ["UNEVALUATED_PROPERTIES_ADDED"] = "unevaluated properties are now allowed",
            ["UNEVALUATED_PROPERTIES_REMOVED"] = "unevaluated properties are now forbidden",
            ["UNEVALUATED_PROPERTIES_EXTENDED"] = "the restriction on unevaluated properties was relaxed",
            ["UNEVALUATED_PROPERTIES_NARROWED"] = "unevaluated properties are now restricted by a schema",
            ["ADDITIONAL_ITEMS_ADDED"] = "additional items are now allowed",
            ["ADDITIONAL_ITEMS_REMOVED"] = "additional items are now forbidden",
            ["ADDITIONAL_ITEMS_EXTENDED"] = "the schema restricting additional items was removed",
            ["ADDITIONAL_ITEMS_NARROWED"] = "additional items are now restricted by a schema",
            ["UNEVALUATED_ITEMS_ADDED"] = "unevaluated items are now allowed",
            ["UNEVALUATED_ITEMS_REMOVED"] = "unevaluated items are now forbidden",
            ["UNEVALUATED_ITEMS_EXTENDED"] = "the restriction on unevaluated items was relaxed",
            ["UNEVALUATED_ITEMS_NARROWED"] = "unevaluated items are now restricted by a schema",
            ["UNIQUE_ITEMS_ADDED"] = "items must now be unique",
            ["UNIQUE_ITEMS_REMOVED"] = "items no longer need to be unique",
            ["DEPENDENCY_ARRAY_ADDED"] = "a property dependency was added",
            ["DEPENDENCY_ARRAY_REMOVED"] = "a property dependency was removed",
            ["DEPENDENCY_ARRAY_EXTENDED"] = "a property dependency now requires more properties",
            ["DEPENDENCY_ARRAY_NARROWED"] = "a property dependency now requires fewer properties",
            ["DEPENDENCY_ARRAY_CHANGED"] = "a property dependency requires different properties",
            ["DEPENDENCY_SCHEMA_ADDED"] = "a schema dependency was added",
            ["DEPENDENCY_SCHEMA_REMOVED"] = "a schema dependency was removed",
            ["PATTERN_ADDED"] = "a pattern was added",
            ["PATTERN_REMOVED"] = "the pattern was removed",
            ["PATTERN_CHANGED"] = "the pattern changed",
            ["MULTIPLE_OF_ADDED"] = "multipleOf was added",
            ["MULTIPLE_OF_REMOVED"] = "multipleOf was removed",
            ["MULTIPLE_OF_EXPANDED"] = "multipleOf became a multiple of the old value",
            ["MULTIPLE_OF_REDUCED"] = "multipleOf became a divisor of the old value",
            ["MULTIPLE_OF_CHANGED"] = "multipleOf changed to an unrelated value",
        };

        /// <summary>
        /// In a FORWARD check the new version is the original, so a type names the opposite of what the user
        /// did (MINIMUM_ADDED: the registered reader has a minimum the new version dropped). Most read right as
        /// their inverse type; these are the ones whose inverse is not a type or says something else.
        /// </summary>
        private static readonly Dictionary<string, string> WhatForward = new Dictionary<string, string>
        {
            ["COMBINED_TYPE_EXTENDED"] = "the combination became stricter (e.g. anyOf to oneOf)",
            ["COMBINED_TYPE_CHANGED"] = "the combination keyword changed to a less strict one",
            ["COMBINED_TYPE_SUBSCHEMAS_CHANGED"] = "the combined schemas changed so that some branch of the new version has no compatible counterpart in the old one",
            ["REQUIRED_ATTRIBUTE_ADDED"] = "a property that was required without a default is no longer required",
            ["REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED"] = "a property with a default is no longer required",
            ["REQUIRED_ATTRIBUTE_REMOVED"] = "an existing property became required",
            ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"] = "a property that was required without a default was removed",
            ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"] = "a required property with a default was removed; the old version checks it if the data still holds it",
            ["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"] = "an optional property was removed; the old version checks it if the data still holds it",
            ["PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"] = "a property that accepted anything was removed",
            ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "a property that was required without a default was removed from a closed or partially open content model",
            ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "a required property with a default was removed from a closed or partially open content model",
            ["OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"] = "an optional property was removed from a closed or partially open content model",
            ["PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL"] = "a property was added and the old content model is open",
            ["PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a property that is forbidden (false) was added to a closed content model",
            ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a property was added that the old, closed content model does not allow",
            ["PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was added whose values the old, partially open content model accepts",
            ["PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was added whose values the old, partially open content model does not accept",
            ["PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was removed and the new partially open content model accepts no more than it did",
            ["PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a property was removed and the new partially open content model accepts values its schema rejected",
            ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL"] = "a positional item schema was removed from an open array",
            ["ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL"] = "a positional item that accepted anything was removed from an open array",
            ["ITEM_ADDED_TO_CLOSED_CONTENT_MODEL"] = "a positional item was removed from a closed array",
            ["ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL"] = "a positional item was added and the old array is open",
            ["ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a forbidden (false) positional item was added to a closed array",
            ["ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"] = "a positional item was added that the old, closed array does not allow",
            ["ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was added that the old additional-items schema accepts",
            ["ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was added that the old additional-items schema does not accept",
            ["ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was removed and the new additional-items schema accepts no more than it did",
            ["ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"] = "a positional item was removed and the new additional-items schema accepts values it rejected",
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
