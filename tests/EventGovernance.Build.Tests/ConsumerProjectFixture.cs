using System.IO;

namespace EventGovernance.Build.Tests;

/// <summary>
/// Packs EventGovernance.Build once per test run into a local feed read through a package folder of its own
/// (so no NuGet cache can serve a stale copy), then creates and restores a small project that references it.
/// The tests vary the project's contracts between builds.
/// </summary>
public sealed class ConsumerProjectFixture : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    public ConsumerProjectFixture()
    {
        RepositoryRoot = RepositoryPaths.Root;
        WorkDirectory = Path.Combine(Path.GetTempPath(), "eg-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        string feed = FeedDirectory = Path.Combine(WorkDirectory, "feed");
        ProjectDirectory = Path.Combine(WorkDirectory, "Consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(ProjectDirectory);

        Environment = new Dictionary<string, string?>
        {
            // A private package folder: the run sees only the package it just packed, and leaves no trace.
            ["NUGET_PACKAGES"] = Path.Combine(WorkDirectory, "packages"),
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // The gate's defaults must not depend on where the tests run.
            ["CI"] = null,
            ["SCHEMA_REGISTRY_URL"] = null,
        };

        // The package gets the version the repository's versioning gives it (from git); the private package
        // folder above means no cache can hold an older package of the same version. Building this test project
        // restored the task's projects already; restoring again would only rewrite their assets files and force
        // a rebuild, so restore only when that fails.
        string[] pack = { "pack", Path.Combine("src", "EventGovernance.Build"), "-c", "Release", "-o", feed, "-nologo" };
        ProcessResult packed = ProcessRunner.Dotnet(RepositoryRoot, Environment, PackTimeout, pack.Append("--no-restore").ToArray());
        if (packed.ExitCode != 0) packed = ProcessRunner.Dotnet(RepositoryRoot, Environment, PackTimeout, pack);
        if (packed.ExitCode != 0) throw new InvalidOperationException("packing EventGovernance.Build failed: " + packed.Describe());
        PackagePath = FeedPackages.Single(feed, "EventGovernance.Build", packed);
        PackageVersion = FeedPackages.VersionOf(PackagePath, "EventGovernance.Build");

        WriteProject(feed);
        ProcessResult restore = ProcessRunner.Dotnet(ProjectDirectory, Environment, BuildTimeout, "restore", "Consumer.csproj", "-nologo");
        if (restore.ExitCode != 0) throw new InvalidOperationException("restoring the consumer project failed: " + restore.Describe());
        _eventgov = new Lazy<string>(InstallEventgov);
    }

    private readonly Lazy<string> _eventgov;

    /// <summary>
    /// The eventgov tool as a user installs it: EventGovernance.Cli packed into the feed under this run's
    /// version and installed with `dotnet tool install --tool-path`. Installed on first use only, since
    /// most tests never run it.
    /// </summary>
    public string Eventgov => _eventgov.Value;

    public string RepositoryRoot { get; }
    public string WorkDirectory { get; }
    public string ProjectDirectory { get; }
    public string PackageVersion { get; }
    public string FeedDirectory { get; }
    public string PackagePath { get; }
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public string ContractsDirectory => Path.Combine(ProjectDirectory, "contracts");

    /// <summary>Builds without restoring (the fixture restored once), with normal verbosity so skipped targets show.</summary>
    public ProcessResult Build(params string[] properties)
    {
        var args = new List<string> { "build", "Consumer.csproj", "--no-restore", "-v:n", "-tl:off", "-nologo", "-p:UseSharedCompilation=false" };
        args.AddRange(properties.Select(p => "-p:" + p));
        return ProcessRunner.Dotnet(ProjectDirectory, Environment, BuildTimeout, args.ToArray());
    }

    /// <summary>Runs a dotnet command (a target, say) on the consumer project without restoring.</summary>
    public ProcessResult Dotnet(params string[] args) => ProcessRunner.Dotnet(ProjectDirectory, Environment, BuildTimeout, args);

    /// <summary>Runs the installed eventgov in the project directory, as a user would.</summary>
    public ProcessResult RunEventgov(params string[] args) => ProcessRunner.Run(Eventgov, args, ProjectDirectory, BuildTimeout, Environment);

    /// <summary>Adds project XML (items with metadata, properties) through Directory.Build.targets; <see cref="ResetContracts"/> removes it.</summary>
    public void SetProjectExtras(string xml) =>
        File.WriteAllText(Path.Combine(ProjectDirectory, "Directory.Build.targets"), $"<Project>\n{xml}\n</Project>\n");

    /// <summary>Replaces the project's contracts with the repository's own contracts and registry, and drops any project extras.</summary>
    public void ResetContracts()
    {
        File.WriteAllText(Path.Combine(ProjectDirectory, "Directory.Build.targets"), "<Project />\n");
        CopyRepositoryContracts(ContractsDirectory);
    }

    /// <summary>Replaces <paramref name="directory"/> with a copy of the repository's own contracts and registry.</summary>
    public void CopyRepositoryContracts(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        string source = Path.Combine(RepositoryRoot, "contracts");
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// Lays out another consumer project under the work directory: <paramref name="root"/> (relative to the work
    /// directory) gets the isolation files, the project goes to <paramref name="projectPath"/> inside it with
    /// the given SDK and extra project XML, and is restored against the packed package.
    /// </summary>
    public string CreateProject(string root, string projectPath, string sdk, string projectXml)
    {
        string rootDirectory = Path.Combine(WorkDirectory, root);
        string projectFile = Path.Combine(rootDirectory, projectPath);
        Directory.CreateDirectory(Path.GetDirectoryName(projectFile)!);
        LocalFeedProject.WriteIsolationFiles(rootDirectory, FeedDirectory);
        File.WriteAllText(projectFile, $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EventGovernance.Build" Version="{PackageVersion}" />
              </ItemGroup>
            {projectXml}
            </Project>
            """);
        ProcessResult restore = ProcessRunner.Dotnet(Path.GetDirectoryName(projectFile)!, Environment, BuildTimeout, "restore", projectFile, "-nologo");
        if (restore.ExitCode != 0) throw new InvalidOperationException($"restoring {projectPath} failed: " + restore.Describe());
        return projectFile;
    }

    /// <summary>Runs a dotnet command (build, publish) on a project without restoring, with normal verbosity.</summary>
    public ProcessResult Run(string command, string projectFile, params string[] properties)
    {
        var args = new List<string> { command, projectFile, "--no-restore", "-v:n", "-tl:off", "-nologo", "-p:UseSharedCompilation=false" };
        args.AddRange(properties.Select(p => "-p:" + p));
        return ProcessRunner.Dotnet(Path.GetDirectoryName(projectFile)!, Environment, BuildTimeout, args.ToArray());
    }

    private void WriteProject(string feed)
    {
        LocalFeedProject.WriteIsolationFiles(ProjectDirectory, feed);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EventGovernance.Build" Version="{PackageVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "OrderService.cs"), "namespace Consumer;\n\npublic static class OrderService\n{\n}\n");
        ResetContracts();
    }

    private string InstallEventgov()
    {
        // No version property on the command line: it would switch the git versioning off and rebuild the CLI's
        // shared output as another version while other test projects use it. The CLI gets the same version from
        // git as the build package packed above.
        string[] pack = { "pack", Path.Combine("src", "EventGovernance.Cli"), "-c", "Release", "-o", FeedDirectory, "-nologo" };
        ProcessResult packed = ProcessRunner.Dotnet(RepositoryRoot, Environment, PackTimeout, pack.Append("--no-restore").ToArray());
        if (packed.ExitCode != 0) packed = ProcessRunner.Dotnet(RepositoryRoot, Environment, PackTimeout, pack);
        if (packed.ExitCode != 0) throw new InvalidOperationException("packing EventGovernance.Cli failed: " + packed.Describe());
        string cliVersion = FeedPackages.VersionOf(FeedPackages.Single(FeedDirectory, "EventGovernance.Cli", packed), "EventGovernance.Cli");

        string tools = Path.Combine(WorkDirectory, "tools");
        ProcessResult installed = ProcessRunner.Dotnet(ProjectDirectory, Environment, PackTimeout,
            "tool", "install", "EventGovernance.Cli", "--tool-path", tools, "--version", cliVersion, "--add-source", FeedDirectory);
        if (installed.ExitCode != 0) throw new InvalidOperationException("installing the eventgov tool failed: " + installed.Describe());
        string executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "eventgov.exe" : "eventgov");
        if (!File.Exists(executable)) throw new InvalidOperationException($"the eventgov tool was installed but {executable} is missing: " + installed.Describe());
        return executable;
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsumerProjectCollection : ICollectionFixture<ConsumerProjectFixture>
{
    public const string Name = "consumer project";
}
