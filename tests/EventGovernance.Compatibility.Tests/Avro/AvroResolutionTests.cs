using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Avro.AvroTestSchemas;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>The resolution rules one at a time, beyond what the corpus pairs cover.</summary>
public sealed class AvroResolutionTests
{
    private static string Record(string name, string fields, string extra = "") =>
        $"{{\"type\": \"record\", \"name\": \"{name}\"{extra}, \"fields\": [{fields}]}}";

    [Fact]
    public void Record_matched_through_a_reader_alias_of_the_writer_full_name()
    {
        string writer = Record("Old", "{\"name\": \"a\", \"type\": \"int\"}", ", \"namespace\": \"com.acme\"");
        string reader = Record("New", "{\"name\": \"a\", \"type\": \"int\"}", ", \"namespace\": \"com.acme\", \"aliases\": [\"Old\"]");
        Assert.True(CanRead(reader, writer)); // "Old" takes the reader's namespace: com.acme.Old
        Assert.Equal("NAME_MISMATCH #/name", Describe(ReaderWriter(writer, reader))); // writer aliases play no part
    }

    [Fact]
    public void Alias_in_another_namespace_must_be_written_in_full()
    {
        string writer = Record("Old", "", ", \"namespace\": \"org.legacy\"");
        Assert.False(CanRead(Record("New", "", ", \"namespace\": \"com.acme\", \"aliases\": [\"Old\"]"), writer));
        Assert.True(CanRead(Record("New", "", ", \"namespace\": \"com.acme\", \"aliases\": [\"org.legacy.Old\"]"), writer));
    }

    [Fact]
    public void Namespaces_alone_do_not_break_because_short_names_are_compared()
    {
        Assert.True(CanRead(Record("R", "", ", \"namespace\": \"a.b\""), Record("R", "", ", \"namespace\": \"c.d\"")));
        Assert.True(CanRead(Record("a.b.R", ""), Record("R", "")));
    }

    [Fact]
    public void Nested_named_types_inherit_the_enclosing_namespace()
    {
        // Inside com.acme.Order, "Status" means com.acme.Status; the alias resolves in the same namespace.
        string writer = Record("Order", "{\"name\": \"s\", \"type\": {\"type\": \"enum\", \"name\": \"State\", \"symbols\": [\"A\"]}}, {\"name\": \"t\", \"type\": \"State\"}", ", \"namespace\": \"com.acme\"");
        string reader = Record("Order", "{\"name\": \"s\", \"type\": {\"type\": \"enum\", \"name\": \"Status\", \"aliases\": [\"State\"], \"symbols\": [\"A\"]}}, {\"name\": \"t\", \"type\": \"com.acme.Status\"}", ", \"namespace\": \"com.acme\"");
        Assert.True(CanRead(reader, writer), Describe(ReaderWriter(reader, writer)));
    }

    [Fact]
    public void Field_aliases_find_renamed_writer_fields()
    {
        string writer = Record("R", "{\"name\": \"old_name\", \"type\": \"int\"}");
        Assert.True(CanRead(Record("R", "{\"name\": \"new_name\", \"type\": \"long\", \"aliases\": [\"old_name\"]}"), writer));
        Assert.Equal("TYPE_MISMATCH #/fields/new_name/type", Describe(ReaderWriter(Record("R", "{\"name\": \"new_name\", \"type\": \"string\", \"aliases\": [\"old_name\"]}"), writer)));
        Assert.Equal("READER_FIELD_MISSING_DEFAULT_VALUE #/fields/new_name", Describe(ReaderWriter(Record("R", "{\"name\": \"new_name\", \"type\": \"int\"}"), writer)));
    }

    [Fact]
    public void A_field_matching_two_writer_fields_cannot_be_resolved()
    {
        string writer = Record("R", "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"int\"}");
        SchemaException e = Assert.Throws<SchemaException>(() => ReaderWriter(Record("R", "{\"name\": \"a\", \"type\": \"int\", \"aliases\": [\"b\"]}"), writer));
        Assert.Contains("field 'a' by its name, field 'b' by its alias 'b'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_fields_unknown_to_the_reader_are_skipped_and_null_is_a_default()
    {
        string writer = Record("R", "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"gone\", \"type\": \"string\"}");
        Assert.True(CanRead(Record("R", "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"opt\", \"type\": [\"null\", \"string\"], \"default\": null}"), writer));
    }

    [Fact]
    public void Enum_default_covers_unknown_writer_symbols()
    {
        const string writer = "{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\", \"B\", \"C\"]}";
        Assert.Equal("MISSING_ENUM_SYMBOLS #/symbols", Describe(ReaderWriter("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"]}", writer)));
        Assert.True(CanRead("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\", \"U\"], \"default\": \"U\"}", writer));
    }

    [Fact]
    public void Enum_field_with_enum_default_missing_in_the_writer_is_a_type_mismatch_as_in_avro_java()
    {
        string writer = Record("R", "{\"name\": \"a\", \"type\": \"int\"}");
        string reader = Record("R", "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"e\", \"type\": {\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"X\"], \"default\": \"X\"}}");
        Assert.Equal("TYPE_MISMATCH #/fields/e/type", Describe(ReaderWriter(reader, writer)));
    }

    [Fact]
    public void Fixed_needs_the_same_name_and_size()
    {
        Assert.Equal("NAME_MISMATCH #/name; FIXED_SIZE_MISMATCH #/size",
            Describe(ReaderWriter("{\"type\": \"fixed\", \"name\": \"A\", \"size\": 4}", "{\"type\": \"fixed\", \"name\": \"B\", \"size\": 8}")));
    }

    [Fact]
    public void Unions_are_resolved_branch_by_branch()
    {
        Assert.True(CanRead("[\"null\", \"long\", \"string\"]", "[\"string\", \"int\"]")); // reorder + promotion
        Assert.True(CanRead("[\"null\", \"string\"]", "\"string\""));                  // union reader, plain writer
        Assert.Equal("MISSING_UNION_BRANCH #/", Describe(ReaderWriter("[\"null\", \"string\"]", "\"int\"")));
        Assert.Equal("TYPE_MISMATCH #/0", Describe(ReaderWriter("\"string\"", "[\"null\", \"string\"]")));
        Assert.True(CanRead("\"boolean\"", "[]"));   // the empty union writes nothing
        Assert.Equal("MISSING_UNION_BRANCH #/", Describe(ReaderWriter("[]", "\"int\"")));
    }

    [Fact]
    public void Arrays_and_maps_are_compared_by_items_and_values()
    {
        Assert.True(CanRead("{\"type\": \"array\", \"items\": \"double\"}", "{\"type\": \"array\", \"items\": \"float\"}"));
        Assert.Equal("TYPE_MISMATCH #/values", Describe(ReaderWriter("{\"type\": \"map\", \"values\": \"int\"}", "{\"type\": \"map\", \"values\": \"string\"}")));
        Assert.Equal("TYPE_MISMATCH #/", Describe(ReaderWriter("{\"type\": \"map\", \"values\": \"int\"}", "{\"type\": \"array\", \"items\": \"int\"}")));
    }

    [Fact]
    public void Logical_types_are_ignored_by_resolution()
    {
        Assert.True(CanRead("{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}", "{\"type\": \"int\", \"logicalType\": \"date\"}"));
        Assert.True(CanRead("{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 4, \"scale\": 2}", "\"string\""));
    }

    [Fact]
    public void Recursive_schemas_terminate_and_report_inner_breaks()
    {
        string writer = Record("Node", "{\"name\": \"v\", \"type\": \"int\"}, {\"name\": \"children\", \"type\": {\"type\": \"array\", \"items\": \"Node\"}}");
        string reader = Record("Node", "{\"name\": \"v\", \"type\": \"long\"}, {\"name\": \"children\", \"type\": {\"type\": \"array\", \"items\": \"Node\"}}");
        Assert.True(CanRead(reader, writer));
        Assert.Equal("TYPE_MISMATCH #/fields/v/type", Describe(ReaderWriter(writer, reader)));

        // Mutually recursive: A -> B -> A.
        string mutual = Record("A", "{\"name\": \"b\", \"type\": [\"null\", " + Record("B", "{\"name\": \"a\", \"type\": [\"null\", \"A\"]}") + "]}");
        Assert.True(CanRead(mutual, mutual));
    }

    [Fact]
    public void Diff_through_the_checker_swaps_roles_for_forward()
    {
        string v1 = Record("R", "{\"name\": \"a\", \"type\": \"int\"}");
        string v2 = Record("R", "{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\"}");
        SchemaSource Source(string text, string file) => new(text, SchemaType.Avro, file);

        CompatibilityResult backward = CompatibilityChecker.Check(Source(v2, "v2.avsc"), new[] { Source(v1, "v1.avsc") }, CompatibilityLevel.Backward);
        Assert.False(backward.IsCompatible);
        Assert.Equal("v2.avsc", backward.BreakingDifferences.Single().UpdateLocation!.File);

        Assert.True(CompatibilityChecker.Check(Source(v2, "v2.avsc"), new[] { Source(v1, "v1.avsc") }, CompatibilityLevel.Forward).IsCompatible);

        CompatibilityResult forward = CompatibilityChecker.Check(Source(v1, "v1.avsc"), new[] { Source(v2, "v2.avsc") }, CompatibilityLevel.Forward);
        Difference d = forward.BreakingDifferences.Single();
        Assert.Equal("READER_FIELD_MISSING_DEFAULT_VALUE", d.Type);
        Assert.Null(d.UpdateLocation);                      // the candidate no longer has field b
        Assert.Equal("v2.avsc", d.OriginalLocation!.File); // where b is in the registered reader, without a default
    }

    [Fact]
    public void A_field_alias_that_repeats_the_field_name_matches_the_writer_twice_and_cannot_be_resolved()
    {
        // Avro Java counts the name and every alias that finds a writer field; two finds are refused,
        // even when both find the same field.
        string writer = Record("Payment", "{\"name\": \"amount\", \"type\": \"long\"}");
        string repeating = Record("Payment", "{\"name\": \"amount\", \"type\": \"long\", \"aliases\": [\"amount\"]}");
        SchemaException e = Assert.Throws<SchemaException>(() => ReaderWriter(repeating, writer));
        Assert.Contains("field 'amount' matches the other schema's record Payment twice", e.Problem, StringComparison.Ordinal);
        Assert.Equal("reader.avsc", e.File);

        // An alias that finds nothing else is fine.
        string renamed = Record("Payment", "{\"name\": \"total\", \"type\": \"long\", \"aliases\": [\"amount\"]}");
        Assert.True(CanRead(renamed, writer));
    }
}
