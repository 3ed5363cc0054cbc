using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Avro.AvroTestSchemas;

namespace EventGovernance.Compatibility.Tests.Avro;

public sealed class AvroParserTests
{
    [Theory]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [", 1, "not valid JSON")]
    [InlineData("{\"type\": \"record\",\n \"name\": \"R\",\n \"fields\": [{\"name\": \"a\", \"type\": \"integer\"}]}", 3, "unknown type \"integer\"")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\",\n \"fields\": [{\"name\": \"a\", \"type\": \"int\", \"default\": \"zero\"}]}", 2, "default \"zero\" of field \"a\" does not match its type int")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [\n{\"name\": \"a\", \"type\": {\"type\": \"enum\", \"name\": \"R\", \"symbols\": [\"X\"]}}]}", 2, "the name R is defined twice")]
    [InlineData("{\"type\": \"record\", \"name\": \"1R\", \"fields\": []}", 1, "invalid record name \"1R\"")]
    [InlineData("{\"type\": \"record\", \"name\": \"Order\",\n \"namespace\": \"shop.order-events\", \"fields\": []}", 2, "invalid namespace part of shop.order-events.Order \"order-events\"")]
    [InlineData("{\"type\": \"enum\", \"name\": \"shop..Status\", \"symbols\": [\"NEW\"]}", 1, "empty namespace part of shop..Status")]
    [InlineData("{\"type\": \"fixed\", \"name\": \"Hash\", \"namespace\": \"crypto.2fa\", \"size\": 16}", 1, "invalid namespace part of crypto.2fa.Hash \"2fa\"")]
    [InlineData("{\"type\": \"record\", \"name\": \"Line\", \"fields\": [\n{\"name\": \"unit\", \"type\": {\"type\": \"enum\", \"name\": \"Unit\", \"symbols\": [\"KG\"]}},\n{\"name\": \"alt\", \"type\": {\"type\": \"enum\", \"name\": \"Unit\", \"symbols\": [\"KG\", \"LB\"]}}]}", 3, "the name Unit is defined twice in this schema, differently")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\",\n \"fields\": [{\"name\": \"a-b\", \"type\": \"int\"}]}", 2, "invalid field name \"a-b\"")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\"}", 1, "record R has no \"fields\" array")]
    [InlineData("{\"type\": \"enum\", \"name\": \"E\"}", 1, "enum E has no \"symbols\" array")]
    [InlineData("{\"type\": \"fixed\", \"name\": \"F\"}", 1, "fixed F has no \"size\"")]
    [InlineData("{\"type\": \"fixed\", \"name\": \"F\", \"size\": \"8\"}", 1, "\"size\" of fixed F must be a non-negative integer")]
    [InlineData("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\", \"A\"]}", 1, "lists the symbol \"A\" twice")]
    [InlineData("{\"type\": \"enum\", \"name\": \"E\", \"symbols\": [\"A\"], \"default\": \"B\"}", 1, "default \"B\" of enum E is not one of its symbols")]
    [InlineData("[\"int\", \"int\"]", 1, "the union lists int twice")]
    [InlineData("[\"int\", [\"string\"]]", 1, "a union cannot directly contain another union")]
    [InlineData("{\"type\": \"array\"}", 1, "array schema has no \"items\"")]
    [InlineData("{\"type\": \"map\"}", 1, "map schema has no \"values\"")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"a\", \"type\": \"int\"}]}", 1, "two fields named \"a\"")]
    [InlineData("{\"type\": \"fixed\", \"name\": \"int\", \"size\": 1}", 1, "cannot be named after the primitive type \"int\"")]
    [InlineData("\"Missing\"", 1, "unknown type \"Missing\"")]
    [InlineData("42", 1, "a schema must be a type name, an object or a union array")]
    [InlineData("", 0, "the file is empty")]
    [InlineData("\"int\" \"long\"", 1, "not valid JSON: Additional text")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"long\", \"default\": 1.5}]}", 1, "does not match its type long")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\", \"default\": 3000000000}]}", 1, "does not match its type int")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": [\"null\", \"int\"], \"default\": \"x\"}]}", 1, "does not match its type [null, int]")]
    public void Bad_schemas_are_reported_with_file_line_and_problem(string text, int line, string problem)
    {
        SchemaException e = ParseError(text);
        Assert.Equal("bad.avsc", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
        Assert.StartsWith("bad.avsc", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": [\"int\", \"null\"], \"default\": null}]}")] // any branch, as Avro Java
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"double\", \"default\": \"NaN\"}]}")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": {\"type\": \"array\", \"items\": \"long\"}, \"default\": [1, 2]}]}")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"next\", \"type\": [\"null\", \"R\"], \"default\": null}]}")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"p\", \"type\": {\"type\": \"record\", \"name\": \"P\", \"fields\": [{\"name\": \"x\", \"type\": \"int\"}, {\"name\": \"y\", \"type\": \"int\", \"default\": 0}]}, \"default\": {\"x\": 1}}]}")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"Later\"}, {\"name\": \"b\", \"type\": {\"type\": \"fixed\", \"name\": \"Later\", \"size\": 2}}]}")] // used before defined
    [InlineData("{\"type\": \"int\", \"logicalType\": \"date\"}")]
    [InlineData("[]")]
    public void Valid_schemas_parse(string text) => Assert.NotNull(Parse(text));

    [Theory]
    [InlineData("   ")]
    [InlineData("/* only a comment */")]
    [InlineData("// only a comment")]
    [InlineData("{")]
    [InlineData("nul")]
    [InlineData("\u0000")]
    [InlineData("{\"type\": {\"type\": \"int\"}}")]
    [InlineData("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}], \"name\": \"S\"}")]
    public void Odd_input_is_a_schema_exception(string text)
    {
        SchemaException e = ParseError(text);
        Assert.False(string.IsNullOrWhiteSpace(e.Problem));
    }

    [Theory]
    [InlineData("/* a comment */ \"int\"")]
    [InlineData("\"int\" // trailing comment")]
    public void Comments_around_the_schema_are_ignored(string text) => Assert.NotNull(Parse(text));

    [Fact]
    public void Record_default_missing_a_required_field_is_rejected()
    {
        SchemaException e = ParseError("{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"p\", \"type\": {\"type\": \"record\", \"name\": \"P\", \"fields\": [{\"name\": \"x\", \"type\": \"int\"}]}, \"default\": {}}]}");
        Assert.Contains("does not match its type record P", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Difference_locations_point_at_the_elements()
    {
        const string writer = """
            {
              "type": "record",
              "name": "Order",
              "fields": [
                {"name": "id", "type": "long"},
                {"name": "code", "type": {"type": "fixed", "name": "Code", "size": 8}}
              ]
            }
            """;
        const string reader = """
            {
              "type": "record",
              "name": "Order",
              "fields": [
                {"name": "id", "type": "int"},
                {"name": "code", "type": {"type": "fixed", "name": "Code", "size": 4}},
                {"name": "note", "type": "string"}
              ]
            }
            """;
        IReadOnlyList<Difference> diffs = ReaderWriter(reader, writer);
        Assert.Equal(new[] { "TYPE_MISMATCH #/fields/id/type", "FIXED_SIZE_MISMATCH #/fields/code/type/size", "READER_FIELD_MISSING_DEFAULT_VALUE #/fields/note" },
            diffs.Select(d => $"{d.Type} {d.Path}"));

        // "int" of field id: line 5, column where the string token starts.
        AssertAt(diffs[0].UpdateLocation, "reader.avsc", 5, reader.Split('\n')[4].IndexOf("\"int\"", StringComparison.Ordinal) + 1);
        AssertAt(diffs[0].OriginalLocation, "writer.avsc", 5, writer.Split('\n')[4].IndexOf("\"long\"", StringComparison.Ordinal) + 1);
        AssertAt(diffs[1].UpdateLocation, "reader.avsc", 6, reader.Split('\n')[5].IndexOf("4}", StringComparison.Ordinal) + 1);
        AssertAt(diffs[1].OriginalLocation, "writer.avsc", 6, writer.Split('\n')[5].IndexOf("8}", StringComparison.Ordinal) + 1);
        AssertAt(diffs[2].UpdateLocation, "reader.avsc", 7, reader.Split('\n')[6].IndexOf('{', StringComparison.Ordinal) + 1);
        Assert.Contains("note", diffs[2].Message, StringComparison.Ordinal);
    }

    private static void AssertAt(SourceLocation? location, string file, int line, int column)
    {
        Assert.NotNull(location);
        Assert.Equal((file, line, column), (location!.File, location.Line, location.Column));
    }

    [Fact]
    public void Parse_error_column_points_at_the_bad_token()
    {
        const string text = "{\"type\": \"record\", \"name\": \"R\",\n  \"fields\": [{\"name\": \"a\", \"type\": \"integer\"}]}";
        SchemaException e = ParseError(text);
        Assert.Equal(2, e.Line);
        Assert.Equal(text.Split('\n')[1].IndexOf("\"integer\"", StringComparison.Ordinal) + 1, e.Column);
    }

    [Fact]
    public void A_named_type_of_another_contract_is_found_through_the_references()
    {
        const string address = """{"type": "record", "name": "Address", "namespace": "com.acme", "fields": [{"name": "street", "type": "string"}]}""";
        var resolver = new InMemoryReferenceResolver(new Dictionary<string, SchemaSource>
        {
            ["com.acme.Address"] = new SchemaSource(address, SchemaType.Avro, "address.avsc"),
        });
        const string customer = """{"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [{"name": "home", "type": "Address"}]}""";
        ParsedSchema parsed = Parse(customer, "customer.avsc", resolver);

        // The referenced type takes part in the comparison like a local one.
        const string customerV2 = """{"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [{"name": "home", "type": {"type": "record", "name": "Address", "fields": [{"name": "street", "type": "string"}, {"name": "zip", "type": "string"}]}}]}""";
        IReadOnlyList<Difference> diffs = SchemaFormats.Avro.Diff(parsed, Parse(customerV2, "customer-v2.avsc"), CompatibilityOptions.Default);
        Assert.Equal("READER_FIELD_MISSING_DEFAULT_VALUE #/fields/home/type/fields/zip", Describe(diffs));
        Assert.Equal("customer-v2.avsc", diffs[0].UpdateLocation!.File);
        Assert.Null(diffs[0].OriginalLocation); // the writer's Address (address.avsc) has no field zip
    }

    [Fact]
    public void A_reference_may_name_a_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "eg-avro-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Money.avsc"), """{"type": "fixed", "name": "Money", "size": 16}""");
            string payment = Path.Combine(dir, "payment.avsc");
            File.WriteAllText(payment, """{"type": "record", "name": "Payment", "fields": [{"name": "amount", "type": "Money"}]}""");
            var resolver = new ContractsRootResolver(dir);
            ParsedSchema parsed = SchemaFormats.Avro.Parse(SchemaSource.FromFile(payment, references: resolver));
            Assert.Empty(SchemaFormats.Avro.Diff(parsed, parsed, CompatibilityOptions.Default));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unresolvable_reference_names_the_type_and_the_line()
    {
        SchemaException e = ParseError("{\"type\": \"record\", \"name\": \"R\",\n \"fields\": [{\"name\": \"a\", \"type\": \"com.acme.Nowhere\"}]}");
        Assert.Equal(2, e.Line);
        Assert.Contains("unknown type \"com.acme.Nowhere\"", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_cycles_between_files_are_reported()
    {
        var sources = new Dictionary<string, SchemaSource>();
        var resolver = new InMemoryReferenceResolver(sources);
        sources["A"] = new SchemaSource("""{"type": "record", "name": "X", "fields": [{"name": "b", "type": "B"}]}""", SchemaType.Avro, "a.avsc", resolver);
        sources["B"] = new SchemaSource("""{"type": "record", "name": "Y", "fields": [{"name": "a", "type": "A"}]}""", SchemaType.Avro, "b.avsc", resolver);
        SchemaException e = Assert.Throws<SchemaException>(() => Parse("""{"type": "record", "name": "R", "fields": [{"name": "a", "type": "A"}]}""", "r.avsc", resolver));
        Assert.Contains("references", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_with_a_schema_exception()
    {
        string text = new string('[', 5000) + new string(']', 5000);
        SchemaException e = ParseError(text);
        Assert.Contains("not valid JSON", e.Problem, StringComparison.Ordinal);
    }
}

public sealed class AvroDepthTests
{
    [Fact]
    public void Deep_but_legal_nesting_is_parsed_and_compared_without_overflowing()
    {
        // 300 nested records, each level also holding an array: far beyond real contracts, within the JSON depth limit.
        string Nested(string number)
        {
            string inner = $"\"{number}\"";
            for (int i = 300; i >= 1; i--)
                inner = $"{{\"type\": \"record\", \"name\": \"L{i}\", \"fields\": [{{\"name\": \"v\", \"type\": {{\"type\": \"array\", \"items\": \"{number}\"}}}}, {{\"name\": \"c\", \"type\": {inner}}}]}}";
            return inner;
        }
        IReadOnlyList<Difference> diffs = AvroTestSchemas.ReaderWriter(Nested("int"), Nested("long"));
        Assert.Equal(301, diffs.Count); // the array items of each level, then the innermost value
        Assert.All(diffs, d => Assert.Equal("TYPE_MISMATCH", d.Type));
        Assert.Equal("#/fields/v/type/items", diffs[0].Path);
        Assert.Equal("#" + string.Concat(Enumerable.Repeat("/fields/c/type", 300)), diffs[300].Path);
        Assert.Empty(AvroTestSchemas.ReaderWriter(Nested("long"), Nested("int")));
    }

    [Fact]
    public void A_type_name_that_is_not_an_avro_name_is_not_looked_up_as_a_file()
    {
        var resolver = new ContractsRootResolver(Path.GetTempPath());
        SchemaException e = Assert.Throws<SchemaException>(() => AvroTestSchemas.Parse("\"../../etc/passwd\"", "x.avsc", resolver));
        Assert.Contains("not a valid Avro name", e.Problem, StringComparison.Ordinal);
        e = Assert.Throws<SchemaException>(() => AvroTestSchemas.Parse("\"a\\u0000b\"", "x.avsc", resolver));
        Assert.Contains("not a valid Avro name", e.Problem, StringComparison.Ordinal);
    }
}

public sealed class AvroLocationTests
{
    private const string Writer = """
        {"type": "record", "name": "Event", "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}},
          {"name": "payload", "type": ["null", "string", "long"]}
        ]}
        """;

    private const string Reader = """
        {"type": "record", "name": "Event", "fields": [
          {"name": "kind", "type": {"type": "enum", "name": "Sort", "symbols": ["A"]}},
          {"name": "payload", "type": ["null", "string"]}
        ]}
        """;

    [Fact]
    public void Name_symbols_and_union_branch_differences_point_at_their_elements()
    {
        IReadOnlyList<Difference> diffs = AvroTestSchemas.ReaderWriter(Reader, Writer);
        Assert.Equal("NAME_MISMATCH #/fields/kind/type/name; MISSING_ENUM_SYMBOLS #/fields/kind/type/symbols; MISSING_UNION_BRANCH #/fields/payload/type/2",
            AvroTestSchemas.Describe(diffs));

        string[] reader = Reader.Split('\n'), writer = Writer.Split('\n');
        At(diffs[0].UpdateLocation, 2, reader[1].IndexOf("\"Sort\"", StringComparison.Ordinal) + 1);
        At(diffs[0].OriginalLocation, 2, writer[1].IndexOf("\"Kind\"", StringComparison.Ordinal) + 1);
        At(diffs[1].UpdateLocation, 2, reader[1].IndexOf("[\"A\"]", StringComparison.Ordinal) + 1);
        At(diffs[1].OriginalLocation, 2, writer[1].IndexOf("[\"A\", \"B\"", StringComparison.Ordinal) + 1);
        Assert.Contains("[B, C]", diffs[1].Message, StringComparison.Ordinal);
        At(diffs[2].UpdateLocation, 3, reader[2].IndexOf("[\"null\"", StringComparison.Ordinal) + 1);
        At(diffs[2].OriginalLocation, 3, writer[2].IndexOf("\"long\"", StringComparison.Ordinal) + 1);
        Assert.Contains("branch for long", diffs[2].Message, StringComparison.Ordinal);
    }

    private static void At(SourceLocation? location, int line, int column)
    {
        Assert.NotNull(location);
        Assert.Equal((line, column), (location!.Line, location.Column));
    }
}

/// <summary>Inputs Avro Java accepts more leniently than a strict reading of the specification would.</summary>
public sealed class AvroLenientParsingTests
{
    [Fact]
    public void A_named_type_defined_again_identically_is_accepted_and_checked_where_it_is_written()
    {
        // The second "Money" and "Iso" repeat the first definitions (a different doc does not count).
        const string writer = """
            {"type": "record", "name": "Invoice", "fields": [
              {"name": "total", "type": {"type": "record", "name": "Money", "fields": [{"name": "cents", "type": "long"}]}},
              {"name": "tax", "type": {"type": "record", "name": "Money", "doc": "again", "fields": [{"name": "cents", "type": "long"}]}},
              {"name": "currency", "type": {"type": "fixed", "name": "Iso", "size": 3}},
              {"name": "origin", "type": {"type": "fixed", "name": "Iso", "size": 3}}
            ]}
            """;
        const string reader = """
            {"type": "record", "name": "Invoice", "fields": [
              {"name": "total", "type": {"type": "record", "name": "Money", "fields": [{"name": "cents", "type": "long"}]}},
              {"name": "tax", "type": "Money"},
              {"name": "currency", "type": {"type": "fixed", "name": "Iso", "size": 4}},
              {"name": "origin", "type": "Iso"}
            ]}
            """;
        Assert.True(AvroTestSchemas.CanRead(writer, writer));
        Assert.True(AvroTestSchemas.CanRead(reader.Replace("\"size\": 4", "\"size\": 3", StringComparison.Ordinal), writer));
        // Each written definition is compared on its own, so the size change shows at both fields.
        Assert.Equal("FIXED_SIZE_MISMATCH #/fields/currency/type/size; FIXED_SIZE_MISMATCH #/fields/origin/type/size",
            AvroTestSchemas.Describe(AvroTestSchemas.ReaderWriter(reader, writer)));
    }

    [Fact]
    public void A_namespace_that_is_not_a_string_is_ignored_and_the_enclosing_one_applies()
    {
        const string order = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "status", "type": {"type": "enum", "name": "Status", "namespace": null, "symbols": ["NEW"]}},
              {"name": "previous", "type": "shop.Status"}
            ]}
            """;
        var parsed = (EventGovernance.Compatibility.Avro.AvroParsedSchema)AvroTestSchemas.Parse(order);
        var record = (EventGovernance.Compatibility.Avro.AvroRecord)parsed.Root;
        Assert.Equal("shop.Status", ((EventGovernance.Compatibility.Avro.AvroNamed)record.Fields[0].Type.Resolved).Name.Full);
    }

    [Fact]
    public void An_enum_default_that_is_not_a_string_is_ignored_so_the_enum_has_no_default()
    {
        const string reader = """{"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"], "default": 0}""";
        const string writer = """{"type": "enum", "name": "Status", "symbols": ["NEW", "PAID", "SHIPPED"]}""";
        Assert.Equal("MISSING_ENUM_SYMBOLS #/symbols", AvroTestSchemas.Describe(AvroTestSchemas.ReaderWriter(reader, writer)));
    }
}
