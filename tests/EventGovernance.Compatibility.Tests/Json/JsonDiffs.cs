using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility.Json;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Short ways to parse and compare JSON schemas in tests.</summary>
    internal static class JsonDiffs
    {
        public static readonly JsonSchemaFormat Format = new JsonSchemaFormat();

        public static ParsedSchema Parse(string text, string path = "schema.json", IReferenceResolver? references = null) =>
            Format.Parse(new SchemaSource(text, SchemaType.Json, path, references));

        public static IReadOnlyList<Difference> Diff(string original, string update, JsonCompatibilityPolicy policy = JsonCompatibilityPolicy.Strict) =>
            Format.Diff(Parse(original, "original.json"), Parse(update, "update.json"), new CompatibilityOptions { JsonPolicy = policy });

        /// <summary>The differences as "TYPE #/path" strings, sorted.</summary>
        public static string[] Changes(string original, string update, JsonCompatibilityPolicy policy = JsonCompatibilityPolicy.Strict) =>
            Diff(original, update, policy).Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        public static bool Compatible(string original, string update, JsonCompatibilityPolicy policy = JsonCompatibilityPolicy.Strict) =>
            Diff(original, update, policy).All(d => d.IsCompatible);

        public static SchemaSource Source(string text, string path = "schema.json") => new SchemaSource(text, SchemaType.Json, path);
    }
}
