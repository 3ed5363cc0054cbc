using System.IO;
using System.Text.RegularExpressions;

namespace EventGovernance.Build.Tests;

/// <summary>
/// The packed package and the packed eventgov tool on one consumer project whose EventContract items carry
/// metadata: `dotnet build`, `eventgov check` and `dotnet build -t:EventGovernanceRegister` must reach the
/// same verdict, because they read the same items and properties.
/// </summary>
[Collection(ConsumerProjectCollection.Name)]
public sealed class ProjectSettingsEndToEndTests
{
    private static readonly string OrderShipped = Path.Combine("contracts", "orders", "order-shipped.schema.json");

    // Keeps order-shipped's registered history under a subject of its own, so Subject metadata decides what is checked.
    private const string Subject = "shipments-value";

    private readonly ConsumerProjectFixture _project;

    public ProjectSettingsEndToEndTests(ConsumerProjectFixture project)
    {
        _project = project;
        _project.ResetContracts();
    }

    private string RegistryVersion(string subject, int version) =>
        Path.Combine(_project.ContractsDirectory, "registry", "subjects", subject, "versions", $"{version}.json");

    /// <summary>An optional property in a closed payload: compatible under BACKWARD, breaking under FORWARD.</summary>
    private void AddOptionalProperty()
    {
        string path = Path.Combine(_project.ProjectDirectory, OrderShipped);
        string text = File.ReadAllText(path);
        const string from = "\"tracking_number\": {";
        Assert.True(text.Contains(from), $"{OrderShipped} no longer contains the text this test edits: {from}");
        File.WriteAllText(path, text.Replace(from, "\"estimated_delivery\": { \"type\": \"string\" },\n        " + from));
    }

    private void RegisterOrderShippedAs(string subject)
    {
        string source = Path.Combine(_project.ContractsDirectory, "registry", "subjects", "order-shipped");
        string target = Path.Combine(_project.ContractsDirectory, "registry", "subjects", subject);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private void SetMetadata(string metadata) =>
        _project.SetProjectExtras($"  <ItemGroup>\n    <EventContract Update=\"{OrderShipped.Replace('\\', '/')}\" {metadata} />\n  </ItemGroup>");

    /// <summary>The distinct file(line,column) of every EG1001 error naming the subject and level (without MSBuild's "1>" node prefix).</summary>
    private static string[] Eg1001Locations(string output, string subject, string level) =>
        output.Split('\n')
            .Where(l => l.Contains("error EG1001", StringComparison.Ordinal) && l.Contains(subject, StringComparison.Ordinal) && l.Contains(level, StringComparison.Ordinal))
            .Select(l => Regex.Match(l, @"([^\s>]+\(\d+,\d+\)): error EG1001").Groups[1].Value)
            .Where(l => l.Length > 0)
            .Distinct()
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Build_and_eventgov_check_agree_on_a_project_with_subject_and_compatibility_metadata()
    {
        RegisterOrderShippedAs(Subject);
        SetMetadata($"Subject=\"{Subject}\" Compatibility=\"FULL_TRANSITIVE\"");
        AddOptionalProperty();

        ProcessResult build = _project.Build();
        ProcessResult check = _project.RunEventgov("check");

        Assert.True(build.ExitCode != 0, "the build should fail. " + build.Describe());
        Assert.True(check.ExitCode == 1, "eventgov check should find the breaking change. " + check.Describe());
        string[] buildErrors = Eg1001Locations(build.Output, $"'{Subject}'", "FULL_TRANSITIVE");
        string[] checkErrors = Eg1001Locations(check.Output, Subject, "FULL_TRANSITIVE");
        Assert.True(buildErrors.Length > 0, "the build should report EG1001 for the subject at FULL_TRANSITIVE. " + build.Describe());
        Assert.Equal(buildErrors, checkErrors);
        Assert.StartsWith(OrderShipped + "(", buildErrors[0]);
    }

    [Fact]
    public void Register_target_registers_a_compatible_change_and_refuses_a_breaking_one()
    {
        AddOptionalProperty();

        ProcessResult registered = _project.Dotnet("build", "Consumer.csproj", "--no-restore", "-t:EventGovernanceRegister", "-v:n", "-tl:off", "-nologo");

        Assert.True(registered.ExitCode == 0, "registering a compatible change should succeed. " + registered.Describe());
        Assert.True(File.Exists(RegistryVersion("order-shipped", 2)), "version 2 of order-shipped should be registered. " + registered.Describe());
        Assert.Contains("registered subject 'order-shipped' version 2", registered.Output);

        // The same change breaks FULL: the target reports the check's error and registers nothing more.
        string path = Path.Combine(_project.ProjectDirectory, OrderShipped);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"estimated_delivery\": { \"type\": \"string\" },", "\"estimated_delivery\": { \"type\": \"string\" },\n        \"signed_by\": { \"type\": \"string\" },"));
        SetMetadata("Compatibility=\"FULL\"");
        ProcessResult refused = _project.Dotnet("build", "Consumer.csproj", "--no-restore", "-t:EventGovernanceRegister", "-v:n", "-tl:off", "-nologo");

        Assert.True(refused.ExitCode != 0, "registering a breaking change should fail. " + refused.Describe());
        Assert.Matches(Regex.Escape(OrderShipped) + @"\(\d+,\d+\): error EG1001: subject 'order-shipped' breaks FULL compatibility", refused.Output);
        Assert.Contains("nothing registered", refused.Output);
        Assert.False(File.Exists(RegistryVersion("order-shipped", 3)), "nothing should be registered after a breaking change. " + refused.Describe());
    }
}
