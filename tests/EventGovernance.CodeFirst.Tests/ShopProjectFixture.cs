using System.IO;

namespace EventGovernance.CodeFirst.Tests;

/// <summary>
/// Builds the producer application in ShopProject (Confluent.Kafka and Confluent.SchemaRegistry.Serdes.Json /
/// .Avro 2.16.0) once per test run, then runs it: it sends one message of each type through Confluent's own
/// serializers against a recording registry client and writes each schema text the serializer registered into
/// <see cref="ExpectedDirectory"/>. The derivation tests compare against those files.
/// </summary>
public sealed class ShopProjectFixture : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    public ShopProjectFixture()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "eg-derive-" + Guid.NewGuid().ToString("N")[..12]);
        string project = Path.Combine(WorkDirectory, "Shop");
        Directory.CreateDirectory(project);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ShopProject")))
            File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
        // Empty feed: the application restores from the default sources only.
        string feed = Path.Combine(WorkDirectory, "feed");
        Directory.CreateDirectory(feed);
        LocalFeedProject.WriteIsolationFiles(project, feed);

        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        string output = Path.Combine(project, "out");
        ProcessResult build = ProcessRunner.Dotnet(project, environment, BuildTimeout,
            "build", "Shop.csproj", "-c", "Release", "-o", output, "-nologo", "-tl:off", "-p:UseSharedCompilation=false");
        if (build.ExitCode != 0) throw new InvalidOperationException("building the Shop application failed: " + build.Describe());
        AssemblyPath = Path.Combine(output, "Shop.dll");

        ExpectedDirectory = Path.Combine(WorkDirectory, "registered");
        ProcessResult run = ProcessRunner.Dotnet(project, environment, BuildTimeout, AssemblyPath, ExpectedDirectory);
        if (run.ExitCode != 0) throw new InvalidOperationException("recording what the serializers register failed: " + run.Describe());
    }

    public string WorkDirectory { get; }

    /// <summary>The built application, with its dependencies, deps.json and XML documentation file beside it.</summary>
    public string AssemblyPath { get; }

    /// <summary>One file per recorded type: <c>key.json</c> or <c>key.avsc</c>, holding the exact registered text.</summary>
    public string ExpectedDirectory { get; }

    public string Registered(string file) => File.ReadAllText(Path.Combine(ExpectedDirectory, file));

    /// <summary>A copy of the application assembly alone in a new folder: no dependencies, no deps.json, no XML docs.</summary>
    public string CopyAssemblyAlone(string folder)
    {
        string directory = Path.Combine(WorkDirectory, folder);
        Directory.CreateDirectory(directory);
        string copy = Path.Combine(directory, "Shop.dll");
        if (!File.Exists(copy)) File.Copy(AssemblyPath, copy);
        return copy;
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ShopProjectCollection : ICollectionFixture<ShopProjectFixture>
{
    public const string Name = "shop project";
}
