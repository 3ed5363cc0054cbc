using System.IO;
using System.Text.RegularExpressions;

namespace EventGovernance.Build.Tests;

/// <summary>
/// `dotnet build` and `dotnet publish` of projects laid out the way teams lay them out: a monorepo whose
/// contracts sit beside the services, and a web project whose SDK copies every JSON file it finds.
/// Each test creates and restores its own project beside the shared consumer project.
/// </summary>
[Collection(ConsumerProjectCollection.Name)]
public sealed class ProjectLayoutEndToEndTests
{
    private static readonly string OrderPlaced = Path.Combine("contracts", "orders", "order-placed.schema.json");

    private readonly ConsumerProjectFixture _fixture;

    public ProjectLayoutEndToEndTests(ConsumerProjectFixture fixture) => _fixture = fixture;

    private static void BreakOrderPlacedTotal(string contractsParent)
    {
        string path = Path.Combine(contractsParent, OrderPlaced);
        string text = File.ReadAllText(path);
        const string from = "\"total\": {\n          \"type\": \"number\",\n          \"minimum\": 0\n        },";
        Assert.True(text.Contains(from), $"{path} no longer contains the text this test edits");
        File.WriteAllText(path, text.Replace(from, "\"total\": { \"type\": \"string\" },"));
    }

    private static int LineOf(string path, string marker)
    {
        int index = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(marker));
        Assert.True(index >= 0, $"{path} has no line containing {marker}");
        return index + 1;
    }

    [Fact]
    public void Monorepo_contracts_root_beside_the_services_fails_a_breaking_change_at_the_contract_file()
    {
        // repo/contracts holds every team's contracts; repo/services/orders/Orders.csproj points at it.
        string repo = Path.Combine(_fixture.WorkDirectory, "mono");
        _fixture.CopyRepositoryContracts(Path.Combine(repo, "contracts"));
        string project = _fixture.CreateProject("mono", Path.Combine("services", "orders", "Orders.csproj"), "Microsoft.NET.Sdk", """
              <PropertyGroup>
                <EventGovernanceContractsRoot>../../contracts</EventGovernanceContractsRoot>
                <EventGovernanceRegistry Condition="'$(RegistryFollowsRoot)' != 'true'">../../contracts/registry</EventGovernanceRegistry>
              </PropertyGroup>
            """);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "Orders.cs"), "namespace Orders;\n\npublic static class OrderService\n{\n}\n");

        ProcessResult passing = _fixture.Run("build", project);
        Assert.True(passing.ExitCode == 0, "the repository's contracts must pass. " + passing.Describe());
        Assert.True(passing.Output.Contains("EventGovernance: checked", StringComparison.Ordinal), "the monorepo's contracts were not checked. " + passing.Describe());
        Assert.True(passing.Output.Contains("0 breaking, 0 invalid", StringComparison.Ordinal), passing.Describe());

        BreakOrderPlacedTotal(repo);
        string contract = Path.Combine(repo, OrderPlaced);
        int line = LineOf(contract, "\"total\"");
        foreach (string[] properties in new[] { Array.Empty<string>(), new[] { "RegistryFollowsRoot=true" } })
        {
            ProcessResult result = _fixture.Run("build", project, properties);
            Assert.True(result.ExitCode != 0, "the build should fail. " + result.Describe());
            // Outside the project the file is named by its full path, which editors and CI annotations can open.
            Assert.True(Regex.IsMatch(result.Output, Regex.Escape($"{contract}({line},") + @"\d+\): error EG1001: subject 'order-placed' breaks BACKWARD compatibility"),
                $"expected EG1001 at {contract}({line},...). " + result.Describe());
            Assert.DoesNotContain("../", result.Output.Split('\n').Where(l => l.Contains("EG1001")).FirstOrDefault() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Web_project_copies_no_contract_or_registry_file_to_bin_or_publish_unless_asked()
    {
        string project = _fixture.CreateProject("web", "Web.csproj", "Microsoft.NET.Sdk.Web", "");
        string directory = Path.GetDirectoryName(project)!;
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        // Configuration is content and must still be copied: it shows the SDK's JSON copying is at work.
        File.WriteAllText(Path.Combine(directory, "appsettings.json"), "{}\n");
        _fixture.CopyRepositoryContracts(Path.Combine(directory, "contracts"));

        string bin = Path.Combine(directory, "bin");
        string publish = Path.Combine(directory, "out");
        ProcessResult build = _fixture.Run("build", project);
        Assert.True(build.ExitCode == 0, "the web project should build. " + build.Describe());
        Assert.True(build.Output.Contains("EventGovernance: checked", StringComparison.Ordinal), "the web project's contracts were not checked. " + build.Describe());
        ProcessResult published = _fixture.Run("publish", project, "PublishDir=" + publish + Path.DirectorySeparatorChar);
        Assert.True(published.ExitCode == 0, "the web project should publish. " + published.Describe());

        foreach (string output in new[] { bin, publish })
        {
            string[] files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => Path.GetFileName(f) == "appsettings.json");
            string[] contracts = files.Where(f => f.Contains(Path.DirectorySeparatorChar + "contracts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToArray();
            Assert.True(contracts.Length == 0, $"contract files were copied to {output}:\n" + string.Join("\n", contracts));
        }

        // A team that wants its contracts served from the app says so.
        Directory.Delete(bin, recursive: true);
        ProcessResult optedIn = _fixture.Run("build", project, "EventGovernanceCopyContracts=true");
        Assert.True(optedIn.ExitCode == 0, optedIn.Describe());
        string[] copied = Directory.GetFiles(bin, "*.json", SearchOption.AllDirectories);
        Assert.Contains(copied, f => f.EndsWith(Path.Combine("contracts", "orders", "order-placed.schema.json"), StringComparison.Ordinal));
    }
}
