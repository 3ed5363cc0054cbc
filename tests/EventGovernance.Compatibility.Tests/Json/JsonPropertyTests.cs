using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using EventGovernance.Compatibility.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Tests.Json
{
    /// <summary>Random documents and mutated corpus schemas: the engine answers or refuses cleanly, and self-comparison is compatible.</summary>
    public class JsonPropertyTests
    {
        private static readonly string[] Keywords =
        {
            "type", "properties", "required", "additionalProperties", "patternProperties", "items", "prefixItems", "additionalItems",
            "enum", "const", "allOf", "anyOf", "oneOf", "not", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "dependencies",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "$ref", "$defs", "definitions",
            "title", "description", "default", "$id", "if", "then", "else", "minProperties", "maxProperties",
        };

        private static readonly string[] Words = { "string", "number", "integer", "object", "array", "boolean", "null", "a", "b", "#", "#/definitions/a", "#/$defs/a", "^x_" };

        /// <summary>Random JSON values biased towards schema keywords, so that many are (nearly) schemas.</summary>
        private static readonly Gen<JToken> Json = Gen.Recursive<JToken>((depth, self) =>
        {
            Gen<JToken> leaf = Gen.OneOf(
                Gen.Int[-3, 20].Select(i => (JToken)new JValue(i)),
                Gen.Double[-5, 5].Select(d => (JToken)new JValue(Math.Round(d, 2))),
                Gen.Bool.Select(b => (JToken)new JValue(b)),
                Gen.OneOfConst(Words).Select(s => (JToken)new JValue(s)),
                Gen.Const((JToken)JValue.CreateNull()));
            if (depth >= 4) return leaf;
            Gen<JToken> array = self.Array[0, 3].Select(items => (JToken)new JArray(items));
            Gen<JToken> obj = Gen.Select(Gen.OneOf(Gen.OneOfConst(Keywords), Gen.OneOfConst(Words)), self).Array[0, 4]
                .Select(pairs =>
                {
                    var o = new JObject();
                    foreach ((string key, JToken value) in pairs) o[key] = value;
                    return (JToken)o;
                });
            return Gen.Frequency((2, leaf), (1, array), (4, obj));
        });

        /// <summary>Parses and compares, failing on anything but a verdict or a <see cref="SchemaException"/>.</summary>
        private static IReadOnlyList<Difference>? DiffOrRefuse(string original, string update, JsonCompatibilityPolicy policy = JsonCompatibilityPolicy.Strict)
        {
            try
            {
                return JsonDiffs.Diff(original, update, policy);
            }
            catch (SchemaException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Problem));
                return null;
            }
        }

        [Fact]
        public void Random_documents_get_a_verdict_or_a_schema_exception()
        {
            Gen.Select(Json, Json).Sample((a, b) =>
            {
                DiffOrRefuse(a.ToString(Formatting.None), b.ToString(Formatting.None));
                DiffOrRefuse(a.ToString(Formatting.None), b.ToString(Formatting.None), JsonCompatibilityPolicy.Lenient);
            }, iter: Fuzz.Iterations(3000), seed: Fuzz.Seed);
        }

        [Fact]
        public void Any_schema_compared_with_itself_is_compatible()
        {
            Json.Sample(a =>
            {
                string text = a.ToString(Formatting.Indented);
                IReadOnlyList<Difference>? differences = DiffOrRefuse(text, text);
                if (differences == null) return;
                Assert.True(differences.All(d => d.IsCompatible), string.Join(", ", differences));
            }, iter: Fuzz.Iterations(3000), seed: Fuzz.Seed);
        }

        private static readonly JToken[] CorpusSchemas = ConfluentJsonCorpus.All
            .SelectMany(c => new[] { JToken.Parse(c.Original), JToken.Parse(c.Update) }).ToArray();

        /// <summary>A corpus schema with one node replaced, removed or duplicated at random.</summary>
        private static readonly Gen<JToken> MutatedCorpusSchema =
            Gen.Select(Gen.Int[0, CorpusSchemas.Length - 1], Gen.Int[0, 1000], Json, Gen.Int[0, 2])
                .Select(t =>
                {
                    (int which, int position, JToken replacement, int operation) = t;
                    JToken schema = CorpusSchemas[which].DeepClone();
                    List<JToken> nodes = (schema is JContainer c ? c.DescendantsAndSelf() : new[] { schema }).Where(n => n.Parent != null && !(n is JProperty)).ToList();
                    if (nodes.Count == 0) return replacement;
                    JToken target = nodes[position % nodes.Count];
                    switch (operation)
                    {
                        case 0:
                            target.Replace(replacement);
                            break;
                        case 1:
                            if (target.Parent is JProperty p) p.Remove();
                            else if (target.Parent is JArray) target.Remove();
                            break;
                        default:
                            if (target.Parent is JArray arr) arr.Add(target.DeepClone());
                            else if (target is JObject o) o["extra"] = replacement;
                            break;
                    }
                    return schema;
                });

        [Fact]
        public void Mutated_corpus_schemas_get_a_verdict_or_a_schema_exception()
        {
            Gen.Select(MutatedCorpusSchema, MutatedCorpusSchema).Sample((a, b) =>
            {
                string original = a.ToString(Formatting.None);
                string update = b.ToString(Formatting.None);
                DiffOrRefuse(original, update);
                IReadOnlyList<Difference>? self = DiffOrRefuse(original, original);
                if (self != null) Assert.True(self.All(d => d.IsCompatible), string.Join(", ", self));
            }, iter: Fuzz.Iterations(3000), seed: Fuzz.Seed);
        }

        [Fact]
        public void Every_corpus_schema_is_compatible_with_itself_and_has_no_breaking_difference()
        {
            foreach (JToken schema in CorpusSchemas)
            {
                string text = schema.ToString();
                Assert.DoesNotContain(JsonDiffs.Diff(text, text), d => !d.IsCompatible);
            }
        }
    }
}
