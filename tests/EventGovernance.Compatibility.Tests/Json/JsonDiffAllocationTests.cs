using System;
using System.Text;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>
    /// What comparing a wide object costs in memory, per property: each property pair is compared and memoised,
    /// and the differ must not allocate more than that bookkeeping for a pair with no difference (no closure per
    /// pair, no JSON pointer text for a pair with nothing to report). Allocations on the test's own thread are exact.
    /// </summary>
    public class JsonDiffAllocationTests
    {
        /// <summary>The memo entry, the pair's context and its empty lists; the old differ took about 520 bytes.</summary>
        private const int MaxBytesPerUnchangedProperty = 400;

        [Fact]
        public void Comparing_unchanged_properties_allocates_only_the_pair_bookkeeping()
        {
            const int properties = 2000;
            long bytes = DiffAllocations(properties);

            Assert.True(bytes / properties <= MaxBytesPerUnchangedProperty,
                $"the diff of {properties} unchanged properties allocated {bytes / properties} bytes per property");
        }

        [Fact]
        public void Allocations_grow_with_the_properties_and_no_faster()
        {
            long small = DiffAllocations(1000);
            long large = DiffAllocations(10000);

            Assert.True(large <= 12 * small, $"1,000 properties: {small} bytes, 10,000: {large} bytes (x{(double)large / small:0.0})");
        }

        /// <summary>Bytes one diff of two objects of <paramref name="properties"/> string properties allocates, after a first diff (static set-up).</summary>
        private static long DiffAllocations(int properties)
        {
            ParsedSchema original = JsonDiffs.Parse(Wide(properties, "string"), "original.json");
            ParsedSchema update = JsonDiffs.Parse(Wide(properties, "string"), "update.json");
            Assert.Empty(JsonDiffs.Format.Diff(original, update, CompatibilityOptions.Default));

            long before = GC.GetAllocatedBytesForCurrentThread();
            int count = JsonDiffs.Format.Diff(original, update, CompatibilityOptions.Default).Count;
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, count);
            return bytes;
        }

        private static string Wide(int properties, string type)
        {
            var text = new StringBuilder("{\"type\":\"object\",\"properties\":{");
            for (int i = 0; i < properties; i++)
                text.Append(i == 0 ? "" : ",").Append("\"p").Append(i).Append("\":{\"type\":\"").Append(type).Append("\",\"description\":\"property ").Append(i).Append("\"}");
            return text.Append("}}").ToString();
        }
    }
}
