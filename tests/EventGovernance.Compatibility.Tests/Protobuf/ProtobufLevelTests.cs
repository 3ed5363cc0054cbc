using System.Linq;
using EventGovernance.Compatibility;
using static EventGovernance.Compatibility.Tests.Protobuf.ProtobufTestSchemas;

namespace EventGovernance.Compatibility.Tests.Protobuf;

/// <summary>Protobuf histories through <see cref="CompatibilityChecker"/>.</summary>
public sealed class ProtobufLevelTests
{
    private const string V1 = "syntax = \"proto2\";\nmessage Order { required string id = 1; optional int32 qty = 2; }";
    private const string V2 = "syntax = \"proto2\";\nmessage Order { optional string id = 1; optional int32 qty = 2; }";
    // V3 drops the field that was required in V1: fine against V2, breaking against V1.
    private const string V3 = "syntax = \"proto2\";\nmessage Order { optional int32 qty = 2; optional string note = 3; }";

    private static SchemaSource[] History(params string[] versions) =>
        versions.Select((v, i) => Proto(v, $"order-v{i + 1}.proto")).ToArray();

    [Fact]
    public void Backward_checks_only_the_latest_version()
    {
        var result = CompatibilityChecker.Check(Proto(V3, "order-v3.proto"), History(V1, V2), CompatibilityLevel.Backward);
        Assert.True(result.IsCompatible);
        Assert.Single(result.Checks);
    }

    [Fact]
    public void Backward_transitive_finds_a_break_against_an_older_version_only()
    {
        var result = CompatibilityChecker.Check(Proto(V3, "order-v3.proto"), History(V1, V2), CompatibilityLevel.BackwardTransitive);
        Assert.False(result.IsCompatible);
        Assert.Equal(new[] { 1, 0 }, result.Checks.Select(c => c.HistoryIndex));
        Assert.True(result.Checks[0].IsCompatible);
        Difference breaking = Assert.Single(result.BreakingDifferences);
        Assert.Equal("REQUIRED_FIELD_REMOVED #/Order/1", breaking.ToString());
        Assert.Equal(0, result.Checks.Single(c => !c.IsCompatible).HistoryIndex);
    }

    [Fact]
    public void Forward_swaps_the_roles_and_keeps_update_location_in_the_candidate()
    {
        // A new oneof member: new readers cope with old data (backward fine), but old readers lose a
        // value set in it (forward breaks: seen from the old reader, the member was removed).
        const string before = "syntax = \"proto3\";\nmessage M { oneof pay { string card = 1; } }";
        const string after = "syntax = \"proto3\";\nmessage M {\n  oneof pay {\n    string card = 1;\n    string iban = 2;\n  }\n}";
        Assert.True(CompatibilityChecker.Check(Proto(after, "new.proto"), History(before), CompatibilityLevel.Backward).IsCompatible);

        var forward = CompatibilityChecker.Check(Proto(after, "new.proto"), History(before), CompatibilityLevel.Forward);
        Assert.Equal(CheckDirection.Forward, Assert.Single(forward.Checks).Direction);
        Difference d = Assert.Single(forward.BreakingDifferences);
        Assert.Equal("ONEOF_FIELD_REMOVED #/M/pay/2", d.ToString());
        Assert.Null(d.OriginalLocation);
        Assert.Equal("new.proto", d.UpdateLocation!.File);
        Assert.Equal((5, 5), (d.UpdateLocation.Line, d.UpdateLocation.Column));
    }

    [Fact]
    public void Full_transitive_needs_both_directions_against_every_version()
    {
        const string a = "syntax = \"proto3\";\nmessage M { int32 x = 1; }";
        const string b = "syntax = \"proto3\";\nmessage M { int32 x = 1; string y = 2; }";
        const string c = "syntax = \"proto3\";\nmessage M { int64 x = 1; string y = 2; string z = 3; }";
        var ok = CompatibilityChecker.Check(Proto(c, "c.proto"), History(a, b), CompatibilityLevel.FullTransitive);
        Assert.True(ok.IsCompatible);
        Assert.Equal(4, ok.Checks.Count);

        const string bad = "syntax = \"proto3\";\nmessage M { sint32 x = 1; string y = 2; }";
        var broken = CompatibilityChecker.Check(Proto(bad, "bad.proto"), History(a, b), CompatibilityLevel.FullTransitive);
        Assert.False(broken.IsCompatible);
        Assert.Equal(4, broken.Checks.Count(check => !check.IsCompatible));
        Assert.All(broken.BreakingDifferences, d => Assert.Equal("FIELD_SCALAR_KIND_CHANGED #/M/1", d.ToString()));
    }
}
