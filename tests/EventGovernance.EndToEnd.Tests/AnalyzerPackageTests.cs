using System.IO.Compression;
using System.Text.RegularExpressions;

namespace EventGovernance.EndToEnd.Tests;

/// <summary>
/// Packs the analyzer, installs it from a local folder feed into a fresh project that uses the real
/// Kafka and RabbitMQ clients, builds that project, and checks the warnings the build prints.
/// </summary>
public sealed class AnalyzerPackageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "eventgov-e2e-" + Guid.NewGuid().ToString("N"));

    // A version no earlier run used, so the NuGet cache can never hand back a stale package.
    private readonly string _version = "0.0.0-e2e." + DateTime.UtcNow.Ticks;

    public void Dispose()
    {
        TryDelete(_workDirectory);
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(cache, "eventgovernance.analyzers", _version));
    }

    [Fact]
    public async Task BuildReportsEveryRuleAtTheExpectedLines()
    {
        string feed = Path.Combine(_workDirectory, "feed");
        string app = Path.Combine(_workDirectory, "app");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(app);

        string package = Pack(feed);
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("analyzers/dotnet/cs/EventGovernance.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/EventGovernance.Analyzers.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            // The readme shown on the package's page.
            Assert.Contains("README.md", entries);

            // Every rule the packed analyzer declares must be exercised by the consumer project below.
            string[] ruleIds = PackedRuleIds.Read(archive.GetEntry("analyzers/dotnet/cs/EventGovernance.Analyzers.dll")!);
            string[] expectedIds = ConsumerProject.ExpectedDiagnostics(app).Select(e => e.Id).Distinct().ToArray();
            Assert.NotEmpty(ruleIds);
            Assert.All(ruleIds, id => Assert.True(expectedIds.Contains(id), $"{id} is in the package but the consumer project expects it nowhere"));
        }

        ConsumerProject.WriteTo(app, feed, _version);
        ProcessResult build = ProcessRunner.Run(
            "dotnet",
            new[] { "build", "-c", "Release", "-nologo", "--disable-build-servers", "-p:TreatWarningsAsErrors=false" },
            app,
            Timeout);
        Assert.True(build.ExitCode == 0, "The consumer project did not build:" + Environment.NewLine + build.Describe());

        string[] errors = build.Output.Split('\n').Where(l => Regex.IsMatch(l, @": error [A-Z]+\d+")).ToArray();
        Assert.True(errors.Length == 0, "Unexpected errors:" + Environment.NewLine + build.Describe());

        var actual = ParseWarnings(build.Output).Where(w => w.Id.StartsWith("EG", StringComparison.Ordinal)).ToHashSet();
        var expected = ConsumerProject.ExpectedDiagnostics(app).ToHashSet();
        Assert.True(
            expected.SetEquals(actual),
            $"Expected:{Environment.NewLine}{Format(expected)}{Environment.NewLine}Actual:{Environment.NewLine}{Format(actual)}{Environment.NewLine}{build.Describe()}");

        var otherWarnings = ParseWarnings(build.Output).Where(w => !w.Id.StartsWith("EG", StringComparison.Ordinal)).ToList();
        Assert.True(otherWarnings.Count == 0, "The consumer project must otherwise build cleanly:" + Environment.NewLine + build.Describe());
    }

    private string Pack(string feed)
    {
        string root = RepositoryPaths.Root;
        string project = Path.Combine(root, "analyzers", "EventGovernance.Analyzers", "EventGovernance.Analyzers.csproj");
        ProcessResult pack = ProcessRunner.Run(
            "dotnet",
            new[]
            {
                "pack", project, "-c", "Release", "-o", feed, "-nologo", "--disable-build-servers",
                "-p:Version=" + _version,
                // Build into the work directory so the repository's own bin/obj are left alone.
                "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + Path.Combine(_workDirectory, "artifacts") + Path.DirectorySeparatorChar,
            },
            root,
            Timeout);
        string package = Path.Combine(feed, $"EventGovernance.Analyzers.{_version}.nupkg");
        Assert.True(pack.ExitCode == 0 && File.Exists(package), $"Packing did not produce {package}:{Environment.NewLine}{pack.Describe()}");
        return package;
    }

    /// <summary>Warnings as MSBuild prints them, relative to the project directory, without the summary's repeats.</summary>
    private static IEnumerable<ConsumerProject.Expected> ParseWarnings(string output)
    {
        var pattern = new Regex(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): warning (?<id>[A-Z]+\d+):", RegexOptions.Multiline);
        return pattern.Matches(output)
            .Select(m => new ConsumerProject.Expected(Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["id"].Value))
            .Distinct();
    }

    private static string Format(IEnumerable<ConsumerProject.Expected> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.OrderBy(d => d.File).ThenBy(d => d.Line).Select(d => $"  {d.File}({d.Line}): {d.Id}"));

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
