using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Build.Tests;

/// <summary>Which C# declaration a finding on a derived schema is reported at.</summary>
public sealed class EventTypeFindingsTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "eg-places");
    private static readonly string Source = Path.Combine(Project, "Orders", "OrderPlaced.cs");

    [Theory]
    [InlineData("#/properties/Total", null, "Total")]
    [InlineData("#/properties/Lines/items/type", null, "Lines")]
    [InlineData("#/definitions/Address/properties/Street", "Address", "Street")]
    [InlineData("#/definitions/Address", "Address", null)]
    [InlineData("#/fields/order_id", null, "order_id")]
    [InlineData("#/properties/a~1b", null, "a/b")]
    [InlineData("#", null, null)]
    public void A_pointer_names_the_first_property_after_the_last_definition(string pointer, string? definition, string? property)
    {
        MemberPath path = MemberPath.Parse(pointer);
        Assert.Equal(definition, path.Definition);
        Assert.Equal(property, path.Property);
    }

    [Fact]
    public void A_changed_property_is_reported_at_its_declaration()
    {
        ReportFinding placed = EventTypeFindings.Place(Finding("#/properties/total", "TYPE_CHANGED"), OrderPlaced(), new DisplayPaths(Project));
        Assert.Equal(Path.Combine("Orders", "OrderPlaced.cs"), placed.File);
        Assert.Equal((19, 9), (placed.Line, placed.Column));
        Assert.StartsWith("property Shop.Orders.OrderPlaced.Total (#/properties/total, TYPE_CHANGED) breaks the registered schema", placed.Message, StringComparison.Ordinal);
        Assert.Contains("keep the property's type", placed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_property_name_wins_over_the_csharp_name()
    {
        ReportFinding placed = EventTypeFindings.Place(Finding("#/properties/order_id", "TYPE_CHANGED"), OrderPlaced(), new DisplayPaths(Project));
        Assert.Equal((12, 9), (placed.Line, placed.Column));
        Assert.Contains("Shop.Orders.OrderPlaced.OrderId", placed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_property_is_reported_at_the_type_declaration()
    {
        ReportFinding placed = EventTypeFindings.Place(Finding("#/properties/Quantity", "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"), OrderPlaced(), new DisplayPaths(Project));
        Assert.Equal((8, 5), (placed.Line, placed.Column));
        Assert.StartsWith("property Shop.Orders.OrderPlaced.Quantity, no longer declared,", placed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_of_a_definition_is_reported_in_that_type()
    {
        var address = new TypeSource { Name = "Shop.Orders.Address", Place = new SourcePlace { File = Source, Line = 30, Column = 5 } };
        address.Members.Add(new MemberSource { Name = "Street", Place = new SourcePlace { File = Source, Line = 32, Column = 9 } });
        DerivedType type = OrderPlaced();
        type.Definitions["Address"] = address;
        ReportFinding placed = EventTypeFindings.Place(Finding("#/definitions/Address/properties/Street", "TYPE_CHANGED"), type, new DisplayPaths(Project));
        Assert.Equal((32, 9), (placed.Line, placed.Column));
    }

    [Fact]
    public void Without_symbols_the_finding_stays_where_the_report_put_it()
    {
        ReportFinding finding = Finding("#/properties/Total", "TYPE_CHANGED");
        Assert.Same(finding, EventTypeFindings.Place(finding, new DerivedType { Type = "Shop.Orders.OrderPlaced" }, new DisplayPaths(Project)));
    }

    private static ReportFinding Finding(string path, string type) =>
        new ReportFinding(ErrorCodes.BreakingChange, FindingSeverity.Error, "orders-value", "obj/1-Shop.Orders.OrderPlaced.schema.json", 7, 16,
            "subject 'orders-value' breaks BACKWARD compatibility with version 1", type, path);

    private static DerivedType OrderPlaced()
    {
        var source = new TypeSource { Name = "Shop.Orders.OrderPlaced", Place = new SourcePlace { File = Source, Line = 8, Column = 5 } };
        source.Members.Add(new MemberSource { Name = "OrderId", JsonName = "order_id", Place = new SourcePlace { File = Source, Line = 12, Column = 9 } });
        source.Members.Add(new MemberSource { Name = "Total", Place = new SourcePlace { File = Source, Line = 19, Column = 9 } });
        return new DerivedType { Type = "Shop.Orders.OrderPlaced", SchemaFile = "obj/1-Shop.Orders.OrderPlaced.schema.json", Source = source };
    }
}
