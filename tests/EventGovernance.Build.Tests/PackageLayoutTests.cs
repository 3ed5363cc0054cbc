using System.IO;
using System.IO.Compression;
using System.Xml.Linq;

namespace EventGovernance.Build.Tests;

/// <summary>What the packed EventGovernance.Build package holds, and what it asks of consumers (nothing).</summary>
[Collection(ConsumerProjectCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly ConsumerProjectFixture _project;

    public PackageLayoutTests(ConsumerProjectFixture project) => _project = project;

    private List<string> Entries()
    {
        using ZipArchive zip = ZipFile.OpenRead(_project.PackagePath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    [Fact]
    public void Ships_the_task_with_every_dependency_beside_it_and_no_lib_assets()
    {
        List<string> entries = Entries();
        string all = string.Join("\n", entries);
        foreach (string dll in new[]
        {
            "EventGovernance.Build.dll", "EventGovernance.Registry.dll", "EventGovernance.Compatibility.dll",
            "Newtonsoft.Json.dll", "protobuf-net.Core.dll", "protobuf-net.Reflection.dll", "Confluent.SchemaRegistry.dll",
        })
        {
            Assert.True(entries.Contains("tasks/netstandard2.0/" + dll), $"tasks/netstandard2.0/{dll} missing from the package:\n{all}");
        }
        foreach (string file in new[] { "build/EventGovernance.Build.props", "build/EventGovernance.Build.targets",
                     "buildTransitive/EventGovernance.Build.props", "buildTransitive/EventGovernance.Build.targets" })
        {
            Assert.True(entries.Contains(file), $"{file} missing from the package:\n{all}");
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        // MSBuild provides its own assemblies; a shipped copy would shadow them.
        Assert.DoesNotContain(entries, e => e.Contains("/Microsoft.Build", StringComparison.Ordinal));
        // The registry client never loads librdkafka; its native libraries have no place in the package.
        Assert.DoesNotContain(entries, e => e.Contains("librdkafka", StringComparison.OrdinalIgnoreCase) || e.Contains("runtimes/", StringComparison.Ordinal));
    }

    [Fact]
    public void Ships_the_deriver_for_event_types_as_a_net10_program_of_its_own()
    {
        List<string> entries = Entries();
        string all = string.Join("\n", entries);
        // Run with `dotnet exec` after the build, never loaded into MSBuild: it needs its runtime and dependency files.
        foreach (string file in new[]
        {
            "EventGovernance.CodeFirst.Host.dll", "EventGovernance.CodeFirst.Host.runtimeconfig.json", "EventGovernance.CodeFirst.Host.deps.json",
            "EventGovernance.CodeFirst.dll", "NJsonSchema.dll", "NJsonSchema.NewtonsoftJson.dll", "Namotion.Reflection.dll", "Newtonsoft.Json.dll",
        })
        {
            Assert.True(entries.Contains("tasks/net10.0/" + file), $"tasks/net10.0/{file} missing from the package:\n{all}");
        }
        // The task itself never references the deriver's assemblies.
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/netstandard2.0/", StringComparison.Ordinal) && (e.Contains("NJsonSchema", StringComparison.Ordinal) || e.Contains("CodeFirst", StringComparison.Ordinal)));
    }

    [Fact]
    public void Carries_a_readme_of_its_own()
    {
        using ZipArchive zip = ZipFile.OpenRead(_project.PackagePath);
        XElement metadata = Metadata(zip);
        Assert.Equal("README.md", metadata.Element(metadata.Name.Namespace + "readme")?.Value);
        ZipArchiveEntry? readme = zip.GetEntry("README.md");
        Assert.True(readme != null, "README.md missing from the package:\n" + string.Join("\n", zip.Entries.Select(e => e.FullName)));
        using var reader = new StreamReader(readme!.Open());
        string text = reader.ReadToEnd();
        Assert.StartsWith("# EventGovernance.Build", text, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"EventGovernance.Build\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_versioned_from_git_not_a_fixed_number()
    {
        using ZipArchive zip = ZipFile.OpenRead(_project.PackagePath);
        string packed = Metadata(zip).Element(Metadata(zip).Name.Namespace + "version")!.Value;
        Assert.Equal(_project.PackageVersion, packed);
        Assert.NotEqual("0.1.0", packed);

        // The version the repository's versioning computes for the current commit is the one that was packed.
        ProcessResult computed = ProcessRunner.Dotnet(_project.RepositoryRoot, _project.Environment, TimeSpan.FromMinutes(2),
            "msbuild", Path.Combine("src", "EventGovernance.Build", "EventGovernance.Build.csproj"), "-t:MinVer", "-getProperty:PackageVersion", "-p:Configuration=Release", "-nologo");
        Assert.True(computed.ExitCode == 0, computed.Describe());
        Assert.Equal(packed, computed.Output.Trim());
    }

    private static XElement Metadata(ZipArchive zip)
    {
        ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspecEntry.Open();
        XDocument nuspec = XDocument.Load(stream);
        return nuspec.Root!.Element(nuspec.Root.Name.Namespace + "metadata")!;
    }

    [Fact]
    public void Is_a_development_dependency_that_adds_no_package_dependencies()
    {
        using ZipArchive zip = ZipFile.OpenRead(_project.PackagePath);
        ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspecEntry.Open();
        XDocument nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }
}
