using System;
using System.Text;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Bad input is a <see cref="SchemaException"/> naming file, line and problem; never anything else.</summary>
    public class JsonMalformedInputTests
    {
        private static SchemaException Refused(string text) =>
            Assert.Throws<SchemaException>(() => JsonDiffs.Parse(text, "bad.json"));

        [Fact]
        public void Not_json()
        {
            SchemaException e = Refused("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"type\": \"string\"\n}");
            Assert.Contains("not valid JSON", e.Message);
            Assert.Equal("bad.json", e.File);
            Assert.True(e.Line > 0);
        }

        [Fact]
        public void Trailing_content_and_empty_files()
        {
            SchemaException trailing = Refused("{} {}");
            Assert.Contains("not valid JSON", trailing.Message);
            Assert.Equal(1, trailing.Line);
            Assert.Contains("empty", Refused("   ").Message);
        }

        [Theory]
        [InlineData("5", "number")]
        [InlineData("\"string\"", "string")]
        [InlineData("[{}]", "array")]
        [InlineData("null", "null")]
        public void Json_that_is_not_a_schema(string text, string kind)
        {
            SchemaException e = Refused(text);
            Assert.Contains("not a JSON Schema", e.Message);
            Assert.Contains(kind, e.Message);
        }

        [Theory]
        [InlineData("{\n\"type\": 5}", "\"type\"")]
        [InlineData("{\n\"type\": \"text\"}", "unknown type")]
        [InlineData("{\n\"properties\": []}", "\"properties\"")]
        [InlineData("{\n\"properties\": {\"a\": 3}}", "not a JSON Schema")]
        [InlineData("{\n\"required\": \"a\"}", "\"required\"")]
        [InlineData("{\n\"maxLength\": -1}", "\"maxLength\"")]
        [InlineData("{\n\"minimum\": \"0\"}", "\"minimum\"")]
        [InlineData("{\n\"pattern\": \"([a-z\"}", "regular expression")]
        [InlineData("{\n\"anyOf\": {}}", "\"anyOf\"")]
        [InlineData("{\n\"multipleOf\": 0}", "\"multipleOf\"")]
        [InlineData("{\n\"$ref\": 7}", "\"$ref\"")]
        [InlineData("{\n\"title\": 7}", "\"title\"")]
        public void Keyword_with_a_wrong_value_is_located(string text, string expected)
        {
            SchemaException e = Refused(text);
            Assert.Contains(expected, e.Message);
            Assert.Equal(2, e.Line);
            Assert.True(e.Column > 0);
        }

        [Fact]
        public void Duplicate_keys_are_refused()
        {
            Assert.Contains("not valid JSON", Refused(@"{""type"":""string"",""type"":""number""}").Message);
        }

        [Fact]
        public void Absurd_nesting_is_refused_not_a_stack_overflow()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 5000; i++) sb.Append("{\"not\":");
            sb.Append("{}");
            sb.Append('}', 5000);
            SchemaException e = Refused(sb.ToString());
            Assert.Contains("deeper than", e.Message);
        }

        [Fact]
        public void Deep_chain_of_references_is_refused_when_compared()
        {
            // 400 definitions, each holding the next: legal JSON of shallow depth, but a comparison 400 schemas deep.
            var sb = new StringBuilder(@"{""$ref"":""#/definitions/d0"",""definitions"":{");
            for (int i = 0; i < 400; i++)
                sb.Append($@"""d{i}"":{{""properties"":{{""next"":{{""$ref"":""#/definitions/d{i + 1}""}}}}}},");
            sb.Append(@"""d400"":{""type"":""string""}}}");
            ParsedSchema parsed = JsonDiffs.Parse(sb.ToString(), "deep.json");
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Format.Diff(parsed, parsed, CompatibilityOptions.Default));
            Assert.Contains("levels deep", e.Message);
        }

        [Fact]
        public void Ten_megabyte_schema_is_refused()
        {
            var sb = new StringBuilder("{\"properties\":{");
            int i = 0;
            while (sb.Length < 10 * 1024 * 1024)
                sb.Append($"\"property{i++}\":{{\"type\":\"string\",\"description\":\"padding padding padding padding\"}},");
            sb.Append("\"last\":{}}}");
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Source(sb.ToString(), "huge.json"));
            Assert.Contains("MB", e.Message);
            Assert.Equal("huge.json", e.File);
        }

        [Fact]
        public void Schemas_of_other_formats_are_refused_by_diff()
        {
            ParsedSchema json = JsonDiffs.Parse("{}");
            Assert.Throws<ArgumentException>(() => JsonDiffs.Format.Diff(new ForeignSchema(), json, CompatibilityOptions.Default));
        }

        private sealed class ForeignSchema : ParsedSchema
        {
            public ForeignSchema() : base(new SchemaSource("{}", SchemaType.Avro)) { }
        }
    }
}
