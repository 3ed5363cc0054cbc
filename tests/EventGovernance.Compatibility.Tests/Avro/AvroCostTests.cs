using System.Text;
using EventGovernance.Compatibility.Avro;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static EventGovernance.Compatibility.Tests.Avro.AvroTestSchemas;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>
/// What a parse and a comparison cost beyond their result: on large records the garbage collector's work, which grows with what
/// is allocated and what stays alive, was the part of a FULL check that grew faster than the schema.
/// </summary>
public sealed class AvroCostTests
{
    [Fact]
    public void A_parsed_schema_does_not_keep_the_json_document_alive()
    {
        var parsed = (AvroParsedSchema)Parse("""
            {"type": "record", "name": "R", "fields": [
              {"name": "a", "type": "int", "default": 1},
              {"name": "b", "type": ["null", "string"], "default": null},
              {"name": "c", "type": {"type": "array", "items": "long"}, "default": [1, 2]},
              {"name": "d", "type": {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}]}, "default": {"x": 3}}
            ]}
            """);
        var record = (AvroRecord)parsed.Root;
        var expected = new[] { "1", "null", "[1,2]", "{\"x\":3}" };
        for (int i = 0; i < expected.Length; i++)
        {
            JToken value = record.Fields[i].DefaultValue!;
            // A token reaches its whole document through Parent, so a default still in the document keeps all of it.
            Assert.Same(value, value.Root);
            Assert.Equal(expected[i], value.ToString(Formatting.None));
        }
    }

    [Fact]
    public void Parsing_a_large_record_allocates_little_beyond_the_json_document()
    {
        string text = WideRecord(2000);
        Parse(text); // the first call also pays for loading and compiling the code
        long document = AllocatedBy(() => JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }));
        long parse = AllocatedBy(() => Parse(text));
        // Newtonsoft's document with line information is most of a parse; the model is well under its size.
        Assert.True(parse < document * 16 / 10, $"a parse allocated {parse:N0} bytes, the JSON document alone {document:N0}");
    }

    [Fact]
    public void Comparing_large_compatible_records_allocates_little_per_field()
    {
        string writerText = WideRecord(2000), readerText = WideRecord(2000).Replace("\"int\"", "\"long\"");
        ParsedSchema writer = Parse(writerText, "writer.avsc"), reader = Parse(readerText, "reader.avsc");
        Assert.Empty(SchemaFormats.Avro.Diff(writer, reader, CompatibilityOptions.Default)); // also compiles the code
        long document = AllocatedBy(() => JToken.Parse(readerText, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }));
        long diff = AllocatedBy(() => SchemaFormats.Avro.Diff(writer, reader, CompatibilityOptions.Default));
        // Each union branch is checked on a walk of its own and each enum's symbols are compared: neither needs
        // a new collection when nothing is missing.
        Assert.True(diff < document * 35 / 100, $"a comparison allocated {diff:N0} bytes, the reader's JSON document {document:N0}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\ and slash /")]
    [InlineData("tab\tline\nreturn\rform\fback\b")]
    [InlineData("\u0000\u0001\u001f\u007f\u0085\u00a0\u2028\u2029\ud83d\ude00 é")]
    public void String_width_is_what_newtonsoft_writes(string text)
    {
        var token = new JValue(text);
        Assert.Equal(token.ToString(Formatting.None).Length, JsonTokenWidth.Of(token));
    }

    [Fact]
    public void Every_character_is_measured_as_newtonsoft_escapes_it()
    {
        var mismatches = new List<int>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            var token = new JValue("a" + (char)c);
            if (JsonTokenWidth.Of(token) != token.ToString(Formatting.None).Length) mismatches.Add(c);
        }
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("-1.5")]
    [InlineData("true")]
    [InlineData("null")]
    public void Other_values_are_measured_by_writing_them(string json)
    {
        JToken token = JToken.Parse(json);
        Assert.Equal(json.Length, JsonTokenWidth.Of(token));
    }

    private static long AllocatedBy(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Fields of every kind, as the engine's benchmarks write them.</summary>
    private static string WideRecord(int fields)
    {
        var text = new StringBuilder("{\"type\": \"record\", \"name\": \"Wide\", \"namespace\": \"bench\", \"fields\": [\n");
        for (int i = 0; i < fields; i++)
        {
            if (i > 0) text.Append(",\n");
            string type = (i % 5) switch
            {
                0 => "\"int\"",
                1 => "[\"null\", \"string\"]",
                2 => $"{{\"type\": \"enum\", \"name\": \"E{i}\", \"symbols\": [\"A\", \"B\", \"C\"]}}",
                3 => "{\"type\": \"array\", \"items\": \"int\"}",
                _ => "{\"type\": \"map\", \"values\": [\"null\", \"double\"]}",
            };
            text.Append("  {\"name\": \"f").Append(i).Append("\", \"type\": ").Append(type).Append('}');
        }
        return text.Append("\n]}").ToString();
    }
}
