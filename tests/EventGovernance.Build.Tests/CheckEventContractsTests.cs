using System.IO;
using System.Net;
using System.Net.Sockets;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>The task run in-process against real registries, without MSBuild.</summary>
public sealed class CheckEventContractsTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-task-" + Guid.NewGuid().ToString("N"));

    public CheckEventContractsTests() => Directory.CreateDirectory(_project);

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
            "total": { "type": "number" }
          },
          "required": ["order_id"]
        }
        """;

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (CheckEventContracts Task, RecordingBuildEngine Engine) NewTask(string registry, params string[] contracts)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckEventContracts
        {
            BuildEngine = engine,
            Contracts = contracts.Select(c => new TaskItem(c)).ToArray(),
            ProjectDirectory = _project,
            ContractsRoot = Path.Combine(_project, "contracts"),
            Registry = registry,
        };
        return (task, engine);
    }

    private string EmbeddedRegistryWithOrderPlaced()
    {
        Write("contracts/registry/config.json", """{"compatibilityLevel":"BACKWARD"}""");
        Write("contracts/registry/subjects/order-placed/versions/1.json", RegisteredV1);
        return Path.Combine(_project, "contracts", "registry");
    }

    [Fact]
    public void No_contracts_is_one_high_importance_message_naming_where_it_looked_and_what_to_set()
    {
        var (task, engine) = NewTask(Path.Combine(_project, "contracts", "registry"));
        Assert.True(task.Execute());
        Assert.True(task.Checked);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var message = Assert.Single(engine.Messages, m => m.Message!.Contains("no event contracts found", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Build.Framework.MessageImportance.High, message.Importance);
        Assert.Contains("contracts/**/*.schema.json, contracts/**/*.avsc and contracts/**/*.proto", message.Message);
        Assert.Contains("(contracts does not exist)", message.Message);
        Assert.Contains("EventGovernanceContractsRoot", message.Message);
        Assert.Contains("EventContract items", message.Message);

        // Outside the project the root is named by its full path; with default items off the message says so.
        string outside = Path.Combine(Path.GetTempPath(), "eg-elsewhere-" + Guid.NewGuid().ToString("N"), "contracts");
        var (elsewhere, elsewhereEngine) = NewTask(Path.Combine(_project, "contracts", "registry"));
        elsewhere.ContractsRoot = outside;
        Assert.True(elsewhere.Execute());
        Assert.Contains(elsewhereEngine.Messages, m => m.Message!.Contains(outside + "/**/*.avsc", StringComparison.Ordinal));
        var (off, offEngine) = NewTask(Path.Combine(_project, "contracts", "registry"));
        off.DefaultItemsEnabled = "false";
        Assert.True(off.Execute());
        Assert.Contains(offEngine.Messages, m => m.Message!.Contains("EnableDefaultEventContractItems is false", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_unavailable_setting_fails_before_any_registry_is_opened()
    {
        var (task, engine) = NewTask("https://registry.invalid", "contracts/a.schema.json");
        task.RegistryUnavailable = "Sometimes";
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1004", error.Code);
        Assert.Contains("EventGovernanceRegistryUnavailable is 'Sometimes'", error.Message);
        Assert.False(task.Checked);
    }

    [Fact]
    public void A_registry_url_that_is_not_http_is_a_configuration_error_without_its_credentials()
    {
        Write("contracts/a.schema.json", RegisteredV1);
        var (task, engine) = NewTask("ftp://alice:s3cret-pw@registry.example/", "contracts/a.schema.json");
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1004", error.Code);
        Assert.Contains("'ftp' URL", error.Message);
        Assert.DoesNotContain("s3cret-pw", engine.Transcript);
        Assert.False(Directory.Exists(Path.Combine(_project, "ftp:")));
    }

    [Fact]
    public void Unknown_compatibility_level_is_a_configuration_error()
    {
        var (task, engine) = NewTask(EmbeddedRegistryWithOrderPlaced(), "contracts/order-placed.schema.json");
        task.Compatibility = "MOSTLY";
        Assert.False(task.Execute());
        Assert.Equal("EG1004", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Compatible_change_passes_and_reports_it()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        Write("contracts/order-placed.schema.json", RegisteredV1.Replace(
            "\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"number\" },\n    \"note\": { \"type\": \"string\" }"));
        var (task, engine) = NewTask(registry, "contracts/order-placed.schema.json");
        Assert.True(task.Execute(), engine.Transcript);
        Assert.True(task.Checked);
        Assert.Empty(engine.Errors);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("1 compatible, 0 unchanged, 0 new, 0 breaking, 0 invalid"));
    }

    [Fact]
    public void Breaking_change_is_an_EG1001_error_at_the_changed_line_of_the_contract()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        string contract = Write("contracts/order-placed.schema.json", RegisteredV1.Replace(
            "\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }"));
        int changedLine = Array.FindIndex(File.ReadAllLines(contract), l => l.Contains("\"total\"")) + 1;

        var (task, engine) = NewTask(registry, "contracts/order-placed.schema.json");
        Assert.False(task.Execute());
        Assert.False(task.Checked);
        Assert.NotEmpty(engine.Errors);
        Assert.All(engine.Errors, e =>
        {
            Assert.Equal("EG1001", e.Code);
            Assert.Equal(Path.Combine("contracts", "order-placed.schema.json"), e.File);
        });
        Assert.Contains(engine.Errors, e => e.LineNumber == changedLine && e.ColumnNumber > 0 && e.Message!.Contains("subject 'order-placed' breaks BACKWARD"));
    }

    [Fact]
    public void Every_gate_error_carries_its_help_link_so_the_error_list_links_to_the_page()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        Write("contracts/order-placed.schema.json", RegisteredV1.Replace("\"total\": { \"type\": \"number\" }", "\"total\": { \"type\": \"string\" }"));
        Write("contracts/broken.schema.json", "{ \"type\": ");
        var (task, engine) = NewTask(registry, "contracts/order-placed.schema.json", "contracts/broken.schema.json");
        Assert.False(task.Execute());
        Assert.Contains(engine.Errors, e => e.Code == "EG1001");
        Assert.Contains(engine.Errors, e => e.Code == "EG1002");
        Assert.All(engine.Errors, e => Assert.Equal(EventGovernance.Registry.ErrorCodes.HelpLink(e.Code), e.HelpLink));
    }

    [Fact]
    public void Breaking_change_in_a_referenced_file_is_reported_at_that_file_relative_to_the_project()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        Write("contracts/order-placed.schema.json", RegisteredV1.Replace(
            "\"total\": { \"type\": \"number\" }", "\"total\": { \"$ref\": \"common/money.json\" }"));
        Write("contracts/common/money.json", "{\n  \"type\": \"string\"\n}\n");

        var (task, engine) = NewTask(registry, "contracts/order-placed.schema.json");
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1001", error.Code);
        Assert.Equal(Path.Combine("contracts", "common", "money.json"), error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.True(!engine.Transcript.Contains(_project), engine.Transcript);
    }

    [Fact]
    public void Malformed_contract_is_an_EG1002_error_with_file_and_line()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        Write("contracts/order-placed.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"order_id\": ,\n  }\n}\n");
        var (task, engine) = NewTask(registry, "contracts/order-placed.schema.json");
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1002", error.Code);
        Assert.Equal(Path.Combine("contracts", "order-placed.schema.json"), error.File);
        Assert.Equal(4, error.LineNumber);
    }

    [Fact]
    public void New_subject_passes_with_a_high_importance_message()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        Write("contracts/order-archived.schema.json", RegisteredV1);
        var (task, engine) = NewTask(registry, "contracts/order-archived.schema.json");
        Assert.True(task.Execute(), engine.Transcript);
        Assert.Contains(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.High
            && m.Message!.Contains("subject 'order-archived' is new"));
    }

    [Theory]
    [InlineData("Warning", null, true)]
    [InlineData(null, null, true)]
    [InlineData(null, "true", false)]
    [InlineData("Error", null, false)]
    public void Unreachable_registry_is_EG1003_with_the_selected_severity_and_no_credentials(string? setting, string? ci, bool passes)
    {
        Write("contracts/order-placed.schema.json", RegisteredV1);
        var (task, engine) = NewTask($"http://127.0.0.1:{ClosedPort()}", "contracts/order-placed.schema.json");
        task.RegistryUnavailable = setting;
        task.ContinuousIntegration = ci;
        task.BasicAuth = "gate-user:Sup3r-Secret-Pw";
        task.BearerToken = "tok-4f9a1c77e2";

        Assert.Equal(passes, task.Execute());
        Assert.False(task.Checked);
        if (passes)
        {
            Assert.Empty(engine.Errors);
            Assert.Equal("EG1003", Assert.Single(engine.Warnings).Code);
        }
        else
        {
            Assert.Equal("EG1003", Assert.Single(engine.Errors).Code);
        }
        Assert.DoesNotContain("Sup3r-Secret-Pw", engine.Transcript);
        Assert.DoesNotContain("tok-4f9a1c77e2", engine.Transcript);
    }

    [Theory]
    [InlineData("Timeout", "0", "EventGovernanceRegistryTimeout is '0'; expected a positive number of seconds")]
    [InlineData("Timeout", "soon", "EventGovernanceRegistryTimeout is 'soon'; expected a positive number of seconds")]
    [InlineData("Retries", "-1", "EventGovernanceRegistryRetries is '-1'; expected a whole number from 0 to 10")]
    [InlineData("Retries", "11", "EventGovernanceRegistryRetries is '11'; expected a whole number from 0 to 10")]
    [InlineData("Policy", "loose", "EventGovernancePolicy is 'loose'; expected strict or lenient")]
    public void A_bad_timeout_retries_or_policy_is_EG1004_naming_the_property(string parameter, string value, string expected)
    {
        var (task, engine) = NewTask(EmbeddedRegistryWithOrderPlaced(), "contracts/order-placed.schema.json");
        if (parameter == "Timeout") task.RegistryTimeout = value;
        else if (parameter == "Retries") task.RegistryRetries = value;
        else task.Policy = value;
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1004", error.Code);
        // The problem, then what to do and the code's page.
        Assert.StartsWith(expected + "; correct the value", error.Message);
        Assert.EndsWith("docs/errors/EG1004.md)", error.Message);
    }

    [Fact]
    public void The_policy_property_selects_the_JSON_Schema_policy()
    {
        string registry = EmbeddedRegistryWithOrderPlaced();
        // Removing a property from a closed content model breaks STRICT only.
        Write("contracts/order-placed.schema.json", RegisteredV1.Replace(",\n    \"total\": { \"type\": \"number\" }", ""));
        Assert.DoesNotContain("total", File.ReadAllText(Path.Combine(_project, "contracts/order-placed.schema.json")));

        var (strict, strictEngine) = NewTask(registry, "contracts/order-placed.schema.json");
        Assert.False(strict.Execute());
        Assert.Contains(strictEngine.Errors, e => e.Code == "EG1001" && e.Message!.Contains("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"));

        var (lenient, lenientEngine) = NewTask(registry, "contracts/order-placed.schema.json");
        lenient.Policy = "LENIENT";
        Assert.True(lenient.Execute(), lenientEngine.Transcript);
        Assert.Empty(lenientEngine.Errors);
    }

    [Theory]
    [InlineData(Misbehavior.Hang, "did not answer within 1 s")]
    [InlineData(Misbehavior.Reset, "the connection was reset")]
    [InlineData(Misbehavior.Garbage, "answered something that is not Schema Registry's REST API")]
    [InlineData(Misbehavior.Huge, "answered more than 16 MB")]
    public async System.Threading.Tasks.Task A_misbehaving_registry_is_EG1003_within_the_timeout_and_without_credentials(Misbehavior behavior, string expected)
    {
        using var server = new MisbehavingRegistry(behavior);
        Write("contracts/order-placed.schema.json", RegisteredV1);
        var (task, engine) = NewTask(server.Url, "contracts/order-placed.schema.json");
        task.ContinuousIntegration = "true";
        task.BasicAuth = "gate-user:Mis-Secret-Pw";
        task.RegistryTimeout = "1";
        task.RegistryRetries = "0";

        // A generous bound: far above one 1 s attempt, far below a hang.
        bool passed = await System.Threading.Tasks.Task.Run(task.Execute).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(passed);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1003", error.Code);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("Mis-Secret-Pw", engine.Transcript);
        Assert.Contains(server.Requests, r => r.Contains("Authorization: Basic ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_misbehaving_registry_with_a_bearer_token_never_shows_it()
    {
        using var server = new MisbehavingRegistry(Misbehavior.Garbage);
        Write("contracts/order-placed.schema.json", RegisteredV1);
        var (task, engine) = NewTask(server.Url, "contracts/order-placed.schema.json");
        task.BearerToken = "tok-mis-2b7e11";
        task.RegistryTimeout = "1";
        task.RegistryRetries = "0";
        Assert.True(await System.Threading.Tasks.Task.Run(task.Execute).WaitAsync(TimeSpan.FromSeconds(60)), engine.Transcript);
        Assert.Equal("EG1003", Assert.Single(engine.Warnings).Code);
        Assert.DoesNotContain("tok-mis-2b7e11", engine.Transcript);
        Assert.Contains(server.Requests, r => r.Contains("Authorization: Bearer ", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A local port nothing listens on: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
