using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    public class EmbeddedRegistryTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        [Fact]
        public async Task Registers_numbered_versions_and_reads_them_back()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);

            Assert.Equal(1, await registry.RegisterAsync("orders-value", SchemaType.Json, "id!\n", NoReferences));
            Assert.Equal(2, await registry.RegisterAsync("orders-value", SchemaType.Json, "id!\nnote\n", NoReferences));

            Assert.Equal(new[] { "orders-value" }, await registry.GetSubjectsAsync());
            Assert.Equal(new[] { 1, 2 }, await registry.GetVersionsAsync("orders-value"));
            RegisteredSchema second = await registry.GetSchemaAsync("orders-value", 2);
            Assert.Equal("id!\nnote\n", second.Text);
            Assert.Equal(SchemaType.Json, second.Type);
            Assert.Equal(dir.Combine("subjects", "orders-value", "versions", "2.json"), second.Location);
            Assert.Empty(await registry.GetVersionsAsync("unknown"));
        }

        [Fact]
        public async Task Registering_an_identical_schema_returns_the_existing_version()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.RegisterAsync("s", SchemaType.Avro, "{\"type\":\"string\"}", NoReferences);
            await registry.RegisterAsync("s", SchemaType.Avro, "{\"type\":\"int\"}", NoReferences);

            Assert.Equal(1, await registry.RegisterAsync("s", SchemaType.Avro, "{\"type\":\"string\"}", NoReferences));
            Assert.Equal(new[] { 1, 2 }, await registry.GetVersionsAsync("s"));
            Assert.True(File.Exists(dir.Combine("subjects", "s", "versions", "1.avsc")));
        }

        [Fact]
        public async Task References_are_stored_beside_the_version_in_the_rest_api_shape()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.RegisterAsync("address", SchemaType.Protobuf, "syntax = \"proto3\";", NoReferences);
            var reference = new SchemaReference("address.proto", "address", 1);
            await registry.RegisterAsync("customer", SchemaType.Protobuf, "import \"address.proto\";", new[] { reference });

            string stored = File.ReadAllText(dir.Combine("subjects", "customer", "versions", "1.references.json"));
            Assert.Contains("\"name\": \"address.proto\"", stored);
            Assert.Contains("\"subject\": \"address\"", stored);
            Assert.Contains("\"version\": 1", stored);
            RegisteredSchema read = await registry.GetSchemaAsync("customer", 1);
            SchemaReference only = Assert.Single(read.References);
            Assert.Equal(("address.proto", "address", 1), (only.Name, only.Subject, only.Version));
        }

        [Fact]
        public async Task Subjects_with_unsafe_characters_are_escaped_reversibly()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            const string subject = "com/acme:Order value%é";
            await registry.RegisterAsync(subject, SchemaType.Json, "id", NoReferences);

            string directory = Path.GetFileName(Directory.GetDirectories(dir.Combine("subjects")).Single());
            Assert.Equal("com%2Facme%3AOrder%20value%25%C3%A9", directory);
            Assert.Equal(new[] { subject }, await registry.GetSubjectsAsync());
            Assert.Equal("id", (await registry.GetSchemaAsync(subject, 1)).Text);
        }

        [Theory]
        [InlineData("orders-value")]
        [InlineData(".hidden")]
        [InlineData("..")]
        [InlineData("a/b\\c:d*e?f\"g<h>i|j")]
        [InlineData("naïve 日本")]
        public void Escaping_round_trips_and_yields_a_plain_file_name(string subject)
        {
            string escaped = SubjectFileNames.Escape(subject);
            Assert.Equal(subject, SubjectFileNames.Unescape(escaped));
            Assert.DoesNotContain(escaped, c => Path.GetInvalidFileNameChars().Contains(c) || c == '\\' || c == ':' || c == '*' || c == '?');
            Assert.False(escaped.StartsWith('.'));
        }

        [Theory]
        [InlineData("%2")]
        [InlineData("%zz")]
        [InlineData("a%2fb")] // lower-case hex is not what Escape writes, so it is not a valid name
        [InlineData("a b")]
        public void Unescape_refuses_names_that_escape_would_not_produce(string name) =>
            Assert.Null(SubjectFileNames.Unescape(name));

        [Fact]
        public async Task Subject_config_wins_over_global_config_and_either_may_be_absent()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.RegisterAsync("a", SchemaType.Json, "x", NoReferences);
            Assert.Null(await registry.GetCompatibilityAsync(null));
            Assert.Null(await registry.GetCompatibilityAsync("a"));

            dir.Write("config.json", "{\"compatibilityLevel\": \"FULL\"}");
            dir.Write("subjects/a/config.json", "{\"compatibilityLevel\": \"forward_transitive\"}");
            Assert.Equal(CompatibilityLevel.Full, await registry.GetCompatibilityAsync(null));
            Assert.Equal(CompatibilityLevel.ForwardTransitive, await registry.GetCompatibilityAsync("a"));
            Assert.Null(await registry.GetCompatibilityAsync("b"));

            await registry.SetCompatibilityAsync("a", CompatibilityLevel.None);
            Assert.Equal(CompatibilityLevel.None, await registry.GetCompatibilityAsync("a"));
            Assert.Contains("\"compatibilityLevel\": \"NONE\"", File.ReadAllText(dir.Combine("subjects", "a", "config.json")));
        }

        [Fact]
        public async Task A_malformed_config_is_an_error_naming_the_file_and_line()
        {
            using var dir = new TempDirectory();
            string file = dir.Write("config.json", "{\n  \"compatibilityLevel\": \"BACKWARD\",\n  \"x\": ]\n}");
            var e = await Assert.ThrowsAsync<SchemaException>(() => new EmbeddedRegistry(dir.Path).GetCompatibilityAsync(null));
            Assert.Equal(file, e.File);
            Assert.Equal(3, e.Line);
            Assert.StartsWith(file + "(3,", e.Message);
        }

        [Fact]
        public async Task An_unknown_level_is_an_error_pointing_at_the_value()
        {
            using var dir = new TempDirectory();
            string file = dir.Write("config.json", "{\n  \"compatibilityLevel\": \"SIDEWAYS\"\n}");
            var e = await Assert.ThrowsAsync<SchemaException>(() => new EmbeddedRegistry(dir.Path).GetCompatibilityAsync(null));
            Assert.Equal(2, e.Line);
            Assert.Contains("unknown compatibility level 'SIDEWAYS'", e.Message);
        }

        [Fact]
        public async Task A_malformed_references_file_names_the_file_and_line()
        {
            using var dir = new TempDirectory();
            dir.Write("subjects/a/versions/1.json", "x");
            string file = dir.Write("subjects/a/versions/1.references.json", "[\n  {\"name\": \"b.json\", \"subject\": \"b\"}\n]");
            var e = await Assert.ThrowsAsync<SchemaException>(() => new EmbeddedRegistry(dir.Path).GetSchemaAsync("a", 1));
            Assert.Equal(file, e.File);
            Assert.Equal(2, e.Line);
            Assert.Contains("\"version\"", e.Problem);
        }

        [Fact]
        public async Task A_stray_file_among_the_versions_is_an_error_naming_it()
        {
            using var dir = new TempDirectory();
            dir.Write("subjects/a/versions/1.json", "x");
            string stray = dir.Write("subjects/a/versions/latest.json", "x");
            var e = await Assert.ThrowsAsync<SchemaException>(() => new EmbeddedRegistry(dir.Path).GetVersionsAsync("a"));
            Assert.Equal(stray, e.File);
            Assert.Contains("not a version file", e.Message);
        }

        [Fact]
        public async Task A_failure_before_the_version_file_is_renamed_leaves_neither_references_nor_version()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.RegisterAsync("b", SchemaType.Json, "y", NoReferences);
            registry.BeforeCommit = path =>
            {
                if (path.EndsWith("1.json", StringComparison.Ordinal) && path.Contains("versions")) throw new IOException("disk full");
            };

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() =>
                registry.RegisterAsync("a", SchemaType.Json, "x", new[] { new SchemaReference("b.json", "b", 1) }));
            Assert.Contains("disk full", e.Message);

            string versions = dir.Combine("subjects", "a", "versions");
            Assert.Empty(Directory.GetFiles(versions)); // no references, no version, no temporary file
            Assert.Empty(await registry.GetVersionsAsync("a"));
        }

        [Fact]
        public async Task Readers_ignore_a_temporary_file_left_by_an_interrupted_writer()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.RegisterAsync("a", SchemaType.Json, "x", NoReferences);
            dir.Write("subjects/a/versions/.2.json.0123.tmp", "half a sch");

            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("a"));
            Assert.Equal(2, await registry.RegisterAsync("a", SchemaType.Json, "x\ny", NoReferences));
        }

        [Fact]
        public async Task Mirroring_writes_given_version_numbers_and_replaces_what_is_there()
        {
            using var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Path);
            await registry.WriteVersionAsync("a", 3, SchemaType.Json, "old", NoReferences);
            await registry.WriteVersionAsync("a", 3, SchemaType.Avro, "\"string\"", NoReferences);

            Assert.Equal(new[] { 3 }, await registry.GetVersionsAsync("a"));
            RegisteredSchema read = await registry.GetSchemaAsync("a", 3);
            Assert.Equal((SchemaType.Avro, "\"string\""), (read.Type, read.Text));
        }
    }
}
