using System.IO;
using System.Text;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>
/// The check and register tasks with basic-auth and bearer credentials against registries that fail in every way
/// we know: the credential (password, token, and the base64 of a Basic header) is in no logged line and in no file
/// the task wrote.
/// </summary>
public sealed class TaskCredentialLeakTests : IDisposable
{
    private const string User = "task-leak-user";
    private const string Password = "Task-Leak-Pa55-1d2";
    private const string Token = "task-leak-tok-77ab";

    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-leak-" + Guid.NewGuid().ToString("N"));

    public TaskCredentialLeakTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "contracts"));
        File.WriteAllText(Path.Combine(_project, "contracts", "orders.schema.json"), """{"type":"object","properties":{"id":{"type":"string"}}}""");
    }

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    public static TheoryData<Misbehavior, bool, bool> Cases()
    {
        var data = new TheoryData<Misbehavior, bool, bool>();
        foreach (Misbehavior behavior in new[] { Misbehavior.Hang, Misbehavior.Reset, Misbehavior.Garbage, Misbehavior.EchoAuthorization, Misbehavior.TooManyRequests })
            foreach (bool bearer in new[] { false, true })
                foreach (bool register in new[] { false, true })
                    data.Add(behavior, bearer, register);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async System.Threading.Tasks.Task The_task_never_shows_the_credential(Misbehavior behavior, bool bearer, bool register)
    {
        using var server = new MisbehavingRegistry(behavior);
        var engine = new RecordingBuildEngine();
        CheckEventContracts task = register ? new RegisterEventContracts() : new CheckEventContracts();
        task.BuildEngine = engine;
        task.Contracts = new[] { new TaskItem("contracts/orders.schema.json") };
        task.ProjectDirectory = _project;
        task.ContractsRoot = Path.Combine(_project, "contracts");
        task.Registry = server.Url;
        task.ContinuousIntegration = "true";
        task.RegistryTimeout = "1";
        task.RegistryRetries = "1";
        if (bearer) task.BearerToken = Token;
        else task.BasicAuth = User + ":" + Password;

        // A generous bound: far above two 1 s attempts, far below a hang.
        bool passed = await System.Threading.Tasks.Task.Run(task.Execute).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.False(passed);
        Assert.Equal("EG1003", Assert.Single(engine.Errors).Code);
        string[] secrets = { Password, Token, Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)) };
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, engine.Transcript);
            foreach (string file in Directory.GetFiles(_project, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(secret, File.ReadAllText(file));
        }
        Assert.Contains(server.Requests, r => r.Contains(bearer ? "Authorization: Bearer " : "Authorization: Basic ", StringComparison.OrdinalIgnoreCase));
    }
}
