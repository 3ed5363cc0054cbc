using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Protobuf;
using static EventGovernance.Compatibility.Tests.Protobuf.ProtobufTestSchemas;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>The registry's rules beyond the corpus: proto2 labels, maps, enums, nesting, oneofs, syntax.</summary>
public sealed class ProtobufRuleTests
{
    [Fact]
    public void Identical_schemas_have_no_differences()
    {
        const string schema = "syntax = \"proto3\";\npackage shop;\nmessage Order { string id = 1; map<string, int64> lines = 2; oneof pay { string card = 3; string iban = 4; } }\nenum State { NEW = 0; PAID = 1; }";
        Assert.Empty(Diff(schema, schema));
    }

    [Fact]
    public void Adding_a_required_field_breaks_readers_of_old_data()
    {
        var differences = Diff(
            "syntax = \"proto2\";\nmessage M { optional string a = 1; }",
            "syntax = \"proto2\";\nmessage M { optional string a = 1; required int32 b = 2; }");
        Difference d = Assert.Single(differences);
        Assert.Equal("REQUIRED_FIELD_ADDED #/M/2", d.ToString());
        Assert.False(d.IsCompatible);
    }

    [Fact]
    public void Removing_a_required_field_is_breaking()
    {
        var differences = Diff(
            "syntax = \"proto2\";\nmessage M { required string a = 1; optional int32 b = 2; }",
            "syntax = \"proto2\";\nmessage M { optional int32 b = 2; }");
        Assert.Equal(new[] { "REQUIRED_FIELD_REMOVED #/M/1" }, Changes(differences));
        Assert.False(differences[0].IsCompatible);
    }

    [Fact]
    public void Numeric_label_change_is_breaking_but_string_label_change_is_not()
    {
        var numeric = Diff(
            "syntax = \"proto2\";\nmessage M { optional int32 a = 1; }",
            "syntax = \"proto2\";\nmessage M { repeated int32 a = 1; }");
        Assert.Equal(new[] { "FIELD_NUMERIC_LABEL_CHANGED #/M/1" }, Changes(numeric));
        Assert.False(numeric[0].IsCompatible);

        var text = Diff(
            "syntax = \"proto2\";\nmessage M { optional bytes a = 1; }",
            "syntax = \"proto2\";\nmessage M { repeated bytes a = 1; }");
        Assert.Equal(new[] { "FIELD_STRING_OR_BYTES_LABEL_CHANGED #/M/1" }, Changes(text));
        Assert.True(text[0].IsCompatible);
    }

    [Theory]
    [InlineData("int32", "uint64", true)]
    [InlineData("int64", "bool", true)]
    [InlineData("sint32", "sint64", true)]
    [InlineData("string", "bytes", true)]
    [InlineData("fixed32", "sfixed32", true)]
    [InlineData("fixed64", "sfixed64", true)]
    [InlineData("int32", "sint32", false)]
    [InlineData("float", "double", false)]
    [InlineData("fixed32", "fixed64", false)]
    [InlineData("string", "int32", false)]
    public void Scalar_changes_follow_the_compatible_groups(string before, string after, bool compatible)
    {
        var differences = Diff(
            $"syntax = \"proto3\";\nmessage M {{ {before} a = 1; }}",
            $"syntax = \"proto3\";\nmessage M {{ {after} a = 1; }}");
        Assert.Equal(compatible, differences.All(d => d.IsCompatible));
        if (!compatible) Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/M/1" }, Changes(differences));
    }

    [Fact]
    public void Enum_field_is_a_varint_scalar_but_not_a_zigzag_one()
    {
        const string enumDecl = "\nenum E { A = 0; }";
        Assert.Empty(Diff("syntax = \"proto3\";\nmessage M { E a = 1; }" + enumDecl, "syntax = \"proto3\";\nmessage M { int64 a = 1; }" + enumDecl));
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/M/1" },
            Changes(Diff("syntax = \"proto3\";\nmessage M { E a = 1; }" + enumDecl, "syntax = \"proto3\";\nmessage M { sint64 a = 1; }" + enumDecl)));
    }

    [Fact]
    public void Map_value_type_change_is_reported_at_the_map_field()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage M { map<string, int32> m = 1; }",
            "syntax = \"proto3\";\nmessage M { map<string, string> m = 1; }");
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/M/1" }, Changes(differences));
    }

    [Fact]
    public void Map_to_repeated_message_changes_the_field_kind()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage M { map<string, int32> m = 1; }",
            "syntax = \"proto3\";\nmessage M { repeated Entry m = 1; message Entry { string key = 1; int32 value = 2; } }");
        Assert.Equal(Sorted("FIELD_KIND_CHANGED #/M/1", "MESSAGE_ADDED #/M/Entry"), Changes(differences));
    }

    [Fact]
    public void Named_type_change_between_local_messages_is_breaking()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage A { string s = 1; }\nmessage B { string s = 1; }\nmessage M { A x = 1; }",
            "syntax = \"proto3\";\nmessage A { string s = 1; }\nmessage B { string s = 1; }\nmessage M { B x = 1; }");
        Assert.Equal(new[] { "FIELD_NAMED_TYPE_CHANGED #/M/1" }, Changes(differences));
    }

    [Fact]
    public void Enum_constants_are_compared_by_number()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nenum E { A = 0; B = 1; C = 2; }",
            "syntax = \"proto3\";\nenum E { A = 0; BEE = 1; D = 3; }");
        Assert.Equal(Sorted("ENUM_CONST_CHANGED #/E/1", "ENUM_CONST_REMOVED #/E/2", "ENUM_CONST_ADDED #/E/3"), Changes(differences));
        Assert.All(differences, d => Assert.True(d.IsCompatible));
    }

    [Fact]
    public void Nested_message_changes_carry_the_nesting_in_the_path()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage A { message B { message C { int32 x = 1; } } }",
            "syntax = \"proto3\";\nmessage A { message B { message C { string x = 1; } } }");
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/A/B/C/1" }, Changes(differences));
    }

    [Fact]
    public void Dropping_a_member_of_a_surviving_oneof_is_breaking()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage M { oneof o { string a = 1; string b = 2; } }",
            "syntax = \"proto3\";\nmessage M { oneof o { string a = 1; } }");
        Assert.Equal(new[] { "ONEOF_FIELD_REMOVED #/M/o/2" }, Changes(differences));
        Assert.False(differences[0].IsCompatible);
    }

    [Fact]
    public void Deleting_a_whole_oneof_is_compatible()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage M { string s = 9; oneof o { string a = 1; string b = 2; } }",
            "syntax = \"proto3\";\nmessage M { string s = 9; }");
        Assert.Equal(new[] { "ONEOF_REMOVED #/M/o" }, Changes(differences));
        Assert.True(differences[0].IsCompatible);
    }

    [Fact]
    public void Proto3_optional_is_a_label_not_a_oneof()
    {
        var differences = Diff(
            "syntax = \"proto3\";\nmessage M { int32 a = 1; }",
            "syntax = \"proto3\";\nmessage M { optional int32 a = 1; }");
        Assert.Empty(differences);
    }

    [Fact]
    public void Syntax_change_from_proto2_to_proto3_keeps_fields_compatible()
    {
        var differences = Diff(
            "syntax = \"proto2\";\nmessage M { optional int32 a = 1; optional string b = 2; repeated int64 c = 3; }",
            "syntax = \"proto3\";\nmessage M { int32 a = 1; string b = 2; repeated int64 c = 3; }");
        Assert.Empty(differences);
    }

    [Fact]
    public void Package_change_is_breaking_and_located_at_both_package_statements()
    {
        var differences = Diff("syntax = \"proto3\";\npackage a;\nmessage M { int32 x = 1; }", "syntax = \"proto3\";\n\npackage b;\nmessage M { int32 x = 1; }");
        Difference d = Assert.Single(differences);
        Assert.Equal("PACKAGE_CHANGED #/", d.ToString());
        Assert.False(d.IsCompatible);
        Assert.Equal((2, 1), (d.OriginalLocation!.Line, d.OriginalLocation.Column));
        Assert.Equal((3, 1), (d.UpdateLocation!.Line, d.UpdateLocation.Column));
    }

    [Fact]
    public void Field_differences_point_at_the_field_in_each_file()
    {
        const string original = "syntax = \"proto3\";\n// an order\nmessage Order {\n  string id = 1;\n  int32 total = 2;\n}";
        const string update = "syntax = \"proto3\";\nmessage Order {\n  string id = 1;\n\n    /* the sum */ string total = 2 [deprecated = true];\n}";
        Difference d = Assert.Single(Diff(Proto(original, "v1.proto"), Proto(update, "v2.proto")));
        Assert.Equal("FIELD_SCALAR_KIND_CHANGED #/Order/2", d.ToString());
        Assert.Equal("v1.proto", d.OriginalLocation!.File);
        Assert.Equal((5, 3), (d.OriginalLocation.Line, d.OriginalLocation.Column));
        Assert.Equal("v2.proto", d.UpdateLocation!.File);
        Assert.Equal((5, 19), (d.UpdateLocation.Line, d.UpdateLocation.Column));
        Assert.Contains("total", d.Message);
    }

    [Fact]
    public void Removed_message_points_at_the_original_declaration()
    {
        Difference d = Assert.Single(Diff("syntax = \"proto3\";\nmessage A {}\n\n  message Gone { int32 x = 1; }", "syntax = \"proto3\";\nmessage A {}"));
        Assert.Equal("MESSAGE_REMOVED #/Gone", d.ToString());
        Assert.Null(d.UpdateLocation);
        Assert.Equal((4, 3), (d.OriginalLocation!.Line, d.OriginalLocation.Column));
    }

    [Fact]
    public void Breaking_change_inside_an_imported_type_is_located_in_the_imported_file()
    {
        const string v1 = "syntax = \"proto3\";\npackage lib;\nmessage Money {\n  int64 units = 1;\n}";
        const string v2 = "syntax = \"proto3\";\npackage lib;\nmessage Money {\n  string units = 1;\n}";
        const string main = "syntax = \"proto3\";\nimport \"lib/money.proto\";\nmessage Order {\n  lib.Money total = 1;\n}";
        var differences = Diff(
            Proto(main, "order.proto", new Dictionary<string, string> { ["lib/money.proto"] = v1 }),
            Proto(main, "order.proto", new Dictionary<string, string> { ["lib/money.proto"] = v2 }));
        Assert.Equal(Sorted("FIELD_SCALAR_KIND_CHANGED #/Money/1", "FIELD_NAMED_TYPE_CHANGED #/Order/1"), Changes(differences));
        Difference inner = differences.Single(d => d.Type == ProtoDifferenceTypes.FieldScalarKindChanged);
        Assert.Equal("lib/money.proto", inner.UpdateLocation!.File);
        Assert.Equal(4, inner.UpdateLocation.Line);
    }

    [Fact]
    public void Recursive_imported_type_comparison_terminates()
    {
        const string tree1 = "syntax = \"proto3\";\nmessage Node { repeated Node children = 1; int32 v = 2; }";
        const string tree2 = "syntax = \"proto3\";\nmessage Node { repeated Node children = 1; int64 v = 2; string label = 3; }";
        const string main = "syntax = \"proto3\";\nimport \"tree.proto\";\nmessage Doc { Node root = 1; }";
        var differences = Diff(
            Proto(main, "doc.proto", new Dictionary<string, string> { ["tree.proto"] = tree1 }),
            Proto(main, "doc.proto", new Dictionary<string, string> { ["tree.proto"] = tree2 }));
        Assert.Equal(new[] { "FIELD_ADDED #/Node/3" }, Changes(differences));
    }

    [Fact]
    public void Every_reported_type_is_one_of_confluents()
    {
        Assert.Equal(26, ProtoDifferenceTypes.All.Count);
        Assert.False(ProtoDifferenceTypes.IsCompatible(ProtoDifferenceTypes.MultipleFieldsMovedToOneof));
        Assert.True(ProtoDifferenceTypes.IsCompatible(ProtoDifferenceTypes.OneofFieldMovedToTopLevel));
    }
    [Fact]
    public void Registry_known_imports_need_no_reference()
    {
        // confluent/meta.proto and the decimal types are always available in the registry, like Google's well-known types.
        const string before = "syntax = \"proto3\";\npackage billing;\nimport \"confluent/meta.proto\";\nimport \"confluent/type/decimal.proto\";\n"
            + "message Invoice {\n  option (confluent.message_meta) = { doc: \"An invoice\" };\n"
            + "  confluent.type.Decimal total = 1 [(confluent.field_meta) = { params: [{ key: \"precision\", value: \"10\" }], tags: [\"PII\"] }];\n}";
        Assert.Empty(Diff(before, before));

        string after = before.Replace("confluent.type.Decimal total = 1", "string total = 1", System.StringComparison.Ordinal);
        Assert.Equal(new[] { "FIELD_KIND_CHANGED #/Invoice/1" }, Changes(Diff(before, after)));
    }

    [Fact]
    public void A_declared_reference_wins_over_the_known_import()
    {
        const string schema = "syntax = \"proto3\";\nimport \"confluent/type/decimal.proto\";\nmessage Price { confluent.type.Decimal amount = 1; }";
        var ownDecimal = new Dictionary<string, string>
        {
            ["confluent/type/decimal.proto"] = "syntax = \"proto3\";\npackage confluent.type;\nmessage Decimal { string digits = 1; }",
        };
        // The registry's Decimal has bytes value = 1; the referenced one has string digits = 1 (compatible rename).
        var differences = Diff(Proto(schema, "price.proto"), Proto(schema, "price.proto", ownDecimal));
        Assert.Contains("FIELD_NAME_CHANGED #/Decimal/1", Changes(differences));
        Assert.All(differences, d => Assert.True(d.IsCompatible, d.ToString()));
    }

    [Fact]
    public void Proto2_groups_are_not_compared()
    {
        // The registry's parser keeps groups apart from fields and nested types, so its diff never sees them.
        const string plain = "syntax = \"proto2\";\nmessage Search { optional string query = 1; }";
        const string withGroup = "syntax = \"proto2\";\nmessage Search {\n  optional string query = 1;\n"
            + "  repeated group Hit = 2 { required string url = 3; }\n}";
        Assert.Empty(Diff(plain, withGroup));
        Assert.Empty(Diff(withGroup, plain));
        Assert.Empty(Diff(withGroup, withGroup.Replace("required string url = 3", "required int64 url = 3", System.StringComparison.Ordinal)));
        // Fields next to the group are still compared.
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/Search/1" },
            Changes(Diff(withGroup, withGroup.Replace("optional string query", "optional int32 query", System.StringComparison.Ordinal))));
    }

    [Fact]
    public void Editions_fields_carry_no_label_unless_repeated()
    {
        // Editions drop the optional/required keywords; like proto3's bare fields, they have no label to compare.
        const string before = "edition = \"2023\";\npackage p;\nmessage M {\n  int32 a = 1;\n  repeated string b = 2;\n}";
        string repeatedNumber = before.Replace("  int32 a = 1", "  repeated int32 a = 1", System.StringComparison.Ordinal);
        Assert.Empty(Diff(before, repeatedNumber));
        string legacyRequired = before.Replace("}", "  int32 c = 3 [features.field_presence = LEGACY_REQUIRED];\n}", System.StringComparison.Ordinal);
        Assert.Equal(new[] { "FIELD_ADDED #/M/3" }, Changes(Diff(before, legacyRequired)));
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/M/1" },
            Changes(Diff(before, before.Replace("int32 a = 1", "double a = 1", System.StringComparison.Ordinal))));
    }
    [Fact]
    public void Undeclared_custom_options_do_not_block_the_comparison()
    {
        // The registry stores tags as (confluent.field_meta) options without importing their declaration.
        const string v1 = "syntax = \"proto3\";\npackage crm;\nmessage Contact {\n  string email = 1;\n  string phone = 2;\n}";
        const string v2 = "syntax = \"proto3\";\npackage crm;\nmessage Contact {\n  string email = 1 [(confluent.field_meta) = { tags: [\"PII\"] }];\n"
            + "  string phone = 2 [(acme.masked) = true];\n}";
        Assert.Empty(Diff(v1, v2));
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/Contact/2" },
            Changes(Diff(v2, v2.Replace("string phone = 2", "int64 phone = 2", System.StringComparison.Ordinal))));
    }

    [Fact]
    public void Written_out_map_entries_compare_as_maps()
    {
        // How the registry prints a schema derived from a compiled descriptor: the map's entry type spelled out.
        const string mapField = "syntax = \"proto3\";\nmessage Cart {\n  map<string, int32> quantities = 1;\n  message Line { string sku = 1; }\n}";
        const string entryType = "syntax = \"proto3\";\nmessage Cart {\n  repeated QuantitiesEntry quantities = 1;\n  message Line { string sku = 1; }\n"
            + "  message QuantitiesEntry {\n    option map_entry = true;\n    string key = 1;\n    int32 value = 2;\n  }\n}";
        Assert.Empty(Diff(mapField, entryType));
        Assert.Empty(Diff(entryType, mapField));

        // A value type change shows at the map field and, with the entry written out on both sides, inside the entry.
        string doubleValues = entryType.Replace("int32 value = 2", "double value = 2", System.StringComparison.Ordinal);
        Assert.Equal(Sorted("FIELD_SCALAR_KIND_CHANGED #/Cart/1", "FIELD_SCALAR_KIND_CHANGED #/Cart/QuantitiesEntry/2"),
            Changes(Diff(entryType, doubleValues)));
        Assert.Equal(new[] { "FIELD_SCALAR_KIND_CHANGED #/Cart/1" }, Changes(Diff(mapField, doubleValues)));

        // A written-out entry counts among the nested messages, so one declared before another moves that one.
        string entryFirst = "syntax = \"proto3\";\nmessage Cart {\n  message QuantitiesEntry {\n    option map_entry = true;\n    string key = 1;\n    int32 value = 2;\n  }\n"
            + "  repeated QuantitiesEntry quantities = 1;\n  message Line { string sku = 1; }\n}";
        var moved = Diff(mapField, entryFirst);
        Assert.Equal(new[] { "MESSAGE_MOVED #/Cart/Line" }, Changes(moved));
        Assert.True(moved[0].IsCompatible);
    }

}
