using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Protobuf.ProtobufTestSchemas;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>Parse errors by file and line, and import resolution (memory, search directories, well-known types).</summary>
public sealed class ProtobufParseTests
{
    private static ParsedSchema Parse(SchemaSource source) => SchemaFormats.Protobuf.Parse(source);

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        const string text = "syntax = \"proto3\";\nmessage Order {\n  string id = 1;\n  int32 total = ;\n}";
        var e = Assert.Throws<SchemaException>(() => Parse(Proto(text, "contracts/order.proto")));
        Assert.Equal("contracts/order.proto", e.File);
        Assert.Equal(4, e.Line);
        Assert.True(e.Column > 0, e.Message);
        Assert.StartsWith("contracts/order.proto(4,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_type_is_a_schema_error_on_its_line()
    {
        var e = Assert.Throws<SchemaException>(() => Parse(Proto("syntax = \"proto3\";\nmessage M {\n  Missing m = 1;\n}")));
        Assert.Equal(3, e.Line);
        Assert.Contains("Missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_import_is_named_at_its_import_statement()
    {
        const string text = "syntax = \"proto3\";\n\nimport \"shared/money.proto\";\nmessage M { int32 a = 1; }";
        var e = Assert.Throws<SchemaException>(() => Parse(Proto(text, "order.proto")));
        Assert.Equal("order.proto", e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("shared/money.proto", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_in_an_imported_file_names_that_file()
    {
        var source = Proto("syntax = \"proto3\";\nimport \"lib.proto\";\nmessage M { lib.X x = 1; }", "main.proto",
            new Dictionary<string, string> { ["lib.proto"] = "syntax = \"proto3\";\npackage lib;\nmessage X {\n  int32 = 1;\n}" });
        var e = Assert.Throws<SchemaException>(() => Parse(source));
        Assert.Equal("lib.proto", e.File);
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Well_known_types_resolve_without_any_path()
    {
        const string text = "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/wrappers.proto\";\n"
            + "message M { google.protobuf.Timestamp at = 1; google.protobuf.StringValue note = 2; }";
        ParsedSchema parsed = Parse(new SchemaSource(text, SchemaType.Protobuf, "m.proto"));
        Assert.NotNull(parsed);
        // Changing a field from one well-known type to another is a named type change.
        string update = text.Replace("google.protobuf.Timestamp at", "google.protobuf.Int64Value at", StringComparison.Ordinal);
        Assert.Equal(new[] { "FIELD_NAMED_TYPE_CHANGED #/M/1" }, Changes(Diff(text, update)));
    }

    [Fact]
    public void Import_is_found_through_a_search_directory()
    {
        string root = Path.Combine(Path.GetTempPath(), "eg-proto-" + Guid.NewGuid().ToString("N"));
        try
        {
            string contracts = Path.Combine(root, "contracts", "orders");
            string shared = Path.Combine(root, "proto-path");
            Directory.CreateDirectory(contracts);
            Directory.CreateDirectory(Path.Combine(shared, "common"));
            File.WriteAllText(Path.Combine(shared, "common", "money.proto"), "syntax = \"proto3\";\npackage common;\nmessage Money { int64 units = 1; }");
            string order = Path.Combine(contracts, "order.proto");
            File.WriteAllText(order, "syntax = \"proto3\";\nimport \"common/money.proto\";\nmessage Order { common.Money total = 1; }");

            // Without the search directory the import is reported; with it, it resolves.
            var withoutPath = new ContractsRootResolver(root);
            var e = Assert.Throws<SchemaException>(() => Parse(SchemaSource.FromFile(order, references: withoutPath)));
            Assert.Contains("common/money.proto", e.Problem, StringComparison.Ordinal);

            var resolver = new ContractsRootResolver(root, new[] { shared });
            ParsedSchema parsed = Parse(SchemaSource.FromFile(order, references: resolver));
            Assert.NotNull(parsed);

            // The imported type's content is compared when the import changes between versions.
            File.WriteAllText(Path.Combine(contracts, "money-v2.proto"), "syntax = \"proto3\";\npackage common;\nmessage Money { string units = 1; }");
            string orderV2 = Path.Combine(contracts, "order-v2.proto");
            File.WriteAllText(orderV2, "syntax = \"proto3\";\nimport \"money-v2.proto\";\nmessage Order { common.Money total = 1; }");
            var differences = Diff(SchemaSource.FromFile(order, references: resolver), SchemaSource.FromFile(orderV2, references: resolver));
            Assert.Equal(Sorted("FIELD_SCALAR_KIND_CHANGED #/Money/1", "FIELD_NAMED_TYPE_CHANGED #/Order/1"), Changes(differences));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Proto2_with_groups_extensions_and_options_parses_and_diffs()
    {
        const string text = "syntax = \"proto2\";\npackage p;\noption java_package = \"x.y\";\n"
            + "message M {\n  option (my_opt) = { a: 1 };\n  optional group G = 1 { optional int32 x = 2; }\n  extensions 100 to 200;\n  required string id = 3 [default = \"a;b{\"];\n}\n"
            + "extend M { optional int32 ext = 100; }\n"
            + "import \"google/protobuf/descriptor.proto\";\nextend google.protobuf.MessageOptions { optional A my_opt = 50001; }\nmessage A { optional int32 a = 1; }";
        Assert.Empty(Diff(text, text));
        string update = text.Replace("required string id = 3", "required string ident = 3", StringComparison.Ordinal);
        Difference d = Assert.Single(Diff(text, update));
        Assert.Equal("FIELD_NAME_CHANGED #/M/3", d.ToString());
        Assert.Equal(8, d.UpdateLocation!.Line);
    }

    [Fact]
    public void Import_cycle_is_a_schema_error_not_a_hang()
    {
        var source = Proto("syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { int32 x = 1; }", "a.proto",
            new Dictionary<string, string>
            {
                ["b.proto"] = "syntax = \"proto3\";\nimport \"c.proto\";\nmessage B { int32 y = 1; }",
                ["c.proto"] = "syntax = \"proto3\";\nimport \"b.proto\";\nmessage C { int32 z = 1; }",
            });
        var e = Assert.Throws<SchemaException>(() => Parse(source));
        Assert.Equal("c.proto", e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("b.proto -> c.proto -> b.proto", e.Problem, StringComparison.Ordinal);
    }
}
