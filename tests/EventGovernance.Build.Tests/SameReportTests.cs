using System.IO;
using System.Text.Json;
using EventGovernance.Registry;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>The build task and <c>eventgov check</c> report one breaking contract with the same code, file, line and message.</summary>
public sealed class SameReportTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-same-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    private const string RegisteredV1 = """
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "order_id": { "type": "string" },
            "total": { "type": "number" },
            "note": { "type": "string" }
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

    [Fact]
    public void Check_and_the_build_task_report_the_same_code_file_line_and_message()
    {
        Write("contracts/registry/config.json", """{"compatibilityLevel":"BACKWARD"}""");
        Write("contracts/registry/subjects/order-placed/versions/1.json", RegisteredV1);
        // A changed type (located in the new file) and a removed property (located on the file, named in the old one).
        Write("contracts/order-placed.schema.json", RegisteredV1
            .Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }")
            .Replace(",\n    \"note\": { \"type\": \"string\" }", ""));

        var engine = new RecordingBuildEngine();
        var task = new CheckEventContracts
        {
            BuildEngine = engine,
            Contracts = new[] { new TaskItem("contracts/order-placed.schema.json") },
            ProjectDirectory = _project,
            ContractsRoot = Path.Combine(_project, "contracts"),
            Registry = Path.Combine(_project, "contracts", "registry"),
        };
        Assert.False(task.Execute());
        // Errors, then the contract lint's warnings (EG1102 here): check lists them in the same order.
        var fromBuild = engine.Errors
            .Select(e => (e.Code, File: Path.GetFullPath(Path.Combine(_project, e.File)), e.LineNumber, e.ColumnNumber, Message: e.Message ?? ""))
            .Concat(engine.Warnings.Select(w => (w.Code, File: Path.GetFullPath(Path.Combine(_project, w.File)), w.LineNumber, w.ColumnNumber, Message: w.Message ?? "")))
            .ToList();

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = EventGovernance.Cli.Program.Run(new[] { "check", "--no-project", "--contracts", Path.Combine(_project, "contracts"), "--format", "json" }, stdout, stderr);
        Assert.Equal(1, exit);
        using JsonDocument json = JsonDocument.Parse(stdout.ToString());
        var fromCheck = json.RootElement.GetProperty("contracts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Select(f => (Code: f.GetProperty("code").GetString()!, File: Path.GetFullPath(f.GetProperty("file").GetString()!),
                LineNumber: f.GetProperty("line").GetInt32(), ColumnNumber: f.GetProperty("column").GetInt32(),
                Message: ErrorCodes.WithNextStep(f.GetProperty("code").GetString()!, f.GetProperty("message").GetString()!)))
            .ToList();

        Assert.True(fromBuild.Count >= 2, engine.Transcript);
        Assert.Contains(fromBuild, e => e.LineNumber > 0);
        Assert.Contains(fromBuild, e => e.LineNumber == 0 && e.Message.Contains("(it was at registered version 1, line", StringComparison.Ordinal));
        Assert.Equal(fromBuild, fromCheck);
    }
}
