using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Reads JSON Schema documents (drafts 4 to 2020-12) into the normalised model and resolves every
    /// <c>$ref</c>: inside the document (JSON pointers, <c>$id</c> and anchors), and to other files only
    /// through the source's <see cref="IReferenceResolver"/>. Nothing remote is ever fetched.
    /// </summary>
    internal sealed class JsonSchemaLoader
    {
        private static readonly string[] ObjectKeywords =
        {
            "properties", "required", "minProperties", "maxProperties", "dependencies", "patternProperties",
            "additionalProperties", "propertyNames", "dependentRequired", "dependentSchemas", "unevaluatedProperties",
        };

        private static readonly string[] ArrayKeywords =
        {
            "items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains", "prefixItems",
            "unevaluatedItems", "minContains", "maxContains",
        };

        private static readonly string[] NumberKeywords = { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" };

        private static readonly string[] StringKeywords = { "minLength", "maxLength", "pattern", "format" };

        /// <summary>Values that are data, not schemas: never searched for identifiers.</summary>
        private static readonly HashSet<string> DataKeywords = new HashSet<string> { "enum", "const", "default", "examples" };

        private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

        private readonly Dictionary<JToken, JsonSchemaNode> _built = new Dictionary<JToken, JsonSchemaNode>(ReferenceComparer<JToken>.Instance);
        private readonly Dictionary<string, (JsonSchemaDocument Doc, JToken Token)> _identified = new Dictionary<string, (JsonSchemaDocument, JToken)>(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonSchemaDocument> _external = new Dictionary<string, JsonSchemaDocument>(StringComparer.Ordinal);
        private readonly List<ReferenceSchemaNode> _references = new List<ReferenceSchemaNode>();
        private int _documents;

        /// <summary>Parses a schema source into its normalised root, with every reference resolved.</summary>
        public static JsonSchemaNode Load(SchemaSource source)
        {
            var loader = new JsonSchemaLoader();
            JsonSchemaDocument document = loader.AddDocument(source);
            JsonSchemaNode root = loader.Build(document.Root, document);
            loader.ResolveReferences();
            return root;
        }

        private JsonSchemaDocument AddDocument(SchemaSource source)
        {
            JsonSchemaDocument document = JsonSchemaDocument.Read(source, _documents++);
            Register(WithoutFragment(document.BaseUri), document, document.Root);
            CollectIdentifiers(document, document.Root, document.BaseUri, 0);
            return document;
        }

        /// <summary>Records every <c>$id</c> and anchor so references can find them, and the base URI each sets.</summary>
        private void CollectIdentifiers(JsonSchemaDocument doc, JToken token, Uri baseUri, int depth)
        {
            if (token is JObject o)
            {
                Uri here = baseUri;
                string? id = IdOf(o, doc.Draft);
                if (id != null)
                {
                    if (id.StartsWith("#", StringComparison.Ordinal))
                    {
                        // Drafts 6 and 7 spell a plain-name anchor as "$id": "#name".
                        Register(WithoutFragment(baseUri) + id, doc, o);
                    }
                    else
                    {
                        here = ResolveUri(doc, o.Property(doc.Draft == JsonSchemaDraft.Draft4 ? "id" : "$id")!.Value, baseUri, id);
                        doc.BaseOf[o] = here;
                        Register(WithoutFragment(here), doc, o);
                    }
                }
                if (o.Property("$anchor")?.Value is JValue anchor && anchor.Type == JTokenType.String)
                    Register(WithoutFragment(here) + "#" + (string)anchor!, doc, o);
                if (o.Property("$dynamicAnchor")?.Value is JValue dynamicAnchor && dynamicAnchor.Type == JTokenType.String)
                    Register(WithoutFragment(here) + "#" + (string)dynamicAnchor!, doc, o);
                foreach (JProperty p in o.Properties())
                    if (!DataKeywords.Contains(p.Name)) CollectIdentifiers(doc, p.Value, here, depth + 1);
            }
            else if (token is JArray a)
            {
                foreach (JToken item in a) CollectIdentifiers(doc, item, baseUri, depth + 1);
            }
        }

        private void Register(string uri, JsonSchemaDocument doc, JToken token)
        {
            if (!_identified.ContainsKey(uri)) _identified[uri] = (doc, token);
        }

        private static string? IdOf(JObject o, JsonSchemaDraft draft)
        {
            JToken? id = o.Property(draft == JsonSchemaDraft.Draft4 ? "id" : "$id")?.Value;
            return id != null && id.Type == JTokenType.String ? (string)id! : null;
        }

        private static Uri ResolveUri(JsonSchemaDocument doc, JToken at, Uri baseUri, string reference)
        {
            try
            {
                return new Uri(baseUri, reference);
            }
            catch (UriFormatException)
            {
                throw doc.Error(at, $"'{reference}' is not a valid URI reference");
            }
        }

        private static string WithoutFragment(Uri uri)
        {
            string text = uri.OriginalString.Length > 0 && uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.ToString();
            int hash = text.IndexOf('#');
            return hash >= 0 ? text.Substring(0, hash) : text;
        }

        private JsonSchemaNode Build(JToken token, JsonSchemaDocument doc)
        {
            if (_built.TryGetValue(token, out JsonSchemaNode? done)) return done;
            JsonSchemaNode node = BuildUncached(token, doc);
            _built[token] = node;
            return node;
        }

        private JsonSchemaNode BuildUncached(JToken token, JsonSchemaDocument doc)
        {
            if (token.Type == JTokenType.Boolean)
            {
                return (bool)token!
                    ? new SimpleSchemaNode(JsonSchemaKind.Empty, token, doc) { IsTrueLiteral = true }
                    : new SimpleSchemaNode(JsonSchemaKind.False, token, doc);
            }
            if (!(token is JObject o))
                throw doc.Error(token, $"not a JSON Schema: expected an object or a boolean, found a {JsonSchemaDocument.Describe(token)}");

            var parts = new List<JsonSchemaNode>();
            if (o.Property("$ref") is JProperty reference)
            {
                if (reference.Value.Type != JTokenType.String)
                    throw doc.Error(reference.Value, "\"$ref\" must be a string");
                var refNode = new ReferenceSchemaNode(o, doc, (string)reference.Value!);
                _references.Add(refNode);
                // Before 2019-09 a $ref replaces its siblings; from 2019-09 on they apply alongside it.
                if (doc.Draft < JsonSchemaDraft.Draft201909)
                    return refNode;
                parts.Add(refNode);
            }

            if (o.Property("enum") is JProperty enumProperty)
            {
                if (!(enumProperty.Value is JArray values))
                    throw doc.Error(enumProperty.Value, "\"enum\" must be an array of values");
                parts.Add(new EnumSchemaNode(o, doc, new HashSet<string>(values.Select(JsonValues.Canonical), StringComparer.Ordinal)));
            }
            foreach (string criterion in new[] { CombinedSchemaNode.AllOf, CombinedSchemaNode.AnyOf, CombinedSchemaNode.OneOf })
            {
                if (o.Property(criterion) is JProperty combined)
                {
                    // The registry accepts an empty list (the meta-schema's minItems is not enforced when loading), so it is read as written.
                    if (!(combined.Value is JArray branches))
                        throw doc.Error(combined.Value, $"\"{criterion}\" must be an array of schemas");
                    parts.Add(new CombinedSchemaNode(o, doc, criterion, branches.Select(b => Build(b, doc)).ToList(), synthetic: false));
                }
            }
            if (o.Property("not") is JProperty not)
                parts.Add(new NotSchemaNode(o, doc, Build(not.Value, doc)));
            if (o.Property("const") is JProperty constant)
                parts.Add(new ConstSchemaNode(o, doc, JsonValues.Canonical(constant.Value)));

            if (o.Property("type") is JProperty type)
            {
                parts.Add(BuildTyped(o, doc, type.Value));
            }
            else
            {
                // Without "type", the keywords present say which kinds of value are constrained.
                if (HasAny(o, ArrayKeywords, doc)) parts.Add(BuildArray(o, doc));
                if (HasAny(o, ObjectKeywords, doc)) parts.Add(BuildObject(o, doc));
                if (HasAny(o, NumberKeywords, doc)) parts.Add(BuildNumber(o, doc, requiresInteger: false));
                if (HasAny(o, StringKeywords, doc)) parts.Add(BuildString(o, doc));
            }
            if (o.Property("if") != null)
                parts.Add(new SimpleSchemaNode(JsonSchemaKind.Conditional, o, doc));

            JsonSchemaNode result = parts.Count switch
            {
                0 => new SimpleSchemaNode(JsonSchemaKind.Empty, o, doc),
                1 => parts[0],
                _ => new CombinedSchemaNode(o, doc, CombinedSchemaNode.AllOf, parts, synthetic: true),
            };
            ReadAnnotations(o, doc, result);
            return result;
        }

        private static bool HasAny(JObject o, string[] keywords, JsonSchemaDocument doc)
        {
            foreach (string k in keywords)
                if (o.Property(k) is JProperty p && GivesKind(doc, p)) return true;
            return false;
        }

        private static bool GivesKind(JsonSchemaDocument doc, JProperty keyword)
        {
            if (!IsKeyword(doc, keyword.Name)) return false;
            if (IsModern(doc)) return ConstrainsInModernDraft(keyword);
            // Older drafts keep the contains limits only as extra data, compared on array schemas but saying nothing of the kind.
            return keyword.Name != "minContains" && keyword.Name != "maxContains";
        }

        /// <summary>
        /// Keywords one vocabulary has and the other lacks: the registry reads drafts 4 to 7 without the 2019-09
        /// additions, and 2019-09/2020-12 with the 2020-12 vocabulary, which retired two older keywords.
        /// </summary>
        private static bool IsKeyword(JsonSchemaDocument doc, string keyword)
        {
            switch (keyword)
            {
                case "dependencies":
                case "additionalItems":
                    return !IsModern(doc);
                case "prefixItems":
                case "unevaluatedItems":
                case "unevaluatedProperties":
                case "dependentRequired":
                case "dependentSchemas":
                    return IsModern(doc);
                default:
                    return true;
            }
        }

        /// <summary>
        /// 2019-09 and 2020-12 schemas are read keyword by keyword with the 2020-12 vocabulary (the registry loads
        /// them with a different library than older drafts), so only keywords that constrain something give a
        /// schema its kind: empty <c>properties</c>/<c>patternProperties</c> maps, <c>format</c>, <c>minContains</c>/
        /// <c>maxContains</c> without <c>contains</c> leave it accepting anything.
        /// </summary>
        private static bool ConstrainsInModernDraft(JProperty keyword)
        {
            switch (keyword.Name)
            {
                case "properties":
                case "patternProperties":
                    return !(keyword.Value is JObject map) || map.Count > 0;
                case "format":
                case "minContains":
                case "maxContains":
                    return false;
                default:
                    return true;
            }
        }

        private static bool IsModern(JsonSchemaDocument doc) => doc.Draft >= JsonSchemaDraft.Draft201909;

        private static void ReadAnnotations(JObject o, JsonSchemaDocument doc, JsonSchemaNode node)
        {
            // The registry does not carry $id over for 2019-09 and 2020-12 schemas, so changing it there is no change.
            node.Id = IsModern(doc) ? null : IdOf(o, doc.Draft);
            node.Title = OptionalString(o, doc, "title");
            node.Description = OptionalString(o, doc, "description");
            node.Default = o.Property("default")?.Value;
            node.ConnectType = o.Property("connect.type")?.Value is JValue v && v.Type == JTokenType.String ? (string)v! : null;
        }

        private static string? OptionalString(JObject o, JsonSchemaDocument doc, string keyword)
        {
            JToken? value = o.Property(keyword)?.Value;
            if (value == null) return null;
            if (value.Type != JTokenType.String) throw doc.Error(value, $"\"{keyword}\" must be a string");
            return (string)value!;
        }

        private JsonSchemaNode BuildTyped(JObject o, JsonSchemaDocument doc, JToken type)
        {
            if (type.Type == JTokenType.String)
                return BuildOfType(o, doc, type);
            if (type is JArray types && types.Count > 0)
                return new CombinedSchemaNode(o, doc, CombinedSchemaNode.AnyOf, types.Select(t => BuildOfType(o, doc, t)).ToList(), synthetic: true);
            throw doc.Error(type, "\"type\" must be a type name or a non-empty array of type names");
        }

        private JsonSchemaNode BuildOfType(JObject o, JsonSchemaDocument doc, JToken type)
        {
            string? name = type.Type == JTokenType.String ? (string)type! : null;
            switch (name)
            {
                case "object": return BuildObject(o, doc);
                case "array": return BuildArray(o, doc);
                case "string": return BuildString(o, doc);
                case "number": return BuildNumber(o, doc, requiresInteger: false);
                case "integer": return BuildNumber(o, doc, requiresInteger: true);
                case "boolean": return new SimpleSchemaNode(JsonSchemaKind.Boolean, o, doc);
                case "null": return new SimpleSchemaNode(JsonSchemaKind.Null, o, doc);
                default:
                    throw doc.Error(type, $"unknown type {type.ToString(Newtonsoft.Json.Formatting.None)}: expected one of object, array, string, number, integer, boolean, null");
            }
        }

        private ObjectSchemaNode BuildObject(JObject o, JsonSchemaDocument doc)
        {
            var node = new ObjectSchemaNode(o, doc);
            if (o.Property("properties")?.Value is JToken properties)
            {
                foreach (JProperty p in ObjectOf(doc, properties, "properties").Properties())
                {
                    node.Properties[p.Name] = Build(p.Value, doc);
                    node.PropertyOrder.Add(p.Name);
                }
            }
            if (o.Property("required")?.Value is JToken required)
            {
                if (!(required is JArray names) || names.Any(n => n.Type != JTokenType.String))
                    throw doc.Error(required, "\"required\" must be an array of property names");
                foreach (JToken n in names) node.Required.Add((string)n!);
            }
            if (o.Property("additionalProperties")?.Value is JToken additional)
                ReadOpenness(doc, additional, "additionalProperties", p => node.PermitsAdditionalProperties = p, s => node.AdditionalPropertiesSchema = s);
            if (o.Property("patternProperties")?.Value is JToken patterns)
            {
                foreach (JProperty p in ObjectOf(doc, patterns, "patternProperties").Properties())
                    node.PatternProperties.Add(new PatternProperty(p.Name, CompileRegex(doc, p, p.Name), Build(p.Value, doc)));
            }
            if (IsKeyword(doc, "dependencies") && o.Property("dependencies")?.Value is JToken dependencies)
            {
                foreach (JProperty p in ObjectOf(doc, dependencies, "dependencies").Properties())
                {
                    if (p.Value is JArray) node.PropertyDependencies[p.Name] = PropertyNames(doc, p.Value, "dependencies");
                    else node.SchemaDependencies[p.Name] = Build(p.Value, doc);
                }
            }
            if (IsKeyword(doc, "dependentRequired") && o.Property("dependentRequired")?.Value is JToken dependentRequired)
            {
                foreach (JProperty p in ObjectOf(doc, dependentRequired, "dependentRequired").Properties())
                    node.PropertyDependencies[p.Name] = PropertyNames(doc, p.Value, "dependentRequired");
            }
            if (IsKeyword(doc, "dependentSchemas") && o.Property("dependentSchemas")?.Value is JToken dependentSchemas)
            {
                foreach (JProperty p in ObjectOf(doc, dependentSchemas, "dependentSchemas").Properties())
                    node.SchemaDependencies[p.Name] = Build(p.Value, doc);
            }
            if (IsKeyword(doc, "unevaluatedProperties") && o.Property("unevaluatedProperties")?.Value is JToken unevaluated)
                node.UnevaluatedProperties = Build(unevaluated, doc);
            node.MaxProperties = Count(o, doc, "maxProperties");
            node.MinProperties = Count(o, doc, "minProperties");
            return node;
        }

        private ArraySchemaNode BuildArray(JObject o, JsonSchemaDocument doc)
        {
            var node = new ArraySchemaNode(o, doc);
            JToken? items = o.Property("items")?.Value;
            if (IsKeyword(doc, "prefixItems") && o.Property("prefixItems")?.Value is JToken prefix)
            {
                // 2020-12: prefixItems are the positional schemas and "items" covers the rest.
                if (!(prefix is JArray prefixArray))
                    throw doc.Error(prefix, "\"prefixItems\" must be an array of schemas");
                node.ItemSchemas = prefixArray.Select(t => Build(t, doc)).ToList();
                node.ItemSchemasKeyword = "prefixItems";
                if (items != null)
                {
                    node.AdditionalItemsKeyword = "items";
                    ReadOpenness(doc, items, "items", p => node.PermitsAdditionalItems = p, s => node.AdditionalItemsSchema = s);
                }
            }
            else if (items != null && items.Type == JTokenType.Boolean && IsModern(doc))
            {
                // 2019-09 and 2020-12 are read with 2020-12 rules: a boolean "items" governs items beyond the (here empty) prefix.
                node.AdditionalItemsKeyword = "items";
                node.PermitsAdditionalItems = (bool)items!;
            }
            else if (items is JArray tuple)
            {
                node.ItemSchemas = tuple.Select(t => Build(t, doc)).ToList();
            }
            else if (items != null)
            {
                node.AllItemsSchema = Build(items, doc);
            }
            if (IsKeyword(doc, "additionalItems") && node.AdditionalItemsKeyword == "additionalItems" && o.Property("additionalItems")?.Value is JToken additional)
                ReadOpenness(doc, additional, "additionalItems", p => node.PermitsAdditionalItems = p, s => node.AdditionalItemsSchema = s);
            if (IsKeyword(doc, "unevaluatedItems") && o.Property("unevaluatedItems")?.Value is JToken unevaluated)
                node.UnevaluatedItems = Build(unevaluated, doc);
            node.MaxItems = Count(o, doc, "maxItems");
            node.MinItems = Count(o, doc, "minItems");
            if (!IsModern(doc))
            {
                node.MaxContains = Count(o, doc, "maxContains");
                node.MinContains = Count(o, doc, "minContains");
            }
            else if (o.Property("contains") != null)
            {
                // From 2019-09 the contains limits belong to "contains" (minContains defaulting to 1) and mean nothing without it.
                node.MaxContains = Count(o, doc, "maxContains");
                node.MinContains = Count(o, doc, "minContains") ?? 1;
            }
            if (o.Property("uniqueItems")?.Value is JToken unique)
            {
                if (unique.Type != JTokenType.Boolean) throw doc.Error(unique, "\"uniqueItems\" must be true or false");
                node.UniqueItems = (bool)unique!;
            }
            return node;
        }

        private static StringSchemaNode BuildString(JObject o, JsonSchemaDocument doc)
        {
            var node = new StringSchemaNode(o, doc)
            {
                MaxLength = Count(o, doc, "maxLength"),
                MinLength = Count(o, doc, "minLength"),
            };
            if (o.Property("pattern") is JProperty pattern)
            {
                if (pattern.Value.Type != JTokenType.String) throw doc.Error(pattern.Value, "\"pattern\" must be a regular expression string");
                node.Pattern = (string)pattern.Value!;
                CompileRegex(doc, pattern, node.Pattern);
            }
            return node;
        }

        private static NumberSchemaNode BuildNumber(JObject o, JsonSchemaDocument doc, bool requiresInteger)
        {
            var node = new NumberSchemaNode(o, doc) { RequiresInteger = requiresInteger };
            double? maximum = Number(o, doc, "maximum");
            double? minimum = Number(o, doc, "minimum");
            JToken? exclusiveMaximum = o.Property("exclusiveMaximum")?.Value;
            JToken? exclusiveMinimum = o.Property("exclusiveMinimum")?.Value;

            // Draft 4 marks "maximum" itself exclusive with a boolean; later drafts give the exclusive limit as a number.
            if (exclusiveMaximum?.Type == JTokenType.Boolean)
            {
                if ((bool)exclusiveMaximum! && maximum != null)
                {
                    node.ExclusiveMaximum = maximum;
                    maximum = null;
                }
            }
            else
            {
                node.ExclusiveMaximum = Number(o, doc, "exclusiveMaximum");
            }
            if (exclusiveMinimum?.Type == JTokenType.Boolean)
            {
                if ((bool)exclusiveMinimum! && minimum != null)
                {
                    node.ExclusiveMinimum = minimum;
                    minimum = null;
                }
            }
            else
            {
                node.ExclusiveMinimum = Number(o, doc, "exclusiveMinimum");
            }
            node.Maximum = maximum;
            node.Minimum = minimum;
            if (o.Property("multipleOf")?.Value is JToken multipleOf)
            {
                decimal? m = JsonValues.AsDecimal(multipleOf);
                if (m == null || m <= 0) throw doc.Error(multipleOf, "\"multipleOf\" must be a number greater than 0");
                node.MultipleOf = m;
            }
            return node;
        }

        private void ReadOpenness(JsonSchemaDocument doc, JToken value, string keyword, Action<bool> permits, Action<JsonSchemaNode> schema)
        {
            if (value.Type == JTokenType.Boolean)
            {
                permits((bool)value!);
                return;
            }
            if (!(value is JObject))
                throw doc.Error(value, $"\"{keyword}\" must be a boolean or a schema");
            schema(Build(value, doc));
        }

        private static JObject ObjectOf(JsonSchemaDocument doc, JToken value, string keyword) =>
            value as JObject ?? throw doc.Error(value, $"\"{keyword}\" must be an object");

        private static HashSet<string> PropertyNames(JsonSchemaDocument doc, JToken value, string keyword)
        {
            if (!(value is JArray names) || names.Any(n => n.Type != JTokenType.String))
                throw doc.Error(value, $"each entry of \"{keyword}\" must be an array of property names");
            return new HashSet<string>(names.Select(n => (string)n!), StringComparer.Ordinal);
        }

        private static long? Count(JObject o, JsonSchemaDocument doc, string keyword)
        {
            JToken? value = o.Property(keyword)?.Value;
            if (value == null) return null;
            double? d = JsonValues.AsDouble(value);
            if (d == null || d < 0 || d != Math.Floor(d.Value) || d > long.MaxValue)
                throw doc.Error(value, $"\"{keyword}\" must be a non-negative integer");
            return (long)d.Value;
        }

        private static double? Number(JObject o, JsonSchemaDocument doc, string keyword)
        {
            JToken? value = o.Property(keyword)?.Value;
            if (value == null) return null;
            return JsonValues.AsDouble(value) ?? throw doc.Error(value, $"\"{keyword}\" must be a number");
        }

        private static Regex CompileRegex(JsonSchemaDocument doc, JToken at, string pattern)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw doc.Error(at, $"'{pattern}' is not a valid regular expression: {e.Message}");
            }
        }

        /// <summary>Resolves every reference met so far, loading referenced files as they are named, then rejects cycles of references.</summary>
        private void ResolveReferences()
        {
            for (int i = 0; i < _references.Count; i++)
            {
                ReferenceSchemaNode reference = _references[i];
                (JsonSchemaDocument doc, JToken target) = Locate(reference);
                reference.Target = Build(target, doc);
            }
            foreach (ReferenceSchemaNode reference in _references)
                RejectCycle(reference);
        }

        private static void RejectCycle(ReferenceSchemaNode start)
        {
            var seen = new List<ReferenceSchemaNode>();
            JsonSchemaNode? node = start;
            while (node is ReferenceSchemaNode reference)
            {
                if (seen.Contains(reference))
                {
                    string chain = string.Join(" -> ", seen.Skip(seen.IndexOf(reference)).Select(r => r.Reference).Concat(new[] { reference.Reference }));
                    throw start.Document.Error(start.Keyword("$ref"), $"$ref cycle that never reaches a schema: {chain}");
                }
                seen.Add(reference);
                node = reference.Target;
            }
        }

        private (JsonSchemaDocument, JToken) Locate(ReferenceSchemaNode reference)
        {
            JsonSchemaDocument doc = reference.Document;
            JToken at = reference.Keyword("$ref")!;
            string text = reference.Reference;
            int hash = text.IndexOf('#');
            string location = hash >= 0 ? text.Substring(0, hash) : text;
            string fragment = hash >= 0 ? Uri.UnescapeDataString(text.Substring(hash + 1)) : "";

            Uri absolute = ResolveUri(doc, at, doc.BaseAt(reference.Token), text);
            string resource = WithoutFragment(absolute);

            JsonSchemaDocument targetDoc;
            JToken resourceRoot;
            if (_identified.TryGetValue(resource, out var known))
            {
                (targetDoc, resourceRoot) = known;
            }
            else if (location.Length == 0)
            {
                targetDoc = doc;
                resourceRoot = doc.Root;
            }
            else if (ReferenceResolvers.IsRemote(location))
            {
                throw doc.Error(at, $"remote reference '{text}' is refused: schemas are never fetched over the network; reference a file inside the contracts root instead");
            }
            else if (Uri.TryCreate(location, UriKind.Absolute, out Uri? other) && other.Scheme.Length > 1 && !other.IsFile)
            {
                throw doc.Error(at, $"cannot resolve reference '{text}': no schema in this document has that $id");
            }
            else
            {
                targetDoc = External(doc, at, location);
                resourceRoot = targetDoc.Root;
            }

            if (fragment.Length == 0) return (targetDoc, resourceRoot);
            if (fragment.StartsWith("/", StringComparison.Ordinal))
                return (targetDoc, FollowPointer(targetDoc, resourceRoot, fragment, doc, at, text));
            if (_identified.TryGetValue(resource + "#" + fragment, out var anchored))
                return anchored;
            throw doc.Error(at, $"cannot resolve reference '{text}': no anchor named '{fragment}'");
        }

        private JsonSchemaDocument External(JsonSchemaDocument from, JToken at, string location)
        {
            SchemaSource source;
            try
            {
                source = from.Source.References.Resolve(location, from.Source);
            }
            catch (SchemaException e)
            {
                SourceLocation? where = JsonValues.Locate(at, from.File);
                throw new SchemaException(from.File, where?.Line ?? 0, where?.Column ?? 0, e.Problem, e);
            }
            string key = source.Path ?? location;
            if (_external.TryGetValue(key, out JsonSchemaDocument? loaded)) return loaded;
            JsonSchemaDocument document = AddDocument(source);
            _external[key] = document;
            return document;
        }

        private static JToken FollowPointer(JsonSchemaDocument targetDoc, JToken root, string pointer, JsonSchemaDocument from, JToken at, string text)
        {
            JToken current = root;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string segment = raw.Replace("~1", "/").Replace("~0", "~");
                JToken? next = current switch
                {
                    JObject o => o.Property(segment)?.Value,
                    JArray a when int.TryParse(segment, out int index) && index >= 0 && index < a.Count => a[index],
                    _ => null,
                };
                current = next ?? throw from.Error(at, $"cannot resolve reference '{text}': '{segment}' does not exist{(targetDoc == from ? "" : " in " + targetDoc.File)}");
            }
            if (current.Type != JTokenType.Object && current.Type != JTokenType.Boolean)
                throw from.Error(at, $"reference '{text}' points at a JSON {JsonSchemaDocument.Describe(current)}, not at a schema");
            return current;
        }
    }
}
