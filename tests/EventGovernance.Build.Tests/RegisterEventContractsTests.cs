using System.IO;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>The registration task run in-process against a real embedded registry, without MSBuild.</summary>
public sealed class RegisterEventContractsTests : IDisposable
{
    private const string RegisteredV1 = """
        {"type":"object","additionalProperties":false,"properties":{"order_id":{"type":"string"}},"required":["order_id"]}
        """;

    // Adds an optional property to a closed object: BACKWARD passes, FORWARD (and so FULL) breaks.
    private const string WithNote = """
        {"type":"object","additionalProperties":false,"properties":{"order_id":{"type":"string"},"note":{"type":"string"}},"required":["order_id"]}
        """;

    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-register-" + Guid.NewGuid().ToString("N"));

    public RegisterEventContractsTests()
    {
        Directory.CreateDirectory(_project);
        Write("contracts/registry/config.json", """{"compatibilityLevel":"BACKWARD"}""");
        Write("contracts/registry/subjects/orders-value/versions/1.json", RegisteredV1);
    }

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_project, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string VersionFile(string subject, int version) =>
        Path.Combine(_project, "contracts", "registry", "subjects", subject, "versions", $"{version}.json");

    private (RegisterEventContracts Task, RecordingBuildEngine Engine) NewTask(string? compatibility = null)
    {
        var item = new TaskItem("contracts/order-placed.schema.json");
        item.SetMetadata("Subject", "orders-value");
        if (compatibility != null) item.SetMetadata("Compatibility", compatibility);
        var engine = new RecordingBuildEngine();
        var task = new RegisterEventContracts
        {
            BuildEngine = engine,
            Contracts = new[] { item },
            ProjectDirectory = _project,
            ContractsRoot = Path.Combine(_project, "contracts"),
            Registry = Path.Combine(_project, "contracts", "registry"),
        };
        return (task, engine);
    }

    [Fact]
    public void A_project_with_only_event_types_is_told_the_producer_registers_them_at_first_send()
    {
        var (task, engine) = NewTask();
        task.Contracts = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        task.HasEventTypes = true;

        Assert.True(task.Execute(), engine.Transcript);

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var line = Assert.Single(engine.Messages, m => m.Message!.StartsWith("EventGovernance:", StringComparison.Ordinal));
        Assert.Contains("registered by the producer at its first send", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no event contracts found", engine.Transcript, StringComparison.Ordinal);
        Assert.False(File.Exists(VersionFile("orders-value", 2)));
    }

    [Fact]
    public void A_compatible_change_is_registered_under_the_items_subject()
    {
        Write("contracts/order-placed.schema.json", WithNote);
        var (task, engine) = NewTask();

        Assert.True(task.Execute(), engine.Transcript);

        Assert.Empty(engine.Errors);
        Assert.Equal(WithNote, File.ReadAllText(VersionFile("orders-value", 2)));
        Assert.Contains(engine.Messages, m => m.Message == $"{Path.Combine("contracts", "order-placed.schema.json")}: registered subject 'orders-value' version 2 in {Path.Combine("contracts", "registry")}.");
    }

    [Fact]
    public void A_change_breaking_the_items_level_is_refused_with_the_checks_errors()
    {
        Write("contracts/order-placed.schema.json", WithNote);
        var (register, registerEngine) = NewTask("FULL");
        var checkEngine = new RecordingBuildEngine();
        var check = new CheckEventContracts
        {
            BuildEngine = checkEngine,
            Contracts = register.Contracts,
            ProjectDirectory = register.ProjectDirectory,
            ContractsRoot = register.ContractsRoot,
            Registry = register.Registry,
        };

        Assert.False(register.Execute());
        Assert.False(check.Execute());

        Assert.False(File.Exists(VersionFile("orders-value", 2)));
        var checkErrors = checkEngine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message));
        Assert.Equal(checkErrors, registerEngine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message)));
        Assert.Contains(registerEngine.Errors, e => e.Code == "EG1001" && e.Message!.Contains("breaks FULL compatibility"));
        Assert.Contains(registerEngine.Messages, m => m.Message!.StartsWith("EventGovernance: nothing registered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("soon", null, null, "EventGovernanceRegistryTimeout is 'soon'; expected a positive number of seconds")]
    [InlineData(null, "many", null, "EventGovernanceRegistryRetries is 'many'; expected a whole number from 0 to 10")]
    [InlineData(null, null, "loose", "EventGovernancePolicy is 'loose'; expected strict or lenient")]
    public void Bad_tuning_properties_are_eg1004_and_nothing_is_registered(string? timeout, string? retries, string? policy, string message)
    {
        Write("contracts/order-placed.schema.json", WithNote);
        var (task, engine) = NewTask();
        task.RegistryTimeout = timeout;
        task.RegistryRetries = retries;
        task.Policy = policy;

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("EG1004", error.Code);
        Assert.StartsWith(message + "; correct the value", error.Message);
        Assert.EndsWith("docs/errors/EG1004.md)", error.Message);
        Assert.False(File.Exists(VersionFile("orders-value", 2)));
    }

    [Fact]
    public void An_unreachable_registry_fails_registration_even_where_the_check_would_only_warn()
    {
        Write("contracts/order-placed.schema.json", WithNote);
        var (task, engine) = NewTask();
        task.Registry = "http://127.0.0.1:9"; // discard port: nothing listens
        task.RegistryUnavailable = "Warning";
        task.RegistryRetries = "0";
        task.RegistryTimeout = "5";

        Assert.False(task.Execute());

        Assert.Equal("EG1003", Assert.Single(engine.Errors).Code);
    }
}
