using System.Linq;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>The registry's levels applied to JSON schemas through <see cref="CompatibilityChecker"/>.</summary>
    public class JsonCompatibilityLevelTests
    {
        // v1 -> v2 adds an optional property to a closed model (safe both ways);
        // v2 -> v3 makes "note" required: old data without it breaks BACKWARD, but FORWARD holds.
        private const string V1 = @"{""type"":""object"",""properties"":{""id"":{""type"":""string""}},""additionalProperties"":false}";
        private const string V2 = @"{""type"":""object"",""properties"":{""id"":{""type"":""string""},""note"":{""type"":""string""}},""additionalProperties"":false}";
        private const string V3 = @"{""type"":""object"",""properties"":{""id"":{""type"":""string""},""note"":{""type"":""string""}},""required"":[""note""],""additionalProperties"":false}";

        // Widening integer -> number reads old data (BACKWARD) but old readers cannot read new data (FORWARD).
        private const string IntegerField = @"{""type"":""object"",""properties"":{""n"":{""type"":""integer""}},""additionalProperties"":false}";
        private const string NumberField = @"{""type"":""object"",""properties"":{""n"":{""type"":""number""}},""additionalProperties"":false}";

        private static CompatibilityResult Check(string candidate, CompatibilityLevel level, params string[] history) =>
            CompatibilityChecker.Check(JsonDiffs.Source(candidate, "candidate.json"),
                history.Select((h, i) => JsonDiffs.Source(h, $"v{i + 1}.json")).ToList(), level);

        [Fact]
        public void Backward_accepts_widening_and_rejects_narrowing()
        {
            Assert.True(Check(NumberField, CompatibilityLevel.Backward, IntegerField).IsCompatible);
            CompatibilityResult narrowed = Check(IntegerField, CompatibilityLevel.Backward, NumberField);
            Assert.False(narrowed.IsCompatible);
            Difference breaking = Assert.Single(narrowed.BreakingDifferences);
            Assert.Equal("TYPE_NARROWED", breaking.Type);
            Assert.Equal("#/properties/n", breaking.Path);
            Assert.Equal(CheckDirection.Backward, Assert.Single(narrowed.Checks).Direction);
        }

        [Fact]
        public void Forward_swaps_the_roles()
        {
            Assert.False(Check(NumberField, CompatibilityLevel.Forward, IntegerField).IsCompatible);
            Assert.True(Check(IntegerField, CompatibilityLevel.Forward, NumberField).IsCompatible);
            CompatibilityResult forward = Check(NumberField, CompatibilityLevel.Forward, IntegerField);
            Difference breaking = Assert.Single(forward.BreakingDifferences);
            // Locations are oriented so that "update" is the candidate file.
            Assert.Equal("candidate.json", breaking.UpdateLocation!.File);
            Assert.Equal("v1.json", breaking.OriginalLocation!.File);
        }

        [Fact]
        public void Full_needs_both_directions()
        {
            Assert.False(Check(NumberField, CompatibilityLevel.Full, IntegerField).IsCompatible);
            // Backward holds (an optional property joins a closed model) but old readers reject the new property.
            CompatibilityResult added = Check(V2, CompatibilityLevel.Full, V1);
            Assert.False(added.IsCompatible);
            Assert.True(Assert.Single(added.Checks, c => c.Direction == CheckDirection.Backward).IsCompatible);
            Assert.Equal("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/note",
                Assert.Single(added.BreakingDifferences).ToString());

            string retitled = V1.Replace(@"""type"":""object""", @"""type"":""object"",""title"":""Order""");
            CompatibilityResult both = Check(retitled, CompatibilityLevel.Full, V1);
            Assert.True(both.IsCompatible);
            Assert.Equal(2, both.Checks.Count);
            Assert.All(both.Differences, d => Assert.Equal("TITLE_CHANGED", d.Type));
        }

        [Fact]
        public void Required_property_added_breaks_backward_but_not_forward()
        {
            CompatibilityResult backward = Check(V3, CompatibilityLevel.Backward, V1, V2);
            Assert.False(backward.IsCompatible);
            Assert.Equal("REQUIRED_ATTRIBUTE_ADDED", Assert.Single(backward.BreakingDifferences).Type);
            Assert.True(Check(V3, CompatibilityLevel.Forward, V1, V2).IsCompatible);
        }

        [Fact]
        public void Transitive_checks_older_versions_that_the_latest_does_not_catch()
        {
            // Against v2 the candidate only changes a title; v1 had a numeric id, so only a transitive check sees the break.
            const string v1 = @"{""type"":""object"",""properties"":{""id"":{""type"":""number""}}}";
            const string v2 = @"{""type"":""object"",""properties"":{""id"":{""type"":""string""}}}";
            const string candidate = @"{""type"":""object"",""properties"":{""id"":{""type"":""string"",""title"":""identifier""}}}";

            CompatibilityResult latestOnly = Check(candidate, CompatibilityLevel.Backward, v1, v2);
            Assert.True(latestOnly.IsCompatible);
            Assert.Equal(1, Assert.Single(latestOnly.Checks).HistoryIndex);

            CompatibilityResult transitive = Check(candidate, CompatibilityLevel.BackwardTransitive, v1, v2);
            Assert.False(transitive.IsCompatible);
            Assert.Equal(2, transitive.Checks.Count);
            PairCheck broken = Assert.Single(transitive.Checks, c => !c.IsCompatible);
            Assert.Equal(0, broken.HistoryIndex);
            Assert.Equal("TYPE_CHANGED #/properties/id", Assert.Single(broken.Differences, d => !d.IsCompatible).ToString());

            Assert.False(Check(candidate, CompatibilityLevel.ForwardTransitive, v1, v2).IsCompatible);
            Assert.False(Check(candidate, CompatibilityLevel.FullTransitive, v1, v2).IsCompatible);
            Assert.True(Check(candidate, CompatibilityLevel.Full, v1, v2).IsCompatible);
        }

        [Fact]
        public void None_checks_nothing()
        {
            CompatibilityResult none = Check(IntegerField, CompatibilityLevel.None, NumberField);
            Assert.True(none.IsCompatible);
            Assert.Empty(none.Checks);
        }

        [Fact]
        public void Lenient_policy_accepts_a_property_added_to_an_open_model()
        {
            const string open = @"{""type"":""object"",""properties"":{""a"":{""type"":""string""}}}";
            const string added = @"{""type"":""object"",""properties"":{""a"":{""type"":""string""},""b"":{""type"":""number""}}}";
            var history = new[] { JsonDiffs.Source(open, "v1.json") };
            Assert.False(CompatibilityChecker.Check(JsonDiffs.Source(added), history, CompatibilityLevel.Backward).IsCompatible);
            var lenient = new CompatibilityOptions { JsonPolicy = JsonCompatibilityPolicy.Lenient };
            CompatibilityResult result = CompatibilityChecker.Check(JsonDiffs.Source(added), history, CompatibilityLevel.Backward, lenient);
            Assert.True(result.IsCompatible);
            Assert.Equal("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b", Assert.Single(result.Differences).ToString());
        }
    }
}
