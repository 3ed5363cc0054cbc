using EventGovernance.Tests;
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

    private const string AvroSubject = "payments-value";
    private const string PaymentSchemaV1 = """{"type":"record","name":"PaymentMade","namespace":"Shop.Payments","fields":[{"name":"Id","type":"string"},{"name":"Amount","type":"double"}]}""";

    /// <summary>An ISpecificRecord as avrogen writes one: the schema in _SCHEMA, the fields by position.</summary>
    private static string PaymentType(string schema, string amountType) => $$"""
        using Avro;
        using Avro.Specific;

        namespace Shop.Payments;

        public class PaymentMade : ISpecificRecord
        {
            public static Schema _SCHEMA = Schema.Parse({{System.Text.Json.JsonSerializer.Serialize(schema)}});

            public virtual Schema Schema => _SCHEMA;

            public string Id { get; set; } = "";

            public {{amountType}} Amount { get; set; }

            public virtual object Get(int fieldPos) => fieldPos switch { 0 => Id, 1 => Amount, _ => throw new AvroRuntimeException("Bad index " + fieldPos) };

            public virtual void Put(int fieldPos, object fieldValue)
            {
                switch (fieldPos)
                {
                    case 0: Id = (string)fieldValue; break;
                    case 1: Amount = ({{amountType}})fieldValue; break;
                    default: throw new AvroRuntimeException("Bad index " + fieldPos);
                }
            }
        }
        """;

    [Fact]
    public void An_avro_specific_record_is_checked_against_an_embedded_and_a_remote_registry_and_an_unavailable_one_is_EG1003()
    {
        string projectFile = _fixture.CreateProject("code-first-avro", Path.Combine("Payments", "Payments.csproj"), "Microsoft.NET.Sdk", $"""
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <NoWarn>$(NoWarn);CS1591;NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Apache.Avro" Version="1.12.2" />
                <EventType Include="Shop.Payments.PaymentMade" Subject="{AvroSubject}" SchemaType="AVRO" />
              </ItemGroup>
            """);
        string project = Path.GetDirectoryName(projectFile)!;
        string source = Path.Combine(project, "PaymentMade.cs");
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"payments\");\n");
        string versions = Path.Combine(project, "contracts", "registry", "subjects", AvroSubject, "versions");
        Directory.CreateDirectory(versions);
        File.WriteAllText(Path.Combine(versions, "1.avsc"), PaymentSchemaV1);

        // Amount becomes a string: a double written by old producers cannot be read as one (BACKWARD).
        string breakingSchema = PaymentSchemaV1.Replace("\"name\":\"Amount\",\"type\":\"double\"", "\"name\":\"Amount\",\"type\":\"string\"");
        File.WriteAllText(source, PaymentType(breakingSchema, "string"));
        ProcessResult embedded = _fixture.Run("build", projectFile);
        Assert.True(embedded.ExitCode != 0, "the build should fail. " + embedded.Describe());
        Assert.Matches(@"PaymentMade\.cs\(\d+,\d+\): error EG1001: ", embedded.Output);
        AssertContains(embedded, $"subject '{AvroSubject}'");

        // A remote registry holding version 1: the same subject is checked there.
        using (var registry = new EventGovernance.TestSupport.FakeSchemaRegistry { Formats = EventGovernance.Compatibility.SchemaFormats.For })
        {
            registry.Seed(AvroSubject, PaymentSchemaV1, "AVRO");
            ProcessResult remote = _fixture.Run("build", projectFile, "EventGovernanceRegistry=" + registry.Url, "CI=true");
            Assert.True(remote.ExitCode != 0, "the build should fail. " + remote.Describe());
            Assert.Matches(@"PaymentMade\.cs\(\d+,\d+\): error EG1001: ", remote.Output);
            Assert.Contains(registry.Requests, r => r.Contains("/subjects/" + AvroSubject, StringComparison.Ordinal));
        }

        // Unavailable on CI: EG1003, as for contract files.
        using (var unavailable = new MisbehavingRegistry(Misbehavior.Garbage))
        {
            ProcessResult down = _fixture.Run("build", projectFile, "EventGovernanceRegistry=" + unavailable.Url, "EventGovernanceRegistryTimeout=1",
                "EventGovernanceRegistryRetries=0", "CI=true");
            Assert.True(down.ExitCode != 0, "the build should fail. " + down.Describe());
            AssertContains(down, "error EG1003: the schema registry is unavailable");
            Assert.DoesNotContain("EG1000", down.Output, StringComparison.Ordinal);
        }
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
