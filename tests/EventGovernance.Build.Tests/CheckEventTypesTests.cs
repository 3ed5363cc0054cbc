using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

/// <summary>The EventType task without MSBuild: what it refuses before and around running the deriver.</summary>
public sealed class CheckEventTypesTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "eg-types-" + Guid.NewGuid().ToString("N"));

    public CheckEventTypesTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "contracts", "registry"));
        File.WriteAllText(Path.Combine(_project, "Orders.dll"), "not run: the deriver never starts in these tests");
    }

    public void Dispose()
    {
        try { Directory.Delete(_project, recursive: true); } catch (IOException) { }
    }

    private (CheckEventTypes Task, RecordingBuildEngine Engine) NewTask(params TaskItem[] types)
    {
        var engine = new RecordingBuildEngine();
        var task = new CheckEventTypes
        {
            BuildEngine = engine,
            EventTypes = types,
            AssemblyPath = Path.Combine(_project, "Orders.dll"),
            // A dotnet that does not exist: a test that reaches the deriver fails with EG1000 instead of deriving.
            DotnetHost = Path.Combine(_project, "no-such-dotnet"),
            DeriverPath = Path.Combine(_project, "EventGovernance.CodeFirst.Host.dll"),
            WorkDirectory = Path.Combine(_project, "obj", "types"),
            ProjectDirectory = _project,
            ProjectFile = Path.Combine(_project, "Orders.csproj"),
            Registry = Path.Combine(_project, "contracts", "registry"),
        };
        return (task, engine);
    }

    private static TaskItem Type(string name, string subject = "", string schemaType = "", string compatibility = "")
    {
        var item = new TaskItem(name);
        if (subject.Length > 0) item.SetMetadata("Subject", subject);
        if (schemaType.Length > 0) item.SetMetadata("SchemaType", schemaType);
        if (compatibility.Length > 0) item.SetMetadata("Compatibility", compatibility);
        return item;
    }

    [Fact]
    public void Items_with_bad_metadata_are_EG1004_each_and_nothing_is_derived()
    {
        var (task, engine) = NewTask(
            Type("Shop.Orders.OrderPlaced"),
            Type("Shop.Orders.OrderShipped", "orders-value", schemaType: "PROTOBUF"),
            Type("Shop.Orders.OrderPaid", "paid-value", compatibility: "MOSTLY"),
            Type("Shop.Orders.OrderA", "dup-value"),
            Type("Shop.Orders.OrderB", "dup-value"));

        Assert.False(task.Execute());

        Assert.All(engine.Errors, e => Assert.Equal("EG1004", e.Code));
        Assert.Equal(4, engine.Errors.Count);
        Assert.Contains(engine.Errors, e => e.Message!.StartsWith("EventType 'Shop.Orders.OrderPlaced' has no Subject metadata", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, e => e.Message!.StartsWith("EventType 'Shop.Orders.OrderShipped' SchemaType metadata 'PROTOBUF' cannot be derived", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, e => e.Message!.StartsWith("EventType 'Shop.Orders.OrderPaid' Compatibility metadata 'MOSTLY' is not a compatibility level", StringComparison.Ordinal));
        Assert.Contains(engine.Errors, e => e.Message!.StartsWith("EventType 'Shop.Orders.OrderB' uses subject 'dup-value' as EventType 'Shop.Orders.OrderA' does", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_project, "obj", "types")), "nothing may be derived when an item is bad");
    }

    [Fact]
    public void A_deriver_that_cannot_start_is_one_EG1000_line()
    {
        var (task, engine) = NewTask(Type("Shop.Orders.OrderPlaced", "orders-value"));

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(engine.Errors);
        Assert.Equal("EG1000", error.Code);
        Assert.StartsWith("cannot start '" + Path.Combine(_project, "no-such-dotnet") + "' to derive the event types' schemas", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }
}
