using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Benchmarks
{
    /// <summary>Every case of the registry's JSON Schema corpus, parsed and compared.</summary>
    [MemoryDiagnoser]
    public class JsonSchemaCorpusBenchmarks
    {
        private readonly JsonSchemaFormat _format = new JsonSchemaFormat();
        private List<(string Original, string Update)> _cases = new List<(string, string)>();

        [GlobalSetup]
        public void Setup()
        {
            string dir = Path.Combine(JsonBenchmarkData.SharedCorpus(), "confluent", "json-schema");
            foreach (string file in new[] { "diff-schema-examples.json", "diff-combined-schema-examples.json" })
            {
                foreach (JToken c in JArray.Parse(File.ReadAllText(Path.Combine(dir, file))))
                    _cases.Add((c["original_schema"]!.ToString(), c["update_schema"]!.ToString()));
            }
        }

        [Benchmark]
        public int WholeCorpus()
        {
            int differences = 0;
            foreach ((string original, string update) in _cases)
            {
                ParsedSchema a = _format.Parse(new SchemaSource(original, SchemaType.Json));
                ParsedSchema b = _format.Parse(new SchemaSource(update, SchemaType.Json));
                differences += _format.Diff(a, b, CompatibilityOptions.Default).Count;
            }
            return differences;
        }
    }

    /// <summary>An object schema with N properties against an update that changes one, adds one and removes one.</summary>
    [MemoryDiagnoser]
    public class JsonSchemaSizeBenchmarks
    {
        private readonly JsonSchemaFormat _format = new JsonSchemaFormat();
        private string _originalText = "";
        private string _updateText = "";
        private ParsedSchema? _original;
        private ParsedSchema? _update;

        [Params(1000, 10000, 50000)]
        public int Properties { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _originalText = JsonBenchmarkData.ObjectWithProperties(Properties, changed: false);
            _updateText = JsonBenchmarkData.ObjectWithProperties(Properties, changed: true);
            _original = _format.Parse(new SchemaSource(_originalText, SchemaType.Json));
            _update = _format.Parse(new SchemaSource(_updateText, SchemaType.Json));
        }

        [Benchmark]
        public int Diff() => _format.Diff(_original!, _update!, CompatibilityOptions.Default).Count;

        [Benchmark]
        public ParsedSchema Parse() => _format.Parse(new SchemaSource(_updateText, SchemaType.Json));
    }

    /// <summary>An anyOf with N object branches against an update that changes one branch and adds one.</summary>
    [MemoryDiagnoser]
    public class JsonSchemaAnyOfBenchmarks
    {
        private readonly JsonSchemaFormat _format = new JsonSchemaFormat();
        private ParsedSchema? _original;
        private ParsedSchema? _update;

        [Params(20, 200)]
        public int Branches { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _original = _format.Parse(new SchemaSource(JsonBenchmarkData.AnyOf(Branches, changed: false), SchemaType.Json));
            _update = _format.Parse(new SchemaSource(JsonBenchmarkData.AnyOf(Branches, changed: true), SchemaType.Json));
        }

        [Benchmark]
        public int Diff() => _format.Diff(_original!, _update!, CompatibilityOptions.Default).Count;
    }

    internal static class JsonBenchmarkData
    {
        /// <summary>../shared/corpus beside the repository root (found by walking up to EventGovernance.sln).</summary>
        public static string SharedCorpus()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EventGovernance.sln")))
                {
                    string corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                    if (!Directory.Exists(corpus)) throw new DirectoryNotFoundException($"shared corpus not found at '{corpus}'");
                    return corpus;
                }
            }
            throw new DirectoryNotFoundException($"no EventGovernance.sln above '{AppContext.BaseDirectory}'");
        }

        public static string ObjectWithProperties(int count, bool changed)
        {
            var sb = new StringBuilder("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
            for (int i = 0; i < count; i++)
            {
                if (changed && i == count - 1) continue; // removed
                string type = changed && i == count / 2 ? "integer" : i % 3 == 0 ? "number" : "string";
                sb.Append($"\"p{i}\":{{\"type\":\"{type}\",\"description\":\"property {i}\"}},");
            }
            if (changed) sb.Append("\"added\":{\"type\":\"string\"},");
            sb.Length--;
            sb.Append("},\"required\":[\"p0\",\"p1\"]}");
            return sb.ToString();
        }

        public static string AnyOf(int branches, bool changed)
        {
            var sb = new StringBuilder("{\"anyOf\":[");
            int total = changed ? branches + 1 : branches;
            for (int i = 0; i < total; i++)
            {
                int maxLength = changed && i == branches / 2 ? 10 : 20;
                sb.Append($"{{\"type\":\"object\",\"properties\":{{\"kind\":{{\"const\":\"k{i}\"}},\"v{i}\":{{\"type\":\"string\",\"maxLength\":{maxLength}}}}},\"required\":[\"kind\"]}},");
            }
            sb.Length--;
            sb.Append("]}");
            return sb.ToString();
        }
    }
}
