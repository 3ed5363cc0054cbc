using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Keywords that differ between drafts 4, 6, 7, 2019-09 and 2020-12.</summary>
    public class JsonDraftKeywordTests
    {
        private const string Draft4 = @"""$schema"":""http://json-schema.org/draft-04/schema#""";
        private const string Draft6 = @"""$schema"":""http://json-schema.org/draft-06/schema#""";
        private const string Draft7 = @"""$schema"":""http://json-schema.org/draft-07/schema#""";
        private const string Draft2019 = @"""$schema"":""https://json-schema.org/draft/2019-09/schema""";
        private const string Draft2020 = @"""$schema"":""https://json-schema.org/draft/2020-12/schema""";

        [Fact]
        public void Draft4_boolean_exclusive_maximum_makes_the_maximum_exclusive()
        {
            string inclusive = "{" + Draft4 + @",""type"":""number"",""maximum"":10}";
            string exclusive = "{" + Draft4 + @",""type"":""number"",""maximum"":10,""exclusiveMaximum"":true}";
            Assert.Equal(new[] { "EXCLUSIVE_MAXIMUM_ADDED #/exclusiveMaximum", "MAXIMUM_REMOVED #/maximum" }, JsonDiffs.Changes(inclusive, exclusive));
            Assert.False(JsonDiffs.Compatible(inclusive, exclusive));
            // Like the registry, a limit keyword that appears is judged as a new restriction.
            Assert.Equal(new[] { "EXCLUSIVE_MAXIMUM_REMOVED #/exclusiveMaximum", "MAXIMUM_ADDED #/maximum" }, JsonDiffs.Changes(exclusive, inclusive));
        }

        [Fact]
        public void Draft4_id_is_spelled_without_a_dollar()
        {
            Assert.Equal(new[] { "ID_CHANGED #/" }, JsonDiffs.Changes("{" + Draft4 + @",""id"":""a.json""}", "{" + Draft4 + @",""id"":""b.json""}"));
            // In later drafts "id" is just an unknown keyword.
            Assert.Empty(JsonDiffs.Changes("{" + Draft7 + @",""id"":""a""}", "{" + Draft7 + @",""id"":""b""}"));
        }

        [Fact]
        public void Draft6_numeric_exclusive_limits_are_compared_by_value()
        {
            string a = "{" + Draft6 + @",""type"":""number"",""exclusiveMinimum"":0,""exclusiveMaximum"":100}";
            string b = "{" + Draft6 + @",""type"":""number"",""exclusiveMinimum"":1,""exclusiveMaximum"":50}";
            Assert.Equal(new[] { "EXCLUSIVE_MAXIMUM_DECREASED #/exclusiveMaximum", "EXCLUSIVE_MINIMUM_INCREASED #/exclusiveMinimum" }, JsonDiffs.Changes(a, b));
            Assert.Equal(new[] { "EXCLUSIVE_MAXIMUM_INCREASED #/exclusiveMaximum", "EXCLUSIVE_MINIMUM_DECREASED #/exclusiveMinimum" }, JsonDiffs.Changes(b, a));
            Assert.True(JsonDiffs.Compatible(b, a));
        }

        [Fact]
        public void Draft6_const_is_compared_by_value()
        {
            string red = "{" + Draft6 + @",""properties"":{""c"":{""const"":{""r"":1,""g"":2}}}}";
            string same = "{" + Draft6 + @",""properties"":{""c"":{""const"":{""g"":2.0,""r"":1}}}}";
            string blue = "{" + Draft6 + @",""properties"":{""c"":{""const"":{""b"":3}}}}";
            Assert.Empty(JsonDiffs.Changes(red, same));
            Assert.Equal(new[] { "ENUM_ARRAY_CHANGED #/properties/c/const" }, JsonDiffs.Changes(red, blue));
        }

        [Fact]
        public void Draft7_ref_replaces_its_siblings()
        {
            string a = "{" + Draft7 + @",""definitions"":{""s"":{""type"":""string""}},""properties"":{""p"":{""$ref"":""#/definitions/s"",""type"":""number""}}}";
            string b = "{" + Draft7 + @",""properties"":{""p"":{""type"":""string""}}}";
            Assert.Empty(JsonDiffs.Changes(a, b));
        }

        [Fact]
        public void Draft2019_ref_applies_alongside_its_siblings()
        {
            string a = "{" + Draft2019 + @",""$defs"":{""s"":{""type"":""string""}},""properties"":{""p"":{""$ref"":""#/$defs/s"",""maxLength"":5}}}";
            string b = "{" + Draft2019 + @",""$defs"":{""s"":{""type"":""string""}},""properties"":{""p"":{""$ref"":""#/$defs/s"",""maxLength"":3}}}";
            // The property is allOf [$ref, {maxLength}]; the tighter maxLength leaves the old branch unpaired.
            Assert.Equal(new[] { "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/properties/p" }, JsonDiffs.Changes(a, b));
            Assert.False(JsonDiffs.Compatible(a, b));
            Assert.True(JsonDiffs.Compatible(b, a));
        }

        [Fact]
        public void Draft2019_dependent_required_and_dependent_schemas()
        {
            string a = "{" + Draft2019 + @",""dependentRequired"":{""card"":[""billing""]},""dependentSchemas"":{""vip"":{""required"":[""tier""]}}}";
            string extended = "{" + Draft2019 + @",""dependentRequired"":{""card"":[""billing"",""cvv""]},""dependentSchemas"":{""vip"":{""required"":[""tier""]}}}";
            string dropped = "{" + Draft2019 + @",""dependentRequired"":{""card"":[""billing""]}}";
            Assert.Equal(new[] { "DEPENDENCY_ARRAY_EXTENDED #/dependencies/card" }, JsonDiffs.Changes(a, extended));
            Assert.False(JsonDiffs.Compatible(a, extended));
            Assert.Equal(new[] { "DEPENDENCY_SCHEMA_REMOVED #/dependencies/vip" }, JsonDiffs.Changes(a, dropped));
            Assert.True(JsonDiffs.Compatible(a, dropped));
        }

        [Fact]
        public void Draft4_dependencies_hold_both_forms()
        {
            string a = "{" + Draft4 + @",""dependencies"":{""card"":[""billing"",""cvv""],""vip"":{""type"":""object""}}}";
            string b = "{" + Draft4 + @",""dependencies"":{""card"":[""billing""],""vip"":{""type"":""array""}}}";
            Assert.Equal(new[] { "DEPENDENCY_ARRAY_NARROWED #/dependencies/card", "TYPE_CHANGED #/dependencies/vip" }, JsonDiffs.Changes(a, b));
        }

        [Fact]
        public void Draft2019_unevaluated_properties_form_a_content_model()
        {
            string closed = "{" + Draft2019 + @",""properties"":{""a"":{""type"":""string""}},""unevaluatedProperties"":false}";
            string open = "{" + Draft2019 + @",""properties"":{""a"":{""type"":""string""}}}";
            string partial = "{" + Draft2019 + @",""properties"":{""a"":{""type"":""string""}},""unevaluatedProperties"":{""type"":""string""}}";
            Assert.Equal(new[] { "UNEVALUATED_PROPERTIES_ADDED #/unevaluatedProperties" }, JsonDiffs.Changes(closed, open));
            Assert.True(JsonDiffs.Compatible(closed, open));
            Assert.Equal(new[] { "UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties" }, JsonDiffs.Changes(open, closed));
            Assert.False(JsonDiffs.Compatible(open, closed));
            Assert.True(JsonDiffs.Compatible(open, closed, JsonCompatibilityPolicy.Lenient));

            // A property added under a partially open model is judged against the unevaluatedProperties schema.
            string addedString = "{" + Draft2019 + @",""properties"":{""a"":{""type"":""string""},""b"":{""type"":""string""}},""unevaluatedProperties"":{""type"":""string""}}";
            string addedNumber = "{" + Draft2019 + @",""properties"":{""a"":{""type"":""string""},""b"":{""type"":""number""}},""unevaluatedProperties"":{""type"":""string""}}";
            Assert.True(JsonDiffs.Compatible(partial, addedString));
            Assert.Contains("PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b", JsonDiffs.Changes(partial, addedString));
            Assert.False(JsonDiffs.Compatible(partial, addedNumber));
            Assert.Contains("PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b", JsonDiffs.Changes(partial, addedNumber));
        }

        [Fact]
        public void Draft2019_anchor_resolves()
        {
            string a = "{" + Draft2019 + @",""$defs"":{""s"":{""$anchor"":""name"",""type"":""string"",""maxLength"":9}},""properties"":{""n"":{""$ref"":""#name""}}}";
            string b = "{" + Draft2019 + @",""$defs"":{""s"":{""$anchor"":""name"",""type"":""string"",""maxLength"":4}},""properties"":{""n"":{""$ref"":""#name""}}}";
            Assert.Equal(new[] { "MAX_LENGTH_DECREASED #/properties/n/maxLength" }, JsonDiffs.Changes(a, b));
        }

        [Fact]
        public void Draft2020_prefix_items_are_positional_and_items_covers_the_rest()
        {
            string a = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""string""}],""items"":{""type"":""number""}}";
            string added = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""string""},{""type"":""number""}],""items"":{""type"":""number""}}";
            string closed = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""string""}],""items"":false}";
            string changed = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""integer""}],""items"":{""type"":""number""}}";
            Assert.Equal(new[] { "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/items/1" }, JsonDiffs.Changes(a, added));
            Assert.True(JsonDiffs.Compatible(a, added));
            Assert.Equal(new[] { "ADDITIONAL_ITEMS_REMOVED #/additionalItems" }, JsonDiffs.Changes(a, closed));
            Assert.Equal(new[] { "TYPE_CHANGED #/items/0" }, JsonDiffs.Changes(a, changed));
        }

        [Fact]
        public void Draft2020_unevaluated_items()
        {
            string a = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""string""}]}";
            string b = "{" + Draft2020 + @",""type"":""array"",""prefixItems"":[{""type"":""string""}],""unevaluatedItems"":false}";
            Assert.Equal(new[] { "UNEVALUATED_ITEMS_REMOVED #/unevaluatedItems" }, JsonDiffs.Changes(a, b));
            Assert.False(JsonDiffs.Compatible(a, b));
            Assert.True(JsonDiffs.Compatible(b, a));
        }

        [Fact]
        public void Annotations_never_break()
        {
            string a = @"{""$id"":""urn:a"",""title"":""A"",""description"":""old"",""type"":""object"",""properties"":{""x"":{""type"":""string"",""default"":""p""}}}";
            string b = @"{""$id"":""urn:b"",""title"":""B"",""description"":""new"",""type"":""object"",""properties"":{""x"":{""type"":""string"",""default"":""q""}}}";
            Assert.Equal(new[] { "DEFAULT_CHANGED #/properties/x", "DESCRIPTION_CHANGED #/", "ID_CHANGED #/", "TITLE_CHANGED #/" }, JsonDiffs.Changes(a, b));
            Assert.True(JsonDiffs.Compatible(a, b));
        }

        [Fact]
        public void Modern_drafts_do_not_compare_the_id()
        {
            Assert.Empty(JsonDiffs.Changes("{" + Draft2020 + @",""$id"":""orders/v1""}", "{" + Draft2020 + @",""$id"":""orders/v2""}"));
            Assert.Empty(JsonDiffs.Changes("{" + Draft2019 + @",""$id"":""a.json"",""type"":""string""}", "{" + Draft2019 + @",""$id"":""b.json"",""type"":""string""}"));
            Assert.Equal(new[] { "ID_CHANGED #/" }, JsonDiffs.Changes("{" + Draft7 + @",""$id"":""orders/v1""}", "{" + Draft7 + @",""$id"":""orders/v2""}"));
        }

        [Fact]
        public void Modern_drafts_read_an_empty_properties_map_as_accepting_anything()
        {
            // Dropping the only real restriction leaves a schema that accepts anything, which is always compatible.
            string limited = "{" + Draft2020 + @",""properties"":{},""minProperties"":1,""additionalProperties"":false}";
            string anything = "{" + Draft2020 + @",""properties"":{},""patternProperties"":{}}";
            Assert.Empty(JsonDiffs.Changes(limited, anything));
            // Going the other way is a new restriction on values that used to be anything.
            Assert.Equal(new[] { "TYPE_CHANGED #/" }, JsonDiffs.Changes(anything, limited));
            // Draft 7 reads the same empty map as an object schema and reports the dropped keywords.
            string limited7 = "{" + Draft7 + @",""properties"":{},""minProperties"":1}";
            string anything7 = "{" + Draft7 + @",""properties"":{}}";
            Assert.Equal(new[] { "MIN_PROPERTIES_REMOVED #/minProperties" }, JsonDiffs.Changes(limited7, anything7));
        }

        [Fact]
        public void Modern_drafts_give_min_contains_a_default_of_one()
        {
            string tags = "{" + Draft2020 + @",""type"":""array"",""contains"":{""const"":""urgent""}}";
            string one = "{" + Draft2020 + @",""type"":""array"",""contains"":{""const"":""urgent""},""minContains"":1}";
            string two = "{" + Draft2020 + @",""type"":""array"",""contains"":{""const"":""urgent""},""minContains"":2}";
            string plain = "{" + Draft2020 + @",""type"":""array""}";
            Assert.Empty(JsonDiffs.Changes(tags, one));
            Assert.Equal(new[] { "MIN_CONTAINS_INCREASED #/minContains" }, JsonDiffs.Changes(tags, two));
            // Adding "contains" brings its implied minimum of one with it.
            Assert.Equal(new[] { "MIN_CONTAINS_ADDED #/minContains" }, JsonDiffs.Changes(plain, tags));
            Assert.False(JsonDiffs.Compatible(plain, tags));
            // Without "contains" the limits are ignored.
            Assert.Empty(JsonDiffs.Changes(plain, "{" + Draft2020 + @",""type"":""array"",""minContains"":3}"));
        }

        [Fact]
        public void Each_draft_reads_only_its_own_vocabulary()
        {
            // Draft 7 has no dependentRequired, unevaluatedProperties or prefixItems: they are extra data and change nothing.
            string loose7 = "{" + Draft7 + @",""type"":""object"",""properties"":{""a"":{""type"":""string""}}}";
            string strict7 = "{" + Draft7 + @",""type"":""object"",""properties"":{""a"":{""type"":""string""}},""dependentRequired"":{""a"":[""b""]},""unevaluatedProperties"":false}";
            Assert.Empty(JsonDiffs.Changes(loose7, strict7));
            Assert.Empty(JsonDiffs.Changes("{" + Draft7 + @",""type"":""array""}", "{" + Draft7 + @",""type"":""array"",""prefixItems"":[{""type"":""string""}]}"));
            // 2020-12 retired "dependencies" and "additionalItems".
            string loose2020 = "{" + Draft2020 + @",""type"":""object"",""properties"":{""a"":{""type"":""string""}}}";
            string strict2020 = "{" + Draft2020 + @",""type"":""object"",""properties"":{""a"":{""type"":""string""}},""dependencies"":{""a"":[""b""]}}";
            Assert.Empty(JsonDiffs.Changes(loose2020, strict2020));
            Assert.Empty(JsonDiffs.Changes("{" + Draft2020 + @",""type"":""array""}", "{" + Draft2020 + @",""type"":""array"",""additionalItems"":false}"));
            // Each keyword still counts in its own draft.
            Assert.Equal(new[] { "DEPENDENCY_ARRAY_ADDED #/dependencies/a" },
                JsonDiffs.Changes(loose2020, loose2020.Replace("}}}", @"}},""dependentRequired"":{""a"":[""b""]}}")));
            Assert.Equal(new[] { "DEPENDENCY_ARRAY_ADDED #/dependencies/a" },
                JsonDiffs.Changes(loose7, loose7.Replace("}}}", @"}},""dependencies"":{""a"":[""b""]}}")));
        }

        [Fact]
        public void Draft2019_reads_a_boolean_items_like_2020_12()
        {
            string any = "{" + Draft2019 + @",""type"":""array"",""items"":true}";
            string none = "{" + Draft2019 + @",""type"":""array"",""items"":false}";
            Assert.Equal(new[] { "ADDITIONAL_ITEMS_REMOVED #/additionalItems" }, JsonDiffs.Changes(any, none));
        }

        [Fact]
        public void Required_with_default_is_compatible()
        {
            string a = @"{""type"":""object"",""properties"":{""x"":{""type"":""string"",""default"":""d""}}}";
            string b = @"{""type"":""object"",""properties"":{""x"":{""type"":""string"",""default"":""d""}},""required"":[""x""]}";
            Assert.Equal(new[] { "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED #/required/x" }, JsonDiffs.Changes(a, b));
            Assert.True(JsonDiffs.Compatible(a, b));
        }

        [Fact]
        public void Type_arrays_are_a_choice()
        {
            Assert.Equal(new[] { "SUM_TYPE_EXTENDED #/" }, JsonDiffs.Changes(@"{""type"":""string""}", @"{""type"":[""string"",""null""]}"));
            Assert.Equal(new[] { "SUM_TYPE_NARROWED #/" }, JsonDiffs.Changes(@"{""type"":[""string"",""null""]}", @"{""type"":[""string""]}"));
            Assert.False(JsonDiffs.Compatible(@"{""type"":[""string"",""null""]}", @"{""type"":""string""}"));
        }
    }
}
