using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Compatibility.Tests;

/// <summary>
/// A FORWARD check swaps reader and writer inside the engine, but a finding must still say what the user
/// changed in the new version, and its update location must be the element in the new version. The
/// difference types stay the registry's (they name the swapped view).
/// </summary>
public sealed class ForwardWordingTests
{
    private static CompatibilityResult Forward(SchemaType type, string old, string candidate, string extension) =>
        CompatibilityChecker.Check(new SchemaSource(candidate, type, "new" + extension), new[] { new SchemaSource(old, type, "old" + extension) },
            CompatibilityLevel.Forward);

    private const string JsonOld =
        "{\n" +
        "  \"type\": \"object\",\n" +
        "  \"properties\": {\n" +
        "    \"id\": { \"type\": \"string\" },\n" +
        "    \"total\": { \"type\": \"number\", \"minimum\": 0 }\n" +
        "  },\n" +
        "  \"required\": [\"id\", \"total\"]\n" +
        "}";

    // The user removed the minimum and made total optional.
    private const string JsonNew =
        "{\n" +
        "  \"type\": \"object\",\n" +
        "  \"properties\": {\n" +
        "    \"id\": { \"type\": \"string\" },\n" +
        "\n" +
        "    \"total\": { \"type\": \"number\" }\n" +
        "  },\n" +
        "  \"required\": [\"id\"]\n" +
        "}";

    [Fact]
    public void Json_a_removed_minimum_reads_as_removed()
    {
        CompatibilityResult result = Forward(SchemaType.Json, JsonOld, JsonNew, ".json");

        Difference minimum = Assert.Single(result.BreakingDifferences, d => d.Path == "#/properties/total/minimum");
        Assert.Equal("MINIMUM_ADDED", minimum.Type); // the registry's name for the reader's view
        Assert.Equal("At #/properties/total/minimum minimum was removed: consumers still reading with the old schema may reject data written with the new one.", minimum.Message);
        Assert.Equal("new.json", minimum.UpdateLocation!.File);
        Assert.Equal(6, minimum.UpdateLocation.Line);
        Assert.Equal("old.json", minimum.OriginalLocation!.File);
        Assert.Equal(5, minimum.OriginalLocation.Line);
    }

    [Fact]
    public void Json_a_property_no_longer_required_reads_as_such()
    {
        CompatibilityResult result = Forward(SchemaType.Json, JsonOld, JsonNew, ".json");

        Difference required = Assert.Single(result.BreakingDifferences, d => d.Path == "#/required/total");
        Assert.Equal("REQUIRED_ATTRIBUTE_ADDED", required.Type);
        Assert.Contains("a property that was required without a default is no longer required", required.Message);
        Assert.DoesNotContain("became required", required.Message);
        Assert.Equal("new.json", required.UpdateLocation!.File);
    }

    [Fact]
    public void Json_backward_wording_is_unchanged_in_meaning()
    {
        CompatibilityResult result = CompatibilityChecker.Check(new SchemaSource(JsonOld, SchemaType.Json, "new.json"),
            new[] { new SchemaSource(JsonNew, SchemaType.Json, "old.json") }, CompatibilityLevel.Backward);

        Difference minimum = Assert.Single(result.BreakingDifferences, d => d.Path == "#/properties/total/minimum");
        Assert.Equal("At #/properties/total/minimum minimum was added: consumers reading with the new schema may reject data written with the old one.", minimum.Message);
    }

    private const string AvroOld =
        "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [\n" +
        "  {\"name\": \"id\", \"type\": \"string\"},\n" +
        "  {\"name\": \"order_id\", \"type\": \"long\"},\n" +
        "  {\"name\": \"kind\", \"type\": {\"type\": \"enum\", \"name\": \"Kind\", \"symbols\": [\"A\", \"B\"]}}\n" +
        "]}";

    // The user removed order_id (old readers have no default for it) and added the symbol C.
    private const string AvroNew =
        "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [\n" +
        "  {\"name\": \"id\", \"type\": \"string\"},\n" +
        "  {\"name\": \"kind\", \"type\": {\"type\": \"enum\", \"name\": \"Kind\", \"symbols\": [\"A\", \"B\", \"C\"]}}\n" +
        "]}";

    [Fact]
    public void Avro_a_removed_field_reads_as_removed_at_its_old_place()
    {
        CompatibilityResult result = Forward(SchemaType.Avro, AvroOld, AvroNew, ".avsc");

        Difference removed = Assert.Single(result.BreakingDifferences, d => d.Type == "READER_FIELD_MISSING_DEFAULT_VALUE");
        Assert.Equal("#/fields/order_id", removed.Path);
        Assert.Equal("the new version removes field 'order_id' from record Order, which the old version reads and has no default value for", removed.Message);
        Assert.Null(removed.UpdateLocation); // not the record at (1,1): the field is gone from the new version
        Assert.Equal("old.avsc", removed.OriginalLocation!.File);
        Assert.Equal(3, removed.OriginalLocation.Line);
    }

    [Fact]
    public void Avro_an_added_enum_symbol_reads_as_added_in_the_new_version()
    {
        CompatibilityResult result = Forward(SchemaType.Avro, AvroOld, AvroNew, ".avsc");

        Difference symbols = Assert.Single(result.BreakingDifferences, d => d.Type == "MISSING_ENUM_SYMBOLS");
        Assert.Equal("#/fields/kind/type/symbols", symbols.Path);
        Assert.Equal("the new version adds the symbols [C] to enum Kind, which the old version does not know and has no default symbol for", symbols.Message);
        Assert.Equal("new.avsc", symbols.UpdateLocation!.File);
        Assert.Equal(3, symbols.UpdateLocation.Line);
    }

    private const string ProtoOld =
        "syntax = \"proto2\";\n" +
        "message Order {\n" +
        "  required string id = 1;\n" +
        "  optional string total = 2;\n" +
        "  required string customer = 3;\n" +
        "}\n";

    // The user changed total from string to int64 and removed the required customer.
    private const string ProtoNew =
        "syntax = \"proto2\";\n" +
        "message Order {\n" +
        "  required string id = 1;\n" +
        "\n" +
        "  optional int64 total = 2;\n" +
        "}\n";

    [Fact]
    public void Protobuf_a_removed_required_field_reads_as_removed_at_its_old_place()
    {
        CompatibilityResult result = Forward(SchemaType.Protobuf, ProtoOld, ProtoNew, ".proto");

        Difference removed = Assert.Single(result.BreakingDifferences, d => d.Path == "#/Order/3");
        Assert.Equal("REQUIRED_FIELD_ADDED", removed.Type);
        Assert.Equal("required field 'customer' = 3 was removed; the old version fails to parse data written without it", removed.Message);
        Assert.Null(removed.UpdateLocation);
        Assert.Equal("old.proto", removed.OriginalLocation!.File);
        Assert.Equal(5, removed.OriginalLocation.Line);
    }

    [Fact]
    public void Protobuf_a_type_change_reads_from_the_old_type_to_the_new()
    {
        CompatibilityResult result = Forward(SchemaType.Protobuf, ProtoOld, ProtoNew, ".proto");

        Difference changed = Assert.Single(result.BreakingDifferences, d => d.Path == "#/Order/2");
        Assert.Equal("FIELD_SCALAR_KIND_CHANGED", changed.Type);
        Assert.Equal("field 'total' = 2 changed from string to int64, which encode differently on the wire", changed.Message);
        Assert.Equal("new.proto", changed.UpdateLocation!.File);
        Assert.Equal(5, changed.UpdateLocation.Line);
    }

    [Fact]
    public void Full_words_each_direction_from_the_user_side()
    {
        CompatibilityResult result = CompatibilityChecker.Check(new SchemaSource(ProtoNew, SchemaType.Protobuf, "new.proto"),
            new[] { new SchemaSource(ProtoOld, SchemaType.Protobuf, "old.proto") }, CompatibilityLevel.Full);

        PairCheck backward = result.Checks.Single(c => c.Direction == CheckDirection.Backward);
        PairCheck forward = result.Checks.Single(c => c.Direction == CheckDirection.Forward);
        Assert.Contains(backward.Differences, d => d.Message.StartsWith("required field 'customer' = 3 was removed", System.StringComparison.Ordinal));
        Assert.Contains(forward.Differences, d => d.Message.StartsWith("required field 'customer' = 3 was removed", System.StringComparison.Ordinal));
        Assert.All(result.Checks.SelectMany(c => c.Differences).Where(d => d.Path == "#/Order/2"),
            d => Assert.Contains("from string to int64", d.Message));
    }
}

/// <summary>Compatible findings are worded from the user's side too (they show in compat's JSON and check's list).</summary>
public sealed class ForwardWordingOfCompatibleChangesTests
{
    [Fact]
    public void Protobuf_a_moved_message_reads_from_its_old_position_to_its_new_one()
    {
        const string old = "syntax = \"proto3\";\nmessage A { string a = 1; }\nmessage B { string b = 1; }\n";
        const string candidate = "syntax = \"proto3\";\nmessage B { string b = 1; }\nmessage A { string a = 1; }\n";

        CompatibilityResult result = CompatibilityChecker.Check(new SchemaSource(candidate, SchemaType.Protobuf, "new.proto"),
            new[] { new SchemaSource(old, SchemaType.Protobuf, "old.proto") }, CompatibilityLevel.Full);

        Assert.All(result.Checks, check => Assert.Contains(check.Differences,
            d => d.Type == "MESSAGE_MOVED" && d.Message == "message 'A' moved from position 0 to position 1"));
    }
}
