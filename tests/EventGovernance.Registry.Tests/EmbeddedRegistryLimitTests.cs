using System;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>A huge file in the embedded registry is refused by its size, naming it, before it is read.</summary>
    public class EmbeddedRegistryLimitTests
    {
        [Fact]
        public void A_50_MB_version_file_is_refused_without_reading_it()
        {
            using var dir = new TempDirectory();
            string file = dir.Combine("registry", "subjects", "orders", "versions", "1.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = new FileStream(file, FileMode.CreateNew))
            {
                stream.SetLength(50L * 1024 * 1024); // sparse: 50 MB of zero bytes
            }
            var registry = new EmbeddedRegistry(dir.Combine("registry"));

            long before = GC.GetAllocatedBytesForCurrentThread();
            var e = Assert.Throws<SchemaException>(() => registry.GetSchemaAsync("orders", 1).GetAwaiter().GetResult());
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(file, e.File);
            Assert.Contains("larger than the 4 MB limit", e.Problem);
            Assert.True(allocated < 16L * 1024 * 1024, $"{allocated} bytes allocated: the file was read");
        }
    }
}
