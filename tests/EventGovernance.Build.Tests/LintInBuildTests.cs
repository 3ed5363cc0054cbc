using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>The task runs the contract lint with the check and logs it in MSBuild's canonical form, with help links.</summary>
public sealed class LintInBuildTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-lint-task-" + Guid.NewGuid().ToString("N"));

    public LintInBuildTests() => Directory.CreateDirectory(_project);

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    /// <summary>Closed at the top, open in data (line 9): EG1101 at BACKWARD.</summary>
    private const string OpenData = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "event_id": { "type": "string" },
            "event_type": { "const": "order.placed" },
            "event_version": { "const": 1 },
            "occurred_at": { "type": "string" },
            "data": { "type": "object", "properties": { "order_id": { "type": "string" } } },
            "correlation_id": { "type": "string" }
          }
        }
        """;

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (CheckEventContracts Task, RecordingBuildEngine Engine) NewTask(params string[] contracts)
    {
        Write("contracts/registry/config.json", """{"compatibilityLevel":"BACKWARD"}""");
        var engine = new RecordingBuildEngine();
        var task = new CheckEventContracts
        {
            BuildEngine = engine,
            Contracts = contracts.Select(c => new TaskItem(c)).ToArray(),
            ProjectDirectory = _project,
            ContractsRoot = Path.Combine(_project, "contracts"),
            Registry = Path.Combine(_project, "contracts", "registry"),
        };
        return (task, engine);
    }

    [Fact]
    public void A_lint_warning_is_an_MSBuild_warning_at_the_element_with_its_page_and_the_build_passes()
    {
        string contract = Write("contracts/order-placed.schema.json", OpenData);
        var (task, engine) = NewTask(contract);

        Assert.True(task.Execute());
        Assert.True(task.Checked);
        Assert.Empty(engine.Errors);
        BuildWarningEventArgs warning = Assert.Single(engine.Warnings);
        Assert.Equal(("EG1101", Path.Combine("contracts", "order-placed.schema.json"), 9, 11), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
        Assert.Equal("https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1101.md", warning.HelpLink);
        Assert.Contains(
            $"{Path.Combine("contracts", "order-placed.schema.json")}(9,11): warning EG1101: At #/properties/data the object has an open content model",
            engine.Transcript);
        Assert.EndsWith("(see https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/EG1101.md)", warning.Message);
    }

    [Fact]
    public void A_lint_error_fails_the_build_and_EventGovernanceLint_false_turns_the_lint_off()
    {
        Write("contracts/registry/subjects/order-delivered/versions/1.proto", Proto("string order_id = 1;\n  string note = 2;"));
        string contract = Write("contracts/order-delivered.proto", Proto("string order_id = 1;"));
        var (task, engine) = NewTask(contract);

        Assert.False(task.Execute());
        Assert.False(task.Checked);
        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("EG1105", error.Code);
        Assert.Equal(Path.Combine("contracts", "order-delivered.proto"), error.File);
        Assert.Contains("field note = 2 was removed from message OrderDelivered without reserving its number and name", error.Message);

        var (off, offEngine) = NewTask(contract);
        off.Lint = "false";
        Assert.True(off.Execute());
        Assert.Empty(offEngine.Errors);
        Assert.DoesNotContain(offEngine.Warnings, w => w.Code.StartsWith("EG11", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_notes_are_messages_and_editorconfig_raises_them()
    {
        string contract = Write("contracts/order-paid.avsc", """
            {"type": "record", "name": "OrderPaid", "namespace": "shop", "fields": [
              {"name": "event_id", "type": "string"}, {"name": "event_type", "type": "string"}, {"name": "event_version", "type": "int"},
              {"name": "occurred_at", "type": "long"}, {"name": "correlation_id", "type": "string"}, {"name": "data", "type": "string"}]}
            """);
        var (task, engine) = NewTask(contract);
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);
        Assert.Equal(6, engine.Messages.Count(m => m.Code == "EG1104" && m.Importance == MessageImportance.Normal));

        Write("contracts/.editorconfig", "[*.avsc]\ndotnet_diagnostic.EG1104.severity = warning\n");
        var (raised, raisedEngine) = NewTask(contract);
        Assert.True(raised.Execute());
        Assert.Equal(6, raisedEngine.Warnings.Count(w => w.Code == "EG1104"));
    }

    private static string Proto(string fields) =>
        "syntax = \"proto3\";\npackage shop;\nmessage OrderDelivered {\n  string event_id = 10;\n  string event_type = 11;\n  int32 event_version = 12;\n" +
        "  string occurred_at = 13;\n  string correlation_id = 14;\n  string data = 15;\n  " + fields + "\n}\n";
}
