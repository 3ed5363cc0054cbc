using System.Linq;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Rules the corpus touches only lightly: limits, enums, not, pattern properties, tuples, messages.</summary>
    public class JsonKeywordRuleTests
    {
        [Theory]
        [InlineData(@"{""type"":""string""}", @"{""type"":""string"",""maxLength"":5}", "MAX_LENGTH_ADDED #/maxLength", false)]
        [InlineData(@"{""type"":""string"",""minLength"":2}", @"{""type"":""string""}", "MIN_LENGTH_REMOVED #/minLength", true)]
        [InlineData(@"{""type"":""string""}", @"{""type"":""string"",""pattern"":""^a""}", "PATTERN_ADDED #/pattern", false)]
        [InlineData(@"{""type"":""number""}", @"{""type"":""number"",""minimum"":0}", "MINIMUM_ADDED #/minimum", false)]
        [InlineData(@"{""type"":""number"",""multipleOf"":2}", @"{""type"":""number"",""multipleOf"":6}", "MULTIPLE_OF_EXPANDED #/multipleOf", false)]
        [InlineData(@"{""type"":""number"",""multipleOf"":0.5}", @"{""type"":""number"",""multipleOf"":0.25}", "MULTIPLE_OF_REDUCED #/multipleOf", true)]
        [InlineData(@"{""type"":""array"",""maxItems"":3}", @"{""type"":""array"",""maxItems"":4}", "MAX_ITEMS_INCREASED #/maxItems", true)]
        [InlineData(@"{""type"":""array""}", @"{""type"":""array"",""uniqueItems"":true}", "UNIQUE_ITEMS_ADDED #/uniqueItems", false)]
        [InlineData(@"{""type"":""array"",""minContains"":1}", @"{""type"":""array"",""minContains"":2}", "MIN_CONTAINS_INCREASED #/minContains", false)]
        [InlineData(@"{""type"":""object"",""minProperties"":1}", @"{""type"":""object""}", "MIN_PROPERTIES_REMOVED #/minProperties", true)]
        [InlineData(@"{""enum"":[""a"",""b""]}", @"{""enum"":[""a""]}", "ENUM_ARRAY_NARROWED #/enum", false)]
        [InlineData(@"{""enum"":[""a""]}", @"{""enum"":[""a"",""b""]}", "ENUM_ARRAY_EXTENDED #/enum", true)]
        [InlineData(@"{""enum"":[""a"",""b""]}", @"{""enum"":[""a"",""c""]}", "ENUM_ARRAY_CHANGED #/enum", false)]
        [InlineData(@"{""type"":""string""}", @"{""type"":""number""}", "TYPE_CHANGED #/", false)]
        [InlineData(@"{""type"":""string""}", @"true", "", true)]
        [InlineData(@"false", @"{""type"":""string""}", "", true)]
        public void Single_change(string original, string update, string expected, bool compatible)
        {
            string[] changes = JsonDiffs.Changes(original, update);
            if (expected.Length == 0) Assert.Empty(changes);
            else Assert.Equal(new[] { expected }, changes);
            Assert.Equal(compatible, JsonDiffs.Compatible(original, update));
        }

        [Fact]
        public void Required_property_added_to_open_model_breaks_under_both_policies_unless_it_has_a_default()
        {
            const string original = @"{""properties"":{""a"":{""type"":""string""}}}";
            const string withoutDefault = @"{""properties"":{""a"":{""type"":""string""},""b"":{""type"":""string""}},""required"":[""b""]}";
            const string withDefault = @"{""properties"":{""a"":{""type"":""string""},""b"":{""type"":""string"",""default"":""x""}},""required"":[""b""]}";
            Assert.Equal(new[] { "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b" }, JsonDiffs.Changes(original, withoutDefault));
            Assert.False(JsonDiffs.Compatible(original, withoutDefault, JsonCompatibilityPolicy.Lenient));
            Assert.Equal(new[] { "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b" }, JsonDiffs.Changes(original, withDefault));
            Assert.False(JsonDiffs.Compatible(original, withDefault));
            Assert.True(JsonDiffs.Compatible(original, withDefault, JsonCompatibilityPolicy.Lenient));
        }

        [Fact]
        public void Property_removed_from_closed_model_breaks_strict_only()
        {
            const string original = @"{""properties"":{""a"":{""type"":""string""},""b"":{""type"":""string""}},""additionalProperties"":false}";
            const string update = @"{""properties"":{""a"":{""type"":""string""}},""additionalProperties"":false}";
            Assert.Equal(new[] { "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b" }, JsonDiffs.Changes(original, update));
            Assert.False(JsonDiffs.Compatible(original, update));
            Assert.True(JsonDiffs.Compatible(original, update, JsonCompatibilityPolicy.Lenient));
        }

        [Fact]
        public void Removed_property_is_judged_by_the_matching_pattern_property()
        {
            const string original = @"{""properties"":{""s_name"":{""type"":""string""},""n_count"":{""type"":""number""}},""additionalProperties"":false}";
            const string update = @"{""patternProperties"":{""^s_"":{""type"":""string""},""^n_"":{""type"":""integer""}},""additionalProperties"":false}";
            string[] changes = JsonDiffs.Changes(original, update);
            Assert.Contains("PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/s_name", changes);
            Assert.Contains("PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/n_count", changes);
            Assert.Contains("TYPE_NARROWED #/properties/n_count", changes);
        }

        [Fact]
        public void Tuple_item_removed_from_closed_array_breaks()
        {
            const string original = @"{""type"":""array"",""items"":[{""type"":""string""},{""type"":""number""}],""additionalItems"":false}";
            const string update = @"{""type"":""array"",""items"":[{""type"":""string""}],""additionalItems"":false}";
            Assert.Equal(new[] { "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1" }, JsonDiffs.Changes(original, update));
            Assert.False(JsonDiffs.Compatible(original, update));
        }

        [Fact]
        public void Not_compares_the_excluded_schemas_the_other_way_round()
        {
            Assert.True(JsonDiffs.Compatible(@"{""not"":{""type"":""number""}}", @"{""not"":{""type"":""integer""}}"));
            Assert.False(JsonDiffs.Compatible(@"{""not"":{""type"":""integer""}}", @"{""not"":{""type"":""number""}}"));
        }

        [Fact]
        public void One_of_branches_are_paired_by_best_match_not_by_position()
        {
            const string original = @"{""oneOf"":[{""type"":""string"",""maxLength"":5},{""type"":""integer""},{""type"":""null""}]}";
            const string update = @"{""oneOf"":[{""type"":""null""},{""type"":""number""},{""type"":""string"",""maxLength"":9}]}";
            string[] changes = JsonDiffs.Changes(original, update);
            Assert.Equal(new[] { "MAX_LENGTH_INCREASED #/oneOf/0/maxLength", "TYPE_EXTENDED #/oneOf/1" }, changes);
            Assert.True(JsonDiffs.Compatible(original, update));
            Assert.Contains("COMBINED_TYPE_SUBSCHEMAS_CHANGED #/", JsonDiffs.Changes(update, original));
        }

        [Fact]
        public void Wide_any_of_pairs_every_branch()
        {
            string Branches(int n, int tight) => "{\"anyOf\":[" + string.Join(",", Enumerable.Range(0, n).Select(i =>
                $"{{\"type\":\"object\",\"properties\":{{\"kind\":{{\"const\":\"k{i}\"}},\"v\":{{\"type\":\"string\",\"maxLength\":{(i == tight ? 3 : 9)}}}}}}}")) + "]}";
            Assert.Empty(JsonDiffs.Changes(Branches(60, -1), Branches(60, -1)));
            Assert.Equal(new[] { "COMBINED_TYPE_SUBSCHEMAS_CHANGED #/" }, JsonDiffs.Changes(Branches(60, -1), Branches(60, 30)));
            Assert.Equal(new[] { "MAX_LENGTH_INCREASED #/anyOf/30/properties/v/maxLength" }, JsonDiffs.Changes(Branches(60, 30), Branches(60, -1)));
        }

        [Fact]
        public void Property_names_are_escaped_as_json_pointer_segments()
        {
            Assert.Equal(new[] { "TYPE_CHANGED #/properties/a~1b~0c" },
                JsonDiffs.Changes(@"{""properties"":{""a/b~c"":{""type"":""string""}}}", @"{""properties"":{""a/b~c"":{""type"":""number""}}}"));
        }

        [Fact]
        public void Connect_bytes_encodings_are_equivalent()
        {
            Assert.Empty(JsonDiffs.Changes(@"{""type"":""string"",""connect.type"":""bytes""}", @"{""type"":""number"",""connect.type"":""bytes""}"));
        }

        [Fact]
        public void Empty_combination_lists_are_read_as_written()
        {
            // Generated schemas sometimes carry "allOf": []; the registry loads them, so refusing them would block a valid contract.
            string customer = @"{""type"":""object"",""allOf"":[],""properties"":{""name"":{""type"":""string""}}}";
            string renamedType = @"{""type"":""object"",""allOf"":[],""properties"":{""name"":{""type"":""number""}}}";
            Assert.Empty(JsonDiffs.Changes(customer, customer));
            Assert.False(JsonDiffs.Compatible(customer, renamedType));
            Assert.Empty(JsonDiffs.Changes(@"{""oneOf"":[]}", @"{""oneOf"":[]}"));
            // Dropping the empty allOf leaves the object schema, which still reads everything the product accepted.
            Assert.Equal(new[] { "PRODUCT_TYPE_NARROWED #/" }, JsonDiffs.Changes(customer, @"{""type"":""object"",""properties"":{""name"":{""type"":""string""}}}"));
        }

        [Fact]
        public void Messages_are_one_sentence_naming_the_path_and_the_consumers()
        {
            Difference d = Assert.Single(JsonDiffs.Diff(@"{""type"":""string"",""maxLength"":9}", @"{""type"":""string"",""maxLength"":3}"));
            Assert.Equal("At #/maxLength maxLength was decreased: consumers reading with the new schema may reject data written with the old one.", d.Message);
            Difference ok = Assert.Single(JsonDiffs.Diff(@"{""type"":""integer""}", @"{""type"":""number""}"));
            Assert.EndsWith("still accept data written with the old one.", ok.Message);
        }
    }
}
