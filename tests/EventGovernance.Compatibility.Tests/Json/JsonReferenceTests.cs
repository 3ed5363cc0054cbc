using System;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Local, recursive, sibling-file and refused remote references.</summary>
    public sealed class JsonReferenceTests : IDisposable
    {
        private readonly string _root;

        public JsonReferenceTests()
        {
            _root = Path.Combine(Path.GetTempPath(), "eventgov-json-refs-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_root, "contracts"));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private string Write(string relative, string text)
        {
            string path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        private ParsedSchema ParseFile(string path) =>
            JsonDiffs.Format.Parse(SchemaSource.FromFile(path, SchemaType.Json, new ContractsRootResolver(Path.Combine(_root, "contracts"))));

        [Fact]
        public void Definitions_defs_and_id_anchored_refs_resolve()
        {
            const string definitions = @"{""definitions"":{""a"":{""type"":""string"",""maxLength"":5}},""properties"":{""p"":{""$ref"":""#/definitions/a""}}}";
            const string defs = @"{""$defs"":{""a"":{""type"":""string"",""maxLength"":3}},""properties"":{""p"":{""$ref"":""#/$defs/a""}}}";
            const string byId = @"{""$id"":""https://example.com/order.json"",""definitions"":{""a"":{""$id"":""item.json"",""type"":""string"",""maxLength"":3}},""properties"":{""p"":{""$ref"":""item.json""}}}";
            Assert.Equal(new[] { "MAX_LENGTH_DECREASED #/properties/p/maxLength" }, JsonDiffs.Changes(definitions, defs));
            Assert.Contains("MAX_LENGTH_DECREASED #/properties/p/maxLength", JsonDiffs.Changes(definitions, byId));
            Assert.Equal(new[] { "ID_CHANGED #/", "ID_CHANGED #/properties/p" }, JsonDiffs.Changes(defs, byId));
        }

        [Fact]
        public void Recursive_schemas_terminate_and_still_see_changes_inside_the_cycle()
        {
            const string tree = @"{""$ref"":""#/definitions/node"",""definitions"":{""node"":{""type"":""object"",""properties"":{""value"":{""type"":""number""},""children"":{""type"":""array"",""items"":{""$ref"":""#/definitions/node""}}}}}}";
            const string narrowed = @"{""$ref"":""#/definitions/node"",""definitions"":{""node"":{""type"":""object"",""properties"":{""value"":{""type"":""integer""},""children"":{""type"":""array"",""items"":{""$ref"":""#/definitions/node""}}}}}}";
            Assert.Empty(JsonDiffs.Changes(tree, tree));
            // The change is reported where it is, and again where the recursion re-enters the changed pair.
            Assert.Equal(new[] { "TYPE_NARROWED #/properties/children/items/properties/value", "TYPE_NARROWED #/properties/value" }, JsonDiffs.Changes(tree, narrowed));
            Assert.False(JsonDiffs.Compatible(tree, narrowed));
        }

        [Fact]
        public void Recursive_choice_keeps_its_verdict_in_both_directions()
        {
            const string integers = @"{""$ref"":""#/definitions/list"",""definitions"":{""list"":{""anyOf"":[{""type"":""null""},{""type"":""object"",""properties"":{""value"":{""type"":""integer""},""next"":{""$ref"":""#/definitions/list""}}}]}}}";
            string numbers = integers.Replace(@"""integer""", @"""number""");
            Assert.True(JsonDiffs.Compatible(integers, numbers));
            Assert.Contains("TYPE_EXTENDED #/anyOf/1/properties/value", JsonDiffs.Changes(integers, numbers));
            Assert.False(JsonDiffs.Compatible(numbers, integers));
            Assert.Contains("COMBINED_TYPE_SUBSCHEMAS_CHANGED #/", JsonDiffs.Changes(numbers, integers));
        }

        [Fact]
        public void Recursive_unions_with_a_real_change_stay_fast()
        {
            // Ten shapes, each with two fields that may hold any of the ten: every union pairing re-enters the
            // changed shape, so an incompatible pair must be settled once, not explored again on every path.
            string catalogue = WideRecursiveUnion(changedIdType: "string");
            string changed = WideRecursiveUnion(changedIdType: "boolean");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.False(JsonDiffs.Compatible(catalogue, changed));
            Assert.True(JsonDiffs.Compatible(catalogue, catalogue));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"comparison took {clock.Elapsed}");
        }

        private static string WideRecursiveUnion(string changedIdType)
        {
            string[] shapes = Enumerable.Range(0, 10).Select(i => "shape" + i).ToArray();
            string union = @"{""oneOf"":[" + string.Join(",", shapes.Select(s => @"{""$ref"":""#/definitions/" + s + @"""}")) + "]}";
            string Shape(int i) => @"""shape" + i + @""":{""type"":""object"",""properties"":{""id"":{""type"":""" + (i == 0 ? changedIdType : "string")
                + @"""},""left"":" + union + @",""right"":" + union + "}}";
            return @"{""type"":""object"",""definitions"":{" + string.Join(",", Enumerable.Range(0, shapes.Length).Select(Shape))
                + @"},""properties"":{""root"":" + union + "}}";
        }

        [Fact]
        public void Mutually_recursive_definitions_terminate()
        {
            const string a = @"{""$ref"":""#/definitions/a"",""definitions"":{""a"":{""properties"":{""b"":{""$ref"":""#/definitions/b""}}},""b"":{""properties"":{""a"":{""$ref"":""#/definitions/a""},""n"":{""type"":""string""}}}}}";
            const string b = @"{""$ref"":""#/definitions/a"",""definitions"":{""a"":{""properties"":{""b"":{""$ref"":""#/definitions/b""}}},""b"":{""properties"":{""a"":{""$ref"":""#/definitions/a""},""n"":{""type"":""number""}}}}}";
            string[] changes = JsonDiffs.Changes(a, b);
            Assert.Contains("TYPE_CHANGED #/properties/b/properties/n", changes);
            Assert.All(changes, c => Assert.StartsWith("TYPE_CHANGED", c));
        }

        [Fact]
        public void Sibling_file_reference_resolves_inside_the_contracts_root()
        {
            Write("contracts/money.json", @"{""type"":""object"",""properties"":{""amount"":{""type"":""number""}},""required"":[""amount""]}");
            string v1 = Write("contracts/order.v1.json", @"{""type"":""object"",""properties"":{""total"":{""$ref"":""money.json""}}}");
            string v2 = Write("contracts/order.v2.json", @"{""type"":""object"",""properties"":{""total"":{""$ref"":""money.json#/properties/amount""}}}");
            var differences = JsonDiffs.Format.Diff(ParseFile(v1), ParseFile(v2), CompatibilityOptions.Default);
            Difference changed = Assert.Single(differences);
            Assert.Equal("TYPE_CHANGED #/properties/total", changed.ToString());
            // The referenced schema's position is in the referenced file.
            Assert.EndsWith("money.json", changed.OriginalLocation!.File);
        }

        [Theory]
        [InlineData("http://example.com/schemas/money.json")]
        [InlineData("https://example.com/schemas/money.json#/definitions/amount")]
        [InlineData("file:///etc/passwd")]
        [InlineData("/etc/passwd.json")]
        public void Remote_references_are_refused(string reference)
        {
            string text = "{\n  \"properties\": {\n    \"total\": { \"$ref\": \"" + reference + "\" }\n  }\n}";
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse(text, "order.json", new ContractsRootResolver(_root)));
            Assert.Contains("refused", e.Message);
            Assert.Contains(reference, e.Message);
            Assert.Equal("order.json", e.File);
            Assert.Equal(3, e.Line);
        }

        [Fact]
        public void File_reference_outside_the_contracts_root_is_refused()
        {
            Write("secret.json", @"{""type"":""string""}");
            string order = Write("contracts/order.json", @"{""properties"":{""s"":{""$ref"":""../secret.json""}}}");
            SchemaException e = Assert.Throws<SchemaException>(() => ParseFile(order));
            Assert.Contains("outside the contracts root", e.Message);
            Assert.Equal(order, e.File);
            Assert.Equal(1, e.Line);
        }

        [Fact]
        public void Registry_references_resolve_by_name()
        {
            var customer = new SchemaSource(@"{""type"":""object"",""properties"":{""name"":{""type"":""string""}}}", SchemaType.Json);
            var references = new InMemoryReferenceResolver(new System.Collections.Generic.Dictionary<string, SchemaSource> { ["customer.json"] = customer });
            ParsedSchema v1 = JsonDiffs.Parse(@"{""properties"":{""customer"":{""$ref"":""customer.json""}}}", "order.json", references);
            ParsedSchema v2 = JsonDiffs.Parse(@"{""properties"":{""customer"":{""$ref"":""customer.json#/properties/name""}}}", "order.json", references);
            Assert.Equal("TYPE_CHANGED #/properties/customer", Assert.Single(JsonDiffs.Format.Diff(v1, v2, CompatibilityOptions.Default)).ToString());
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse(@"{""$ref"":""address.json""}", "order.json", references));
            Assert.Contains("address.json", e.Message);
        }

        [Fact]
        public void Without_a_resolver_file_references_are_a_clear_error()
        {
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse(@"{""$ref"":""other.json""}"));
            Assert.Contains("other.json", e.Message);
        }

        [Fact]
        public void Unknown_local_reference_names_what_is_missing()
        {
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse("{\n\"properties\":{\"a\":{\"$ref\":\"#/definitions/missing\"}}}"));
            Assert.Contains("missing", e.Message);
            Assert.Equal(2, e.Line);
        }

        [Fact]
        public void Reference_cycle_that_never_reaches_a_schema_is_an_error()
        {
            const string cycle = @"{""$ref"":""#/definitions/a"",""definitions"":{""a"":{""$ref"":""#/definitions/b""},""b"":{""$ref"":""#/definitions/a""}}}";
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse(cycle));
            Assert.Contains("cycle", e.Message);
            Assert.Contains("#/definitions/a", e.Message);
        }

        [Fact]
        public void Self_reference_is_a_cycle()
        {
            SchemaException e = Assert.Throws<SchemaException>(() => JsonDiffs.Parse(@"{""$ref"":""#""}"));
            Assert.Contains("cycle", e.Message);
        }

        [Fact]
        public void Files_referencing_each_other_load_once()
        {
            Write("contracts/a.json", @"{""properties"":{""b"":{""$ref"":""b.json""},""x"":{""type"":""string""}}}");
            Write("contracts/b.json", @"{""properties"":{""a"":{""$ref"":""a.json""}}}");
            ParsedSchema parsed = ParseFile(Path.Combine(_root, "contracts", "a.json"));
            Assert.DoesNotContain(JsonDiffs.Format.Diff(parsed, parsed, CompatibilityOptions.Default), d => !d.IsCompatible);
        }

        [Fact]
        public void Reference_through_a_symbolic_link_inside_the_root_is_refused()
        {
            Write("outside/secret.json", @"{""type"":""string""}");
            Directory.CreateSymbolicLink(Path.Combine(_root, "contracts", "linked"), Path.Combine(_root, "outside"));
            string order = Write("contracts/order.json", @"{""properties"":{""s"":{""$ref"":""linked/secret.json""}}}");
            SchemaException e = Assert.Throws<SchemaException>(() => ParseFile(order));
            Assert.Contains("symbolic link", e.Message);
            Assert.Contains("linked", e.Message);
        }
    }
}
