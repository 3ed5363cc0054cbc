using System.Collections.Generic;
using System.Linq;
using System.Text;
using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Protobuf.ProtobufTestSchemas;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>
/// Nesting is bounded before protobuf-net parses: its recursive descent overflows the stack (ending the
/// whole process) somewhere past a few thousand levels, so the limit must hold for any input.
/// </summary>
public sealed class ProtobufNestingTests
{
    private static ParsedSchema Parse(SchemaSource source) => SchemaFormats.Protobuf.Parse(source);

    /// <summary>A message holding <paramref name="depth"/> nested messages, one per line, each opened on line n + 1.</summary>
    internal static string NestedMessages(int depth)
    {
        var text = new StringBuilder("syntax = \"proto3\";\n");
        for (int i = 0; i < depth; i++) text.Append("message M").Append(i).Append(" {\n");
        text.Append("int32 leaf = 1;\n");
        for (int i = 0; i < depth; i++) text.Append("}\n");
        return text.ToString();
    }

    [Fact]
    public void Nesting_at_the_limit_parses()
    {
        Assert.NotNull(Parse(Proto(NestedMessages(128), "deep.proto")));
    }

    [Theory]
    [InlineData(129)]
    [InlineData(10_000)]
    [InlineData(200_000)]
    public void Nesting_past_the_limit_is_a_schema_error_at_the_brace_that_goes_too_deep(int depth)
    {
        var e = Assert.Throws<SchemaException>(() => Parse(Proto(NestedMessages(depth), "contracts/deep.proto")));
        Assert.Equal("contracts/deep.proto", e.File);
        // Line 1 is the syntax statement; the 129th message opens on line 130.
        Assert.Equal(130, e.Line);
        Assert.Equal("message M128 {".Length, e.Column);
        Assert.Equal("the schema nests deeper than 128 levels", e.Problem);
    }

    [Fact]
    public void Braces_in_comments_and_strings_do_not_count()
    {
        string noise = string.Concat(Enumerable.Repeat("{", 500));
        string text = "syntax = \"proto3\";\n// " + noise + "\n/* " + noise + " */\n"
            + "message M {\n  string s = 1 [json_name = \"" + noise + "\"];\n}\n";
        Assert.NotNull(Parse(Proto(text, "m.proto")));
    }

    [Fact]
    public void Deep_option_values_count_like_messages()
    {
        string deepOption = "syntax = \"proto3\";\nimport \"google/protobuf/descriptor.proto\";\n"
            + "message M {\n  option (x) = " + string.Concat(Enumerable.Repeat("{ a: ", 200)) + "1" + string.Concat(Enumerable.Repeat(" }", 200)) + ";\n}\n";
        var e = Assert.Throws<SchemaException>(() => Parse(Proto(deepOption, "opt.proto")));
        Assert.Equal(4, e.Line);
        Assert.Contains("nests deeper than 128 levels", e.Problem);
    }

    [Fact]
    public void Deep_nesting_in_an_imported_file_names_that_file()
    {
        var source = Proto("syntax = \"proto3\";\nimport \"lib.proto\";\nmessage Top { int32 a = 1; }\n", "main.proto",
            new Dictionary<string, string> { ["lib.proto"] = NestedMessages(5_000) });
        var e = Assert.Throws<SchemaException>(() => Parse(source));
        Assert.Equal("lib.proto", e.File);
        Assert.Equal(130, e.Line);
    }

    [Fact]
    public void A_long_chain_of_imports_is_refused_without_recursing_through_it()
    {
        var files = new Dictionary<string, string>();
        const int chain = 20_000;
        for (int i = 0; i < chain; i++)
            files[$"f{i}.proto"] = $"syntax = \"proto3\";\n" + (i + 1 < chain ? $"import \"f{i + 1}.proto\";\n" : "") + $"message F{i} {{ int32 a = 1; }}\n";
        var source = Proto("syntax = \"proto3\";\nimport \"f0.proto\";\nmessage Top { int32 a = 1; }\n", "main.proto", files);
        var e = Assert.Throws<SchemaException>(() => Parse(source));
        Assert.Contains("imports chain more than 128 files deep", e.Problem);
    }
}

/// <summary>The diff's one recursion that nesting does not bound: message types compared in place across files.</summary>
public sealed class ProtobufImportedChainTests
{
    /// <summary>Messages T0 .. Tn-1, each with a field of the next type.</summary>
    private static string Chain(int length)
    {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
            text.Append($"message T{i} {{ ").Append(i + 1 < length ? $"T{i + 1} next = 1; " : "int32 leaf = 1; ").Append("}\n");
        return text.ToString();
    }

    [Fact]
    public void A_long_chain_of_types_moved_into_an_import_is_refused_at_the_field_instead_of_recursing()
    {
        const int length = 300;
        var original = Proto("syntax = \"proto3\";\npackage p;\nmessage Top { T0 first = 1; }\n" + Chain(length), "top.proto");
        var update = Proto("syntax = \"proto3\";\npackage p;\nimport \"chain.proto\";\nmessage Top { T0 first = 1; }\n", "top.proto",
            new Dictionary<string, string> { ["chain.proto"] = "syntax = \"proto3\";\npackage p;\n" + Chain(length) });
        ParsedSchema o = SchemaFormats.Protobuf.Parse(original);
        ParsedSchema u = SchemaFormats.Protobuf.Parse(update);
        var e = Assert.Throws<SchemaException>(() => SchemaFormats.Protobuf.Diff(o, u, new CompatibilityOptions()));
        Assert.Contains("more than 128 types defined in other files", e.Problem);
        Assert.Equal("chain.proto", e.File);
        Assert.True(e.Line > 0, e.Message);
    }

    [Fact]
    public void A_short_chain_moved_into_an_import_is_compared_in_place()
    {
        var original = Proto("syntax = \"proto3\";\npackage p;\nmessage Top { T0 first = 1; }\n" + Chain(20), "top.proto");
        var update = Proto("syntax = \"proto3\";\npackage p;\nimport \"chain.proto\";\nmessage Top { T0 first = 1; }\n", "top.proto",
            new Dictionary<string, string> { ["chain.proto"] = "syntax = \"proto3\";\npackage p;\n" + Chain(20).Replace("int32 leaf = 1;", "string leaf = 1;") });
        IReadOnlyList<Difference> differences = SchemaFormats.Protobuf.Diff(SchemaFormats.Protobuf.Parse(original), SchemaFormats.Protobuf.Parse(update), new CompatibilityOptions());
        Assert.Contains(differences, d => !d.IsCompatible && d.Path.StartsWith("#/T19", System.StringComparison.Ordinal));
    }
}
