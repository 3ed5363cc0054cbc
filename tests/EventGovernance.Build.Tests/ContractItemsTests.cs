using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using Microsoft.Build.Utilities;

namespace EventGovernance.Build.Tests;

public class ContractItemsTests
{
    private static readonly string ProjectDir = Path.Combine(Path.GetTempPath(), "eg-items", "Shop");

    private static TaskItem Item(string spec, string? subject = null, string? type = null, string? level = null)
    {
        var item = new TaskItem(spec);
        if (subject != null) item.SetMetadata(ContractItems.SubjectMetadata, subject);
        if (type != null) item.SetMetadata(ContractItems.SchemaTypeMetadata, type);
        if (level != null) item.SetMetadata(ContractItems.CompatibilityMetadata, level);
        return item;
    }

    private static Contract MapOne(TaskItem item)
    {
        var problems = new List<ContractItemProblem>();
        Contract? contract = ContractItems.Map(item, ProjectDir, problems);
        Assert.True(contract != null, string.Join("; ", problems.Select(p => p.Message)));
        return contract!;
    }

    [Theory]
    [InlineData("contracts/orders/order-placed.schema.json", "order-placed", SchemaType.Json)]
    [InlineData("contracts/orders/order-paid.avsc", "order-paid", SchemaType.Avro)]
    [InlineData("contracts/orders/order-delivered.proto", "order-delivered", SchemaType.Protobuf)]
    public void Defaults_subject_from_file_name_and_type_from_extension(string spec, string subject, SchemaType type)
    {
        Contract contract = MapOne(Item(spec));
        Assert.Equal(subject, contract.Subject);
        Assert.Equal(type, contract.Type);
        Assert.Null(contract.Compatibility);
        Assert.Equal(Path.GetFullPath(Path.Combine(ProjectDir, spec)), contract.FilePath);
        Assert.Equal(spec.Replace('/', Path.DirectorySeparatorChar), contract.DisplayPath);
    }

    [Fact]
    public void Metadata_overrides_subject_type_and_level()
    {
        Contract contract = MapOne(Item("contracts/legacy/placed.json", subject: " orders-value ", type: "avro", level: "FULL_TRANSITIVE"));
        Assert.Equal("orders-value", contract.Subject);
        Assert.Equal(SchemaType.Avro, contract.Type);
        Assert.Equal(CompatibilityLevel.FullTransitive, contract.Compatibility);
    }

    [Fact]
    public void File_outside_the_project_is_shown_with_its_full_path()
    {
        string outside = Path.Combine(Path.GetTempPath(), "eg-items", "shared", "a.avsc");
        Contract contract = MapOne(Item(outside));
        Assert.Equal(Path.GetFullPath(outside), contract.DisplayPath);
    }

    [Theory]
    [InlineData("contracts/a.schema.json", "YAML", null, "SchemaType metadata 'YAML'")]
    [InlineData("contracts/a.txt", null, null, "cannot tell the schema type")]
    [InlineData("contracts/a.avsc", null, "SOMETIMES", "Compatibility metadata 'SOMETIMES'")]
    public void Bad_metadata_is_a_problem_naming_the_file(string spec, string? type, string? level, string expected)
    {
        var problems = new List<ContractItemProblem>();
        Contract? contract = ContractItems.Map(Item(spec, type: type, level: level), ProjectDir, problems);
        Assert.Null(contract);
        ContractItemProblem problem = Assert.Single(problems);
        Assert.Contains(expected, problem.Message);
        Assert.Equal(spec.Replace('/', Path.DirectorySeparatorChar), problem.DisplayPath);
    }

    [Fact]
    public void Two_items_with_one_subject_are_a_problem_and_the_first_is_kept()
    {
        var problems = new List<ContractItemProblem>();
        IReadOnlyList<Contract> contracts = ContractItems.Map(
            new[] { Item("contracts/json/order.schema.json"), Item("contracts/avro/order.avsc"), Item("contracts/x.proto") },
            ProjectDir, problems);
        Assert.Equal(new[] { "order", "x" }, contracts.Select(c => c.Subject));
        ContractItemProblem problem = Assert.Single(problems);
        Assert.Contains("subject 'order' is also used by", problem.Message);
        Assert.EndsWith("order.avsc", problem.DisplayPath);
    }
}
