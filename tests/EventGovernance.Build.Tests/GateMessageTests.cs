using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>
/// What the build's messages tell a developer: what to do next and where to read more, which registered
/// version breaks and who, where a removed element was, and how to register a new subject. The task runs
/// in-process against an embedded registry with the real engines.
/// </summary>
public sealed class GateMessageTests : IDisposable
{
    private const string Docs = "https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/";

    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-messages-" + Guid.NewGuid().ToString("N"));

    public GateMessageTests() => Directory.CreateDirectory(_project);

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    private const string OrderV1 = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "order_id": { "type": "string" },
            "total": { "type": "number" }
          },
          "required": ["order_id"]
        }
        """;

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Register(string subject, int version, string extension, string text) =>
        Write($"contracts/registry/subjects/{subject}/versions/{version}{extension}", text);

    private (bool Passed, RecordingBuildEngine Engine) Check(string? level, params string[] contracts)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckEventContracts
        {
            BuildEngine = engine,
            Contracts = contracts.Select(c => new TaskItem(c)).ToArray(),
            ProjectDirectory = _project,
            ContractsRoot = Path.Combine(_project, "contracts"),
            Registry = Path.Combine(_project, "contracts", "registry"),
            Compatibility = level,
        };
        return (task.Execute(), engine);
    }

    [Fact]
    public void A_breaking_change_says_what_to_do_next_and_links_its_page()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Write("contracts/order-placed.schema.json", OrderV1.Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }"));

        var (passed, engine) = Check(null, "contracts/order-placed.schema.json");

        Assert.False(passed);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("EG1001", error.Code);
        Assert.EndsWith($"; make the change compatible or publish it under a new subject (see {Docs}EG1001.md)", error.Message);
    }

    [Fact]
    public void A_malformed_contract_and_a_bad_setting_link_their_pages_too()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Write("contracts/order-placed.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"order_id\": ,\n  }\n}\n");

        var (_, malformed) = Check(null, "contracts/order-placed.schema.json");
        var (_, badLevel) = Check("MOSTLY", "contracts/order-placed.schema.json");

        Assert.EndsWith($"(see {Docs}EG1002.md)", Assert.Single(malformed.Errors).Message);
        Assert.EndsWith($"; correct the value (see {Docs}EG1004.md)", Assert.Single(badLevel.Errors).Message);
    }

    [Fact]
    public void A_breaking_change_names_the_version_and_who_breaks_in_each_direction()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Write("contracts/order-placed.schema.json", OrderV1.Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }"));

        var (_, full) = Check("FULL", "contracts/order-placed.schema.json");

        Assert.Equal(2, full.Errors.Count);
        Assert.Contains(full.Errors, e => e.Message!.Contains("breaks FULL compatibility with version 1 (TYPE_CHANGED)")
            && e.Message.Contains("; it breaks consumers using the new schema reading data written with version 1;"));
        Assert.Contains(full.Errors, e => e.Message!.Contains("; it breaks consumers still using version 1 reading data written with the new schema;"));
    }

    [Fact]
    public void Findings_against_two_versions_say_which_version_each_is_about()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Register("order-placed", 2, ".json", OrderV1.Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"integer\" }"));
        Write("contracts/order-placed.schema.json", OrderV1.Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }"));

        var (_, engine) = Check("BACKWARD_TRANSITIVE", "contracts/order-placed.schema.json");

        Assert.Equal(2, engine.Errors.Count);
        Assert.Contains(engine.Errors, e => e.Message!.Contains("compatibility with version 2 (TYPE_CHANGED)") && e.Message.Contains("written with version 2;"));
        Assert.Contains(engine.Errors, e => e.Message!.Contains("compatibility with version 1 (TYPE_CHANGED)") && e.Message.Contains("written with version 1;"));
    }

    [Fact]
    public void A_removed_json_property_names_its_place_in_the_registered_version()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Register("order-placed", 2, ".json", OrderV1);
        Write("contracts/order-placed.schema.json", OrderV1.Replace(",\n    \"total\": { \"type\": \"number\" }", ""));

        var (_, engine) = Check(null, "contracts/order-placed.schema.json");

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Contains("(PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL)", error.Message);
        Assert.Contains("(it was at registered version 2, line 6)", error.Message);
        // The contract file, not a made-up position in it (the enclosing object at 1,1).
        Assert.Equal(Path.Combine("contracts", "order-placed.schema.json"), error.File);
        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void A_removed_protobuf_field_is_reported_at_the_contract_with_its_old_line()
    {
        Register("order", 1, ".proto", "syntax = \"proto2\";\n\nmessage Order {\n  required string id = 1;\n  required string customer = 2;\n}\n");
        Write("contracts/order.proto", "syntax = \"proto2\";\n\nmessage Order {\n  required string id = 1;\n}\n");

        var (_, engine) = Check(null, "contracts/order.proto");

        // The contract lint adds its EG1105 (the number is not reserved); this test is about EG1001's place.
        BuildErrorEventArgs error = Assert.Single(engine.Errors, e => e.Code == "EG1001");
        Assert.Contains("required field 'customer' = 2 was removed (it was at registered version 1, line 5)", error.Message);
        Assert.Equal(Path.Combine("contracts", "order.proto"), error.File);
        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void A_forward_avro_finding_says_what_the_new_version_did()
    {
        Register("order", 1, ".avsc", "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [\n  {\"name\": \"id\", \"type\": \"string\"},\n  {\"name\": \"order_id\", \"type\": \"long\"}\n]}\n");
        Write("contracts/order.avsc", "{\"type\": \"record\", \"name\": \"Order\", \"fields\": [\n  {\"name\": \"id\", \"type\": \"string\"}\n]}\n");

        var (_, engine) = Check("FORWARD", "contracts/order.avsc");

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Contains("(READER_FIELD_MISSING_DEFAULT_VALUE at #/fields/order_id): the new version removes field 'order_id' from record Order", error.Message);
        Assert.Contains("(it was at registered version 1, line 3)", error.Message);
        Assert.Contains("it breaks consumers still using version 1 reading data written with the new schema", error.Message);
        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void A_new_subject_says_which_command_registers_it()
    {
        Register("order-placed", 1, ".json", OrderV1);
        Write("contracts/order-archived.schema.json", OrderV1);

        var (passed, engine) = Check(null, "contracts/order-archived.schema.json");

        Assert.True(passed, engine.Transcript);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High
            && m.Message!.Contains("subject 'order-archived' is new")
            && m.Message.Contains("register it with `eventgov register` or `dotnet build -t:EventGovernanceRegister`"));
    }
}
