using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>One of the registry's own JSON Schema diff cases from ../shared/corpus/confluent/json-schema.</summary>
    public sealed class ConfluentJsonCase
    {
        public ConfluentJsonCase(string file, int index, JObject json)
        {
            File = file;
            Index = index;
            Description = (string)json["description"]!;
            Original = json["original_schema"]!.ToString();
            Update = json["update_schema"]!.ToString();
            Changes = json["changes"]!.Select(c => (string)c!).ToList();
            Compatible = (bool)json["compatible"]!;
            CompatibleLenient = json["compatible_lenient"] is JToken lenient ? (bool)lenient! : Compatible;
        }

        public string File { get; }
        public int Index { get; }
        public string Description { get; }
        public string Original { get; }
        public string Update { get; }
        public IReadOnlyList<string> Changes { get; }
        public bool Compatible { get; }
        public bool CompatibleLenient { get; }

        public IReadOnlyList<Difference> Diff(JsonCompatibilityPolicy policy)
        {
            var format = new JsonSchemaFormat();
            ParsedSchema original = format.Parse(new SchemaSource(Original, SchemaType.Json, $"{File}#{Index}/original_schema"));
            ParsedSchema update = format.Parse(new SchemaSource(Update, SchemaType.Json, $"{File}#{Index}/update_schema"));
            return format.Diff(original, update, new CompatibilityOptions { JsonPolicy = policy });
        }

        public override string ToString() => $"{Description} ({File}#{Index})";
    }

    public static class ConfluentJsonCorpus
    {
        public static readonly string[] Files = { "diff-schema-examples.json", "diff-combined-schema-examples.json" };

        public static IReadOnlyList<ConfluentJsonCase> All { get; } = Load();

        private static IReadOnlyList<ConfluentJsonCase> Load()
        {
            var cases = new List<ConfluentJsonCase>();
            foreach (string file in Files)
            {
                string path = RepositoryPaths.CorpusFile("confluent", "json-schema", file);
                var array = JArray.Parse(System.IO.File.ReadAllText(path));
                for (int i = 0; i < array.Count; i++) cases.Add(new ConfluentJsonCase(Path.GetFileNameWithoutExtension(file), i, (JObject)array[i]));
            }
            return cases;
        }
    }
}
