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
