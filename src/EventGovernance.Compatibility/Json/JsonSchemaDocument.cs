using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>The JSON Schema drafts the engine reads; they differ in a few keywords.</summary>
    internal enum JsonSchemaDraft
    {
        Draft4 = 4,
        Draft6 = 6,
        Draft7 = 7,
        Draft201909 = 2019,
        Draft202012 = 2020,
    }

    /// <summary>One schema file: its JSON (with line info), its draft and where it came from.</summary>
    internal sealed class JsonSchemaDocument
    {
        /// <summary>Deepest JSON nesting accepted; real schemas stay far below it and it keeps recursion bounded.</summary>
        public const int MaxNesting = 128;

        private JsonSchemaDocument(SchemaSource source, JToken root, JsonSchemaDraft draft, Uri baseUri)
        {
            Source = source;
            Root = root;
            Draft = draft;
            BaseUri = baseUri;
        }

        public SchemaSource Source { get; }
        public string? File => Source.Path;
        public JToken Root { get; }
        public JsonSchemaDraft Draft { get; }

        /// <summary>The URI the document's relative identifiers resolve against before its own <c>$id</c>.</summary>
        public Uri BaseUri { get; }

        /// <summary>The base URI in force at each schema object that changes it (by <c>$id</c>).</summary>
        public Dictionary<JToken, Uri> BaseOf { get; } = new Dictionary<JToken, Uri>(ReferenceComparer<JToken>.Instance);

        public SchemaException Error(JToken? at, string problem)
        {
            SourceLocation? where = JsonValues.Locate(at, File);
            return new SchemaException(File, where?.Line ?? 0, where?.Column ?? 0, problem);
        }

        /// <summary>The base URI in force at a token: the nearest enclosing <c>$id</c>, else the document's.</summary>
        public Uri BaseAt(JToken token)
        {
            for (JToken? t = token; t != null; t = t.Parent)
                if (BaseOf.TryGetValue(t, out Uri? found)) return found;
            return BaseUri;
        }

        /// <summary>Reads the JSON of a schema source, turning every reader failure into a <see cref="SchemaException"/>.</summary>
        public static JsonSchemaDocument Read(SchemaSource source, int ordinal)
        {
            JToken root = JsonText.Load(source.Text, source.Path, MaxNesting, "a JSON Schema (an object or a boolean)");

            if (root.Type != JTokenType.Object && root.Type != JTokenType.Boolean)
            {
                SourceLocation? where = JsonValues.Locate(root, source.Path);
                throw new SchemaException(source.Path, where?.Line ?? 0, where?.Column ?? 0, $"not a JSON Schema: the document is a JSON {Describe(root)}, expected an object or a boolean");
            }

            JsonSchemaDraft draft = JsonSchemaDraft.Draft7;
            if (root is JObject o && o.Property("$schema")?.Value is JToken declared)
            {
                if (declared.Type != JTokenType.String)
                    throw Located(source, declared, "\"$schema\" must be a string naming the draft");
                draft = DraftOf((string)declared!);
            }
            string name = source.Path == null ? "schema.json" : Path.GetFileName(source.Path);
            var baseUri = new Uri($"urn-eventgov://schema{ordinal}/{Uri.EscapeDataString(name)}");
            return new JsonSchemaDocument(source, root, draft, baseUri);
        }

        private static SchemaException Located(SchemaSource source, JToken at, string problem)
        {
            SourceLocation? where = JsonValues.Locate(at, source.Path);
            return new SchemaException(source.Path, where?.Line ?? 0, where?.Column ?? 0, problem);
        }

        /// <summary>The draft a <c>$schema</c> URI names; unknown ones are read as draft 7 (the registry's default).</summary>
        private static JsonSchemaDraft DraftOf(string uri)
        {
            if (uri.IndexOf("draft-04", StringComparison.OrdinalIgnoreCase) >= 0) return JsonSchemaDraft.Draft4;
            if (uri.IndexOf("draft-06", StringComparison.OrdinalIgnoreCase) >= 0) return JsonSchemaDraft.Draft6;
            if (uri.IndexOf("2019-09", StringComparison.OrdinalIgnoreCase) >= 0) return JsonSchemaDraft.Draft201909;
            if (uri.IndexOf("2020-12", StringComparison.OrdinalIgnoreCase) >= 0) return JsonSchemaDraft.Draft202012;
            return JsonSchemaDraft.Draft7;
        }

        public static string Describe(JToken token) => token.Type switch
        {
            JTokenType.Object => "object",
            JTokenType.Array => "array",
            JTokenType.Integer => "number",
            JTokenType.Float => "number",
            JTokenType.String => "string",
            JTokenType.Boolean => "boolean",
            JTokenType.Null => "null",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Compares by reference: JSON tokens and schema nodes are identities here, not values.</summary>
    internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
    {
        public static ReferenceComparer<T> Instance { get; } = new ReferenceComparer<T>();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
