using System.Linq;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Each difference carries the line and column of its element in both files.</summary>
    public class JsonLocationTests
    {
        private const string Original =
            "{\n" +
            "  \"type\": \"object\",\n" +
            "  \"properties\": {\n" +
            "    \"id\": { \"type\": \"string\", \"maxLength\": 10 },\n" +
            "    \"total\": { \"type\": \"number\" }\n" +
            "  }\n" +
            "}";

        private const string Update =
            "{\n" +
            "  \"type\": \"object\",\n" +
            "  \"properties\": {\n" +
            "    \"id\": {\n" +
            "      \"type\": \"string\",\n" +
            "      \"maxLength\": 5\n" +
            "    },\n" +
            "    \"total\": { \"type\": \"integer\" },\n" +
            "    \"note\": { \"type\": \"string\" }\n" +
            "  },\n" +
            "  \"required\": [\"total\"]\n" +
            "}";

        [Fact]
        public void Keyword_changes_point_at_the_keyword_in_each_file()
        {
            Difference d = JsonDiffs.Diff(Original, Update).Single(x => x.Type == "MAX_LENGTH_DECREASED");
            Assert.Equal("#/properties/id/maxLength", d.Path);
            Assert.Equal("original.json", d.OriginalLocation!.File);
            Assert.Equal(4, d.OriginalLocation.Line);
            Assert.Equal("update.json", d.UpdateLocation!.File);
            Assert.Equal(6, d.UpdateLocation.Line);
            Assert.True(d.UpdateLocation.Column > 1);
            Assert.False(d.IsCompatible);
            Assert.Contains("#/properties/id/maxLength", d.Message);
        }

        [Fact]
        public void Property_changes_point_at_the_property()
        {
            Difference narrowed = JsonDiffs.Diff(Original, Update).Single(x => x.Type == "TYPE_NARROWED");
            Assert.Equal("#/properties/total", narrowed.Path);
            Assert.Equal(5, narrowed.OriginalLocation!.Line);
            Assert.Equal(8, narrowed.UpdateLocation!.Line);

            Difference required = JsonDiffs.Diff(Original, Update).Single(x => x.Type == "REQUIRED_ATTRIBUTE_ADDED");
            Assert.Equal("#/required/total", required.Path);
            Assert.Equal(11, required.UpdateLocation!.Line);
            Assert.Equal(5, required.OriginalLocation!.Line);
        }

        [Fact]
        public void Added_property_has_no_location_in_the_original()
        {
            // Not the enclosing object (here the whole file at 1,1): the property is only in the update.
            Difference added = JsonDiffs.Diff(Original, Update).Single(x => x.Path == "#/properties/note");
            Assert.Equal("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", added.Type);
            Assert.Equal(9, added.UpdateLocation!.Line);
            Assert.Null(added.OriginalLocation);
            Assert.Contains("may reject", added.Message);
        }
    }
}
