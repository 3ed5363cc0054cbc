using System.IO;
using System.Text.RegularExpressions;

namespace EventGovernance.Build.Tests;

/// <summary>
/// The build gate for C# types, from the packed package: a producer project with an <c>EventType</c> item, built
/// as a developer edits its event class. One project and few builds: each build derives the schema out of process.
/// </summary>
[Collection(ConsumerProjectCollection.Name)]
public sealed class EventTypeGateEndToEndTests
{
    private const string Subject = "orders-value";
    private const string OriginalType = """
        namespace Shop.Orders;

        /// <summary>Placed when a customer checks out.</summary>
        public class OrderPlaced
        {
            public string OrderId { get; set; } = "";

            public decimal Total { get; set; }

            public int Quantity { get; set; }
        }
        """;

    private readonly ConsumerProjectFixture _fixture;

    public EventTypeGateEndToEndTests(ConsumerProjectFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Edits_to_an_event_class_are_checked_against_the_registered_schema_at_the_csharp_declarations()
    {
        string projectFile = _fixture.CreateProject("code-first", Path.Combine("Orders", "Orders.csproj"), "Microsoft.NET.Sdk", $"""
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS1591;NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Confluent.Kafka" Version="2.16.0" />
                <PackageReference Include="Confluent.SchemaRegistry.Serdes.Json" Version="2.16.0" />
                <EventType Include="Shop.Orders.OrderPlaced" Subject="{Subject}" />
              </ItemGroup>
            """);
        string project = Path.GetDirectoryName(projectFile)!;
        string source = Path.Combine(project, "OrderPlaced.cs");
        File.WriteAllText(source, OriginalType);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"orders\");\n");

        // Not registered yet: passes and says the producer registers version 1.
        ProcessResult first = _fixture.Run("build", projectFile);
        AssertSucceeded(first);
        AssertContains(first, $"Shop.Orders.OrderPlaced: subject '{Subject}' is new");
        AssertContains(first, "the producer will register version 1 at its first send");
        AssertContains(first, "derived with the application's NJsonSchema.NewtonsoftJson");
        AssertContains(first, "EventGovernance: checked 1 event type(s)");

        // What the producer registered at its first send: the derived text, in the embedded registry.
        string derived = Directory.GetFiles(Path.Combine(project, "obj"), "*Shop.Orders.OrderPlaced.schema.json", SearchOption.AllDirectories).Single();
        Assert.Contains("Placed when a customer checks out.", File.ReadAllText(derived), StringComparison.Ordinal);
        string versions = Path.Combine(project, "contracts", "registry", "subjects", Subject, "versions");
        Directory.CreateDirectory(versions);
        File.Copy(derived, Path.Combine(versions, "1.json"));

        ProcessResult registered = _fixture.Run("build", projectFile);
        AssertSucceeded(registered);
        AssertContains(registered, $"Shop.Orders.OrderPlaced: exact match with version 1 of subject '{Subject}': the producer reuses the registered version");

        // Incremental: neither the assembly nor the registry changed.
        ProcessResult again = _fixture.Run("build", projectFile);
        AssertSucceeded(again);
        AssertContains(again, "Skipping target \"_EventGovernanceCheckTypesEmbedded\" because all output files are up-to-date");
        Assert.DoesNotContain("EventGovernance: checked 1 event type(s)", again.Output, StringComparison.Ordinal);

        // An optional property: compatible, the producer registers version 2.
        File.WriteAllText(source, OriginalType.Replace("    public int Quantity { get; set; }", "    public int Quantity { get; set; }\n\n    public string? Note { get; set; }"));
        ProcessResult optional = _fixture.Run("build", projectFile);
        AssertSucceeded(optional);
        AssertContains(optional, $"Shop.Orders.OrderPlaced: compatible (BACKWARD) with version 1 of subject '{Subject}'");
        AssertContains(optional, "the producer will register version 2 at its first send");
        AssertContains(optional, "additionalProperties: false");

        // A property's type changed and another removed: one error at the property, one at the type's declaration.
        string breaking = OriginalType.Replace("public decimal Total", "public string Total").Replace("\n    public int Quantity { get; set; }\n", "");
        File.WriteAllText(source, breaking);
        int totalLine = LineOf(source, "public string Total");
        int typeLine = LineOf(source, "public class OrderPlaced");
        ProcessResult broken = _fixture.Run("build", projectFile);
        Assert.True(broken.ExitCode != 0, "the build should fail. " + broken.Describe());
        AssertContains(broken, $"OrderPlaced.cs({totalLine},5): error EG1001: property Shop.Orders.OrderPlaced.Total (#/properties/Total, TYPE_CHANGED)");
        AssertContains(broken, $"OrderPlaced.cs({typeLine},1): error EG1001: property Shop.Orders.OrderPlaced.Quantity, no longer declared, (#/properties/Quantity, PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL)");
        AssertContains(broken, "the registry will refuse the producer's schema at its first send");
        AssertContains(broken, "make the change compatible or publish it under a new subject (see https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1001.md)");
        Assert.DoesNotMatch(@"\.schema\.json\(\d+,\d+\): error", broken.Output);
    }

    private static int LineOf(string path, string marker)
    {
        int index = Array.FindIndex(File.ReadAllLines(path), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"{path} has no line containing {marker}");
        return index + 1;
    }

    private static void AssertSucceeded(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, "the build should succeed. " + result.Describe());
        Assert.False(Regex.IsMatch(result.Output, @"error EG\d{4}"), "the build should report no EG error. " + result.Describe());
    }

    private static void AssertContains(ProcessResult result, string text) =>
        Assert.True(result.Output.Contains(text, StringComparison.Ordinal), $"the output should contain {text}. " + result.Describe());
}
