using CsCheck;
using EventGovernance.Compatibility;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static EventGovernance.Compatibility.Tests.Avro.AvroTestSchemas;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>Properties over generated schemas and inputs.</summary>
public sealed class AvroPropertyTests
{
    private const long Iterations = 400;

    private static readonly string[] Primitives = { "null", "boolean", "int", "long", "float", "double", "bytes", "string" };

    /// <summary>The Avro specification's promotions, reader ← writer. Nothing else between different primitives resolves.</summary>
    private static readonly HashSet<(string Reader, string Writer)> Promotions = new()
    {
        ("long", "int"), ("float", "int"), ("float", "long"), ("double", "int"), ("double", "long"), ("double", "float"),
        ("string", "bytes"), ("bytes", "string"),
    };

    [Fact]
    public void A_random_schema_is_compatible_with_itself()
    {
        SchemaShapes.Schema.Sample(shape =>
        {
            string text = shape.Render();
            ParsedSchema once = Parse(text, "a.avsc");
            ParsedSchema again = Parse(text, "b.avsc");
            Assert.Empty(SchemaFormats.Avro.Diff(once, again, CompatibilityOptions.Default));
            Assert.Empty(SchemaFormats.Avro.Diff(once, once, CompatibilityOptions.Default));
        }, iter: Fuzz.Iterations(Iterations), seed: Fuzz.Seed, threads: 1, print: s => s.Render());
    }

    [Fact]
    public void Promotions_hold_in_the_documented_direction_only()
    {
        Gen<(string Reader, string Writer, int Context)> pairs =
            Gen.Select(Gen.OneOfConst(Primitives), Gen.OneOfConst(Primitives), Gen.Int[0, 4]);
        pairs.Sample(p =>
        {
            bool expected = p.Reader == p.Writer || Promotions.Contains((p.Reader, p.Writer));
            bool actual = CanRead(InContext(p.Reader, p.Context), InContext(p.Writer, p.Context));
            Assert.True(expected == actual, $"reader {p.Reader} / writer {p.Writer} in context {p.Context}: expected {expected}");
        }, iter: Fuzz.Iterations(Iterations), seed: Fuzz.Seed, threads: 1);

        // And the engine really distinguishes the directions: every one-way promotion fails reversed.
        foreach ((string reader, string writer) in Promotions.Where(p => !Promotions.Contains((p.Writer, p.Reader))))
            Assert.False(CanRead(InContext(writer, 0), InContext(reader, 0)), $"{writer} must not read {reader}");
    }

    /// <summary>A primitive placed where resolution recurses: alone, as a record field, array items, map values, a one-branch union.</summary>
    private static string InContext(string primitive, int context)
    {
        string p = JsonConvert.ToString(primitive);
        return context switch
        {
            0 => p,
            1 => $"{{\"type\": \"record\", \"name\": \"R\", \"fields\": [{{\"name\": \"f\", \"type\": {p}}}]}}",
            2 => $"{{\"type\": \"array\", \"items\": {p}}}",
            3 => $"{{\"type\": \"map\", \"values\": {p}}}",
            _ => $"[{p}]",
        };
    }

    [Fact]
    public void Random_json_never_throws_anything_but_schema_exception()
    {
        RandomJson.Token.Sample(token =>
        {
            string text = token.ToString(Formatting.None);
            CheckOnlySchemaExceptions(text, "{\"type\": \"record\", \"name\": \"R\", \"fields\": []}");
            CheckOnlySchemaExceptions(text, text);
        }, iter: Fuzz.Iterations(Iterations * 2), seed: Fuzz.Seed, threads: 1, print: t => t.ToString(Formatting.None));
    }

    [Fact]
    public void Mutated_corpus_schemas_never_throw_anything_but_schema_exception()
    {
        List<JToken> schemas = AvroCorpus.Pairs.SelectMany(p => new[] { p.Reader, p.Writer }).ToList();
        Gen<(int Schema, int Mutation, int Target, int Seed)> mutations =
            Gen.Select(Gen.Int[0, schemas.Count - 1], Gen.Int[0, Mutator.Count - 1], Gen.Int[0, 10_000], Gen.Int[0, 10_000]);
        mutations.Sample(m =>
        {
            JToken original = schemas[m.Schema];
            string mutated = Mutator.Apply(original, m.Mutation, m.Target, m.Seed);
            CheckOnlySchemaExceptions(mutated, original.ToString(Formatting.None));
        }, iter: Fuzz.Iterations(Iterations * 3), seed: Fuzz.Seed, threads: 1, print: m => Mutator.Apply(schemas[m.Schema], m.Mutation, m.Target, m.Seed));
    }

    /// <summary>Parses both texts and diffs both ways; a SchemaException is fine, anything else fails.</summary>
    private static void CheckOnlySchemaExceptions(string text, string other)
    {
        try
        {
            ParsedSchema a = Parse(text, "mutated.avsc");
            ParsedSchema b = Parse(other, "other.avsc");
            SchemaFormats.Avro.Diff(a, b, CompatibilityOptions.Default);
            SchemaFormats.Avro.Diff(b, a, CompatibilityOptions.Default);
            SchemaFormats.Avro.Diff(a, a, CompatibilityOptions.Default);
        }
        catch (SchemaException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Problem));
            Assert.StartsWith(e.File ?? "<schema>", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Generated schema trees, rendered to .avsc text with fresh names.</summary>
    private abstract record SchemaShapes
    {
        public static readonly Gen<SchemaShapes> Schema = Shape(3);

        private static Gen<SchemaShapes> Shape(int depth)
        {
            Gen<SchemaShapes> primitive = Gen.OneOfConst(Primitives).Select(p => (SchemaShapes)new Prim(p));
            Gen<SchemaShapes> enumeration = Gen.Select(Gen.Int[1, 5], Gen.Bool).Select(e => (SchemaShapes)new Enum(e.Item1, e.Item2));
            Gen<SchemaShapes> fixedType = Gen.Int[0, 32].Select(s => (SchemaShapes)new Fixed(s));
            if (depth == 0) return Gen.Frequency((6, primitive), (1, enumeration), (1, fixedType));

            Gen<SchemaShapes> child = Shape(depth - 1);
            Gen<SchemaShapes> record = Gen.Select(child, Gen.Bool).List[0, 4].Select(fs => (SchemaShapes)new Record(fs));
            Gen<SchemaShapes> array = child.Select(c => (SchemaShapes)new Array(c));
            Gen<SchemaShapes> map = child.Select(c => (SchemaShapes)new Map(c));
            Gen<SchemaShapes> union = Gen.Select(Gen.Bool.Array[Primitives.Length], Gen.Bool, child)
                .Select(u => (SchemaShapes)new Union(
                    Primitives.Where((_, i) => u.Item1[i]).ToList(),
                    u.Item2 && u.Item3 is not Union && u.Item3 is not Prim ? u.Item3 : null));
            return Gen.Frequency((3, primitive), (1, enumeration), (1, fixedType), (3, record), (1, array), (1, map), (2, union));
        }

        public string Render()
        {
            int counter = 0;
            return ToJson(ref counter).ToString(Formatting.Indented);
        }

        protected abstract JToken ToJson(ref int counter);

        /// <summary>A default that fits the type, or null when none is simple to write.</summary>
        public virtual JToken? Default => null;

        private sealed record Prim(string Name) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter) => Name;

            public override JToken? Default => Name switch
            {
                "null" => JValue.CreateNull(),
                "boolean" => false,
                "int" or "long" => 0,
                "float" or "double" => 0.5,
                _ => "",
            };
        }

        private sealed record Enum(int Symbols, bool WithDefault) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter)
            {
                var e = new JObject { ["type"] = "enum", ["name"] = "E" + counter++, ["symbols"] = new JArray(Enumerable.Range(0, Symbols).Select(i => "S" + i)) };
                if (WithDefault) e["default"] = "S0";
                return e;
            }

            public override JToken? Default => "S0";
        }

        private sealed record Fixed(int Size) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter) => new JObject { ["type"] = "fixed", ["name"] = "F" + counter++, ["size"] = Size };
        }

        private sealed record Record(List<(SchemaShapes Type, bool WithDefault)> Fields) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter)
            {
                var record = new JObject { ["type"] = "record", ["name"] = "R" + counter++, ["namespace"] = "ns" + (counter % 3) };
                var fields = new JArray();
                for (int i = 0; i < Fields.Count; i++)
                {
                    var field = new JObject { ["name"] = "f" + i, ["type"] = Fields[i].Type.ToJson(ref counter) };
                    if (Fields[i].WithDefault && Fields[i].Type.Default is JToken d) field["default"] = d;
                    fields.Add(field);
                }
                record["fields"] = fields;
                return record;
            }
        }

        private sealed record Array(SchemaShapes Items) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter) => new JObject { ["type"] = "array", ["items"] = Items.ToJson(ref counter) };

            public override JToken? Default => new JArray();
        }

        private sealed record Map(SchemaShapes Values) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter) => new JObject { ["type"] = "map", ["values"] = Values.ToJson(ref counter) };

            public override JToken? Default => new JObject();
        }

        private sealed record Union(List<string> PrimitiveBranches, SchemaShapes? Other) : SchemaShapes
        {
            protected override JToken ToJson(ref int counter)
            {
                var union = new JArray(PrimitiveBranches.Select(p => (object)p));
                // A second array or map would repeat a type the union may hold once; the primitives are already distinct.
                if (Other != null) union.Add(Other.ToJson(ref counter));
                return union;
            }

            public override JToken? Default => PrimitiveBranches.Count > 0 ? new Prim(PrimitiveBranches[0]).Default : null;
        }
    }

    /// <summary>Arbitrary JSON, biased towards Avro's keywords so the parser goes deep.</summary>
    private static class RandomJson
    {
        private static readonly string[] Words =
        {
            "type", "name", "namespace", "fields", "symbols", "items", "values", "size", "default", "aliases", "record", "enum",
            "fixed", "array", "map", "error", "int", "long", "string", "null", "boolean", "bytes", "float", "double", "A", "a.b.C", "", "1x", "R",
        };

        public static readonly Gen<JToken> Token = Build(4);

        private static Gen<JToken> Build(int depth)
        {
            Gen<JToken> scalar = Gen.Frequency(
                (4, Gen.OneOfConst(Words).Select(w => (JToken)w)),
                (1, Gen.Int.Select(i => (JToken)i)),
                (1, Gen.Double.Select(d => (JToken)(double.IsFinite(d) ? d : 0.5))),
                (1, Gen.Bool.Select(b => (JToken)b)),
                (1, Gen.Const(() => (JToken)JValue.CreateNull())),
                (1, Gen.String.Select(s => (JToken)s)));
            if (depth == 0) return scalar;
            Gen<JToken> child = Build(depth - 1);
            Gen<JToken> array = child.List[0, 4].Select(items => (JToken)new JArray(items));
            Gen<JToken> obj = Gen.Select(Gen.OneOfConst(Words), child).List[0, 5].Select(props =>
            {
                var o = new JObject();
                foreach ((string key, JToken value) in props) o[key] = value;
                return (JToken)o;
            });
            return Gen.Frequency((2, scalar), (2, array), (3, obj));
        }
    }

    /// <summary>Small edits of a valid schema: the kinds of mistakes people make while editing.</summary>
    private static class Mutator
    {
        public const int Count = 6;

        private static readonly JToken[] Replacements =
        {
            "int", "Missing", "record", 7, -1, 3.5, true, JValue.CreateNull(), new JArray(), new JObject(), new JArray("int", "int"),
            new JObject { ["type"] = "fixed", ["name"] = "F" }, "", "9bad",
        };

        private static List<JToken> AllTokens(JToken root) =>
            root is JContainer container ? container.DescendantsAndSelf().ToList() : new List<JToken> { root };

        public static string Apply(JToken schema, int mutation, int target, int seed)
        {
            JToken copy = schema.DeepClone();
            List<JToken> nodes = AllTokens(copy);
            JToken node = nodes[target % nodes.Count];
            switch (mutation)
            {
                case 0: // drop a property
                    List<JProperty> props = AllTokens(copy).OfType<JProperty>().ToList();
                    if (props.Count > 0) props[target % props.Count].Remove();
                    break;
                case 1: // replace a value
                    if (node.Parent != null && node is not JProperty) node.Replace(Replacements[seed % Replacements.Length].DeepClone());
                    break;
                case 2: // duplicate an array element (fields, symbols, union branches)
                    if (node.Parent is JArray parent) parent.Add(node.DeepClone());
                    break;
                case 3: // cut the text short
                    string text = copy.ToString(Formatting.None);
                    return text.Substring(0, target % (text.Length + 1));
                case 4: // change one character
                    string t = copy.ToString(Formatting.None);
                    if (t.Length == 0) return t;
                    char[] chars = t.ToCharArray();
                    const string noise = "{}[]\":,aZ0 .\\";
                    chars[target % chars.Length] = noise[seed % noise.Length];
                    return new string(chars);
                default: // swap a value for a copy of another node (self-nesting, misplaced types)
                    JToken other = nodes[seed % nodes.Count];
                    if (node.Parent != null && node is not JProperty && other is not JProperty) node.Replace(other.DeepClone());
                    break;
            }
            return copy.ToString(Formatting.None);
        }
    }
}
