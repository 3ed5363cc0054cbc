using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Avro
{
    /// <summary>
    /// Reads an .avsc into <see cref="AvroNode"/>s, keeping line and column of every element. The rules
    /// for what is accepted follow Avro Java's parser (the one the registry uses): names are validated,
    /// defaults must match their type, named types cannot be defined twice, nested types inherit the
    /// namespace of the enclosing named type, and a name may be used before its definition.
    /// </summary>
    internal sealed class AvroSchemaParser
    {
        /// <summary>JSON nesting accepted; 50 nested records need about 200 levels.</summary>
        private const int MaxJsonDepth = 1000;

        /// <summary>How many schemas deep references to other files may chain.</summary>
        private const int MaxReferenceDepth = 32;

        private static readonly HashSet<string> FieldOrders = new HashSet<string>(StringComparer.Ordinal) { "ascending", "descending", "ignore" };

        private readonly SchemaSource _source;
        private readonly int _referenceDepth;
        private readonly Dictionary<string, AvroNamed> _named = new Dictionary<string, AvroNamed>(StringComparer.Ordinal);
        private readonly Dictionary<string, JObject> _definitions = new Dictionary<string, JObject>(StringComparer.Ordinal);
        private readonly List<AvroReference> _references = new List<AvroReference>();
        private readonly List<AvroUnion> _unions = new List<AvroUnion>();
        private readonly List<(AvroField Field, JToken Token)> _defaults = new List<(AvroField, JToken)>();
        private readonly Dictionary<string, AvroParsedSchema?> _externalSchemas = new Dictionary<string, AvroParsedSchema?>(StringComparer.Ordinal);

        private AvroSchemaParser(SchemaSource source, int referenceDepth)
        {
            _source = source;
            _referenceDepth = referenceDepth;
        }

        public static AvroParsedSchema Parse(SchemaSource source) => Parse(source, 0);

        private static AvroParsedSchema Parse(SchemaSource source, int referenceDepth) =>
            new AvroSchemaParser(source, referenceDepth).Run();

        private AvroParsedSchema Run()
        {
            JToken json = ReadJson();
            AvroNode root = ParseSchema(json, null);
            BindReferences();
            foreach (AvroUnion union in _unions) CheckUnionBranches(union);
            foreach ((AvroField field, JToken token) in _defaults) CheckDefault(field, token);
            // A default is a token of the document, and a token reaches the whole document through its parent:
            // detached, the document can be collected once the parse is done instead of living as long as the schema.
            foreach ((AvroField field, JToken _) in _defaults) field.DetachDefaultFromDocument();
            return new AvroParsedSchema(_source, root, _named);
        }

        // ---- JSON ---------------------------------------------------------------------------------

        private JToken ReadJson() =>
            JsonText.Load(_source.Text, _source.Path, MaxJsonDepth, "an Avro schema (a JSON string, object or array)");

        // ---- schemas ------------------------------------------------------------------------------

        private AvroNode ParseSchema(JToken json, string? space)
        {
            switch (json.Type)
            {
                case JTokenType.String:
                    return ParseTypeName((string)json!, json, space);
                case JTokenType.Object:
                    return ParseObject((JObject)json, space);
                case JTokenType.Array:
                    return ParseUnion((JArray)json, space);
                default:
                    throw Error(json, $"a schema must be a type name, an object or a union array, not {Describe(json)}");
            }
        }

        private AvroNode ParseTypeName(string name, JToken at, string? space)
        {
            if (AvroKinds.TryParsePrimitive(name, out AvroKind primitive))
                return new AvroPrimitive(primitive, Loc(at));
            if (name.Length == 0)
                throw Error(at, "empty type name");
            // A name is qualified with the namespace in force here unless it already has a dot.
            string full = space != null && name.IndexOf('.') < 0 ? space + "." + name : name;
            var reference = new AvroReference(full, name, Loc(at));
            _references.Add(reference);
            return reference;
        }

        private AvroNode ParseObject(JObject json, string? space)
        {
            JToken? typeToken = json["type"];
            if (typeToken == null)
                throw Error(json, "schema object has no \"type\"");
            if (typeToken.Type != JTokenType.String)
                throw Error(typeToken, $"\"type\" must be a string naming a primitive type or one of record, enum, array, map, fixed (not {Describe(typeToken)})");
            string type = (string)typeToken!;
            if (AvroKinds.TryParsePrimitive(type, out AvroKind primitive))
                return new AvroPrimitive(primitive, Loc(json)); // extra attributes (logicalType…) do not change resolution
            switch (type)
            {
                case "record":
                case "error":
                    return ParseRecord(json, space);
                case "enum":
                    return ParseEnum(json, space);
                case "fixed":
                    return ParseFixed(json, space);
                case "array":
                    return new AvroArray(ParseSchema(Required(json, "items", "array schema has no \"items\""), space), Loc(json));
                case "map":
                    return new AvroMap(ParseSchema(Required(json, "values", "map schema has no \"values\""), space), Loc(json));
                default:
                    throw Error(typeToken, $"unknown type \"{type}\": expected a primitive type (null, boolean, int, long, float, double, bytes, string) or record, enum, array, map, fixed");
            }
        }

        private AvroNode ParseRecord(JObject json, string? space)
        {
            (AvroName name, SourceLocation nameLocation) = ParseName(json, space, "record");
            bool repeated = RepeatsDefinition(name, json);
            var record = new AvroRecord(name, ParseTypeAliases(json, name), Loc(json), nameLocation);
            if (!repeated) Register(record, json);

            JToken? fields = json["fields"];
            if (fields == null)
                throw Error(json, $"record {name.Full} has no \"fields\" array");
            if (fields.Type != JTokenType.Array)
                throw Error(fields, $"\"fields\" of record {name.Full} must be an array, not {Describe(fields)}");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JToken fieldToken in (JArray)fields)
            {
                if (fieldToken.Type != JTokenType.Object)
                    throw Error(fieldToken, $"a field of record {name.Full} must be an object, not {Describe(fieldToken)}");
                var fieldJson = (JObject)fieldToken;
                JToken nameToken = Required(fieldJson, "name", $"a field of record {name.Full} has no \"name\"");
                string fieldName = RequireString(nameToken, "field name");
                CheckName(fieldName, nameToken, "field name");
                if (!seen.Add(fieldName))
                    throw Error(nameToken, $"record {name.Full} has two fields named \"{fieldName}\"");

                JToken typeToken = Required(fieldJson, "type", $"field \"{fieldName}\" of record {name.Full} has no \"type\"");
                AvroNode fieldType = ParseSchema(typeToken, name.Space);
                CheckOrder(fieldJson);
                var field = new AvroField(fieldName, record.Fields.Count, fieldType, fieldJson["default"],
                    ParseFieldAliases(fieldJson), Loc(fieldJson)) { Doc = (fieldJson["doc"] as JValue)?.Value as string };
                record.Fields.Add(field);
                if (field.DefaultValue != null) _defaults.Add((field, field.DefaultValue));
            }
            return record;
        }

        private AvroNode ParseEnum(JObject json, string? space)
        {
            (AvroName name, SourceLocation nameLocation) = ParseName(json, space, "enum");
            bool repeated = RepeatsDefinition(name, json);
            JToken? symbolsToken = json["symbols"];
            if (symbolsToken == null)
                throw Error(json, $"enum {name.Full} has no \"symbols\" array");
            if (symbolsToken.Type != JTokenType.Array)
                throw Error(symbolsToken, $"\"symbols\" of enum {name.Full} must be an array, not {Describe(symbolsToken)}");

            var symbols = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JToken symbolToken in (JArray)symbolsToken)
            {
                string symbol = RequireString(symbolToken, $"a symbol of enum {name.Full}");
                CheckName(symbol, symbolToken, "enum symbol");
                if (!seen.Add(symbol))
                    throw Error(symbolToken, $"enum {name.Full} lists the symbol \"{symbol}\" twice");
                symbols.Add(symbol);
            }

            string? defaultSymbol = null;
            JToken? defaultToken = json["default"];
            // Avro Java ignores a default that is not a string (the enum then has no default symbol).
            if (defaultToken != null && defaultToken.Type == JTokenType.String)
            {
                defaultSymbol = (string)defaultToken!;
                if (!seen.Contains(defaultSymbol))
                    throw Error(defaultToken, $"the default \"{defaultSymbol}\" of enum {name.Full} is not one of its symbols");
            }

            var result = new AvroEnum(name, ParseTypeAliases(json, name), Loc(json), nameLocation, symbols, defaultSymbol, Loc(symbolsToken));
            if (!repeated) Register(result, json);
            return result;
        }

        private AvroNode ParseFixed(JObject json, string? space)
        {
            (AvroName name, SourceLocation nameLocation) = ParseName(json, space, "fixed");
            bool repeated = RepeatsDefinition(name, json);
            JToken? sizeToken = json["size"];
            if (sizeToken == null)
                throw Error(json, $"fixed {name.Full} has no \"size\"");
            if (sizeToken.Type != JTokenType.Integer || !(sizeToken is JValue v) || !FitsInt(v) || Convert.ToInt64(v.Value, CultureInfo.InvariantCulture) < 0)
                throw Error(sizeToken, $"\"size\" of fixed {name.Full} must be a non-negative integer, not {Describe(sizeToken)}");
            int size = Convert.ToInt32(((JValue)sizeToken).Value, CultureInfo.InvariantCulture);
            var result = new AvroFixed(name, ParseTypeAliases(json, name), Loc(json), nameLocation, size, Loc(sizeToken));
            if (!repeated) Register(result, json);
            return result;
        }

        private AvroNode ParseUnion(JArray json, string? space)
        {
            var branches = new List<AvroNode>();
            foreach (JToken branch in json)
            {
                if (branch.Type == JTokenType.Array)
                    throw Error(branch, "a union cannot directly contain another union");
                branches.Add(ParseSchema(branch, space));
            }
            var union = new AvroUnion(branches, Loc(json));
            _unions.Add(union);
            return union;
        }

        // ---- names --------------------------------------------------------------------------------

        private (AvroName Name, SourceLocation Location) ParseName(JObject json, string? space, string what)
        {
            JToken nameToken = Required(json, "name", $"{what} schema has no \"name\"");
            string written = RequireString(nameToken, $"the name of a {what}");
            // Like Avro Java, a namespace that is not a string (null, a number…) is ignored: the
            // enclosing namespace stays in force.
            JToken? namespaceToken = json["namespace"];
            if (namespaceToken != null && namespaceToken.Type == JTokenType.String)
                space = (string)namespaceToken!;
            AvroName name = AvroName.Parse(written, space);
            CheckName(name.Short, nameToken, $"{what} name");
            CheckNamespace(name, namespaceToken != null && namespaceToken.Type == JTokenType.String && written.IndexOf('.') < 0 ? namespaceToken : nameToken);
            if (AvroKinds.TryParsePrimitive(name.Full, out _))
                throw Error(nameToken, $"a {what} cannot be named after the primitive type \"{name.Full}\"");
            return (name, Loc(nameToken));
        }

        /// <summary>Avro Java's name rule: a letter or '_' first, then letters, digits or '_'.</summary>
        private void CheckName(string name, JToken at, string what)
        {
            if (name.Length == 0)
                throw Error(at, $"empty {what}");
            if (!(char.IsLetter(name[0]) || name[0] == '_'))
                throw Error(at, $"invalid {what} \"{name}\": it must start with a letter or '_'");
            for (int i = 1; i < name.Length; i++)
            {
                if (!(char.IsLetterOrDigit(name[i]) || name[i] == '_'))
                    throw Error(at, $"invalid {what} \"{name}\": only letters, digits and '_' are allowed");
            }
        }

        /// <summary>
        /// Every dot-separated part of a type's namespace must itself be a valid name, so "a..b",
        /// ".a" or "a-b" are refused (as Avro Java does when it registers the full name).
        /// </summary>
        private void CheckNamespace(AvroName name, JToken at)
        {
            if (name.Space == null) return;
            // Checked in place: every named type of a record has the record's namespace, and splitting it
            // allocated its parts again for each of them.
            int start = 0;
            while (true)
            {
                int dot = name.Space.IndexOf('.', start);
                int end = dot < 0 ? name.Space.Length : dot;
                if (!IsValidName(name.Space, start, end))
                    CheckName(name.Space.Substring(start, end - start), at, $"namespace part of {name.Full}");
                if (dot < 0) return;
                start = dot + 1;
            }
        }

        private static bool IsValidName(string text, int start, int end)
        {
            if (end <= start || !(char.IsLetter(text[start]) || text[start] == '_')) return false;
            for (int i = start + 1; i < end; i++)
            {
                if (!(char.IsLetterOrDigit(text[i]) || text[i] == '_')) return false;
            }
            return true;
        }

        /// <summary>
        /// Aliases of a named type as Avro Java reports them: qualified with the type's namespace unless
        /// they contain a dot; an alias explicitly in the null namespace inside a namespaced type gets a
        /// leading dot and so never matches a writer's full name.
        /// </summary>
        private IReadOnlyList<string> ParseTypeAliases(JObject json, AvroName owner)
        {
            var result = new List<string>();
            foreach ((string alias, JToken token) in ReadAliases(json))
            {
                AvroName name = AvroName.Parse(alias, owner.Space);
                CheckName(name.Short, token, "alias");
                string full = name.Space == null && owner.Space != null ? "." + name.Short : name.Full;
                if (!result.Contains(full)) result.Add(full);
            }
            return result;
        }

        private IReadOnlyList<string> ParseFieldAliases(JObject json) =>
            json["aliases"] == null // nearly every field: no iterators and no set for it
                ? Array.Empty<string>()
                : ReadAliases(json).Select(a => a.Alias).Distinct(StringComparer.Ordinal).ToList();

        private IEnumerable<(string Alias, JToken Token)> ReadAliases(JObject json)
        {
            JToken? aliases = json["aliases"];
            if (aliases == null) yield break;
            if (aliases.Type != JTokenType.Array)
                throw Error(aliases, $"\"aliases\" must be an array of strings, not {Describe(aliases)}");
            foreach (JToken alias in (JArray)aliases)
                yield return (RequireString(alias, "an alias"), alias);
        }

        private void CheckOrder(JObject field)
        {
            JToken? order = field["order"];
            if (order == null) return;
            if (order.Type != JTokenType.String || !FieldOrders.Contains(((string)order!).ToLowerInvariant()))
                throw Error(order, $"field \"order\" must be \"ascending\", \"descending\" or \"ignore\", not {Describe(order)}");
        }

        private void Register(AvroNamed type, JObject json)
        {
            if (_named.ContainsKey(type.Name.Full))
                throw Error(json["name"] ?? json, $"the name {type.Name.Full} is defined twice in this schema, differently");
            _named.Add(type.Name.Full, type);
            _definitions.Add(type.Name.Full, json);
        }

        /// <summary>
        /// Avro Java accepts a named type defined a second time when the two definitions are equal
        /// (documentation and aliases aside, which its schema equality ignores). The repeat is a type
        /// of its own where it is written (so a break in it is reported there too), while references
        /// by name keep meaning the first. A different second definition is an error (see <see cref="Register"/>).
        /// </summary>
        private bool RepeatsDefinition(AvroName name, JObject json) =>
            _definitions.TryGetValue(name.Full, out JObject? first) && SameDefinition(first, json);

        private static readonly HashSet<string> IgnoredInEquality = new HashSet<string>(StringComparer.Ordinal) { "doc", "aliases" };

        private static bool SameDefinition(JToken a, JToken b)
        {
            if (a is JObject oa && b is JObject ob)
            {
                var pa = oa.Properties().Where(p => !IgnoredInEquality.Contains(p.Name)).ToList();
                var pb = ob.Properties().Where(p => !IgnoredInEquality.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return pa.Count == pb.Count && pa.All(p => pb.TryGetValue(p.Name, out JToken? v) && SameDefinition(p.Value, v));
            }
            if (a is JArray aa && b is JArray ab)
                return aa.Count == ab.Count && aa.Zip(ab, SameDefinition).All(x => x);
            return JToken.DeepEquals(a, b);
        }

        // ---- references ---------------------------------------------------------------------------

        private void BindReferences()
        {
            foreach (AvroReference reference in _references)
            {
                reference.Target = Lookup(reference.FullName) ?? Lookup(reference.WrittenName)
                    ?? LookupExternal(reference);
            }
        }

        private AvroNamed? Lookup(string fullName) => _named.TryGetValue(fullName, out AvroNamed? found) ? found : null;

        /// <summary>
        /// A name this file does not define may be a type of another contract, found through the
        /// source's reference resolver by its full name, or by a file named after it.
        /// </summary>
        private AvroNamed LookupExternal(AvroReference reference)
        {
            if (!IsValidFullName(reference.FullName))
                throw new SchemaException(_source.Path, reference.Location.Line, reference.Location.Column,
                    $"unknown type \"{reference.WrittenName}\": it is not a primitive type and not a valid Avro name");
            string shortName = AvroName.Parse(reference.FullName, null).Short;
            var candidates = new List<string> { reference.FullName, reference.FullName + ".avsc", shortName + ".avsc" };
            if (reference.WrittenName != reference.FullName) candidates.Insert(1, reference.WrittenName);
            var problems = new List<string>();
            foreach (string candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                AvroParsedSchema? external = LoadExternal(candidate, reference, problems);
                if (external == null) continue;
                if (external.NamedTypes.TryGetValue(reference.FullName, out AvroNamed? found)
                    || external.NamedTypes.TryGetValue(reference.WrittenName, out found))
                    return found;
                problems.Add($"'{candidate}' does not define {reference.FullName}");
            }
            string why = problems.Count == 0 ? "" : " (" + string.Join("; ", problems.Distinct()) + ")";
            throw new SchemaException(_source.Path, reference.Location.Line, reference.Location.Column,
                $"unknown type \"{reference.WrittenName}\": it is not a primitive type, not defined in this schema and not found among its references{why}");
        }

        /// <summary>Dot-separated Avro names only: such a name is also safe to hand to a resolver as a file name.</summary>
        private static bool IsValidFullName(string name) =>
            name.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

        private AvroParsedSchema? LoadExternal(string name, AvroReference reference, List<string> problems)
        {
            if (_externalSchemas.TryGetValue(name, out AvroParsedSchema? cached)) return cached;
            AvroParsedSchema? parsed = null;
            SchemaSource? resolved = null;
            try
            {
                resolved = _source.References.Resolve(name, _source);
            }
            catch (SchemaException e)
            {
                problems.Add(e.Problem);
            }
            if (resolved != null)
            {
                if (_referenceDepth >= MaxReferenceDepth)
                    throw new SchemaException(_source.Path, reference.Location.Line, reference.Location.Column,
                        $"references chain more than {MaxReferenceDepth} schemas deep at \"{reference.WrittenName}\" (a reference cycle?)");
                parsed = Parse(resolved, _referenceDepth + 1);
            }
            _externalSchemas[name] = parsed;
            return parsed;
        }

        // ---- checks once every name is bound -----------------------------------------------------

        private const int ShortUnion = 8;

        /// <summary>A union may hold each unnamed type once and each named type once per full name.</summary>
        private void CheckUnionBranches(AvroUnion union)
        {
            IReadOnlyList<AvroNode> branches = union.Branches;
            // Most unions have two or three branches: comparing each with the ones before it costs less than a
            // set per union. Longer ones use a set, so the check stays linear in the branches.
            HashSet<string>? seen = branches.Count > ShortUnion ? new HashSet<string>(StringComparer.Ordinal) : null;
            for (int i = 0; i < branches.Count; i++)
            {
                AvroNode resolved = branches[i].Resolved;
                if (resolved.Kind == AvroKind.Union)
                    throw Error(branches[i].Location, "a union cannot directly contain another union");
                bool repeated = false;
                if (seen != null) repeated = !seen.Add(UnionKey(resolved));
                else for (int j = 0; j < i && !repeated; j++) repeated = SameUnionKey(branches[j].Resolved, resolved);
                if (repeated)
                    throw Error(branches[i].Location, $"the union lists {UnionKey(resolved)} twice");
            }
        }

        /// <summary>A union may hold each named type once per full name and each other type once.</summary>
        private static bool SameUnionKey(AvroNode a, AvroNode b) =>
            a is AvroNamed namedA && b is AvroNamed namedB
                ? string.Equals(namedA.Name.Full, namedB.Name.Full, StringComparison.Ordinal)
                : !(a is AvroNamed) && !(b is AvroNamed) && a.Kind == b.Kind;

        private static string UnionKey(AvroNode resolved) => resolved is AvroNamed named ? named.Name.Full : resolved.Kind.ToSchemaName();

        private void CheckDefault(AvroField field, JToken value)
        {
            if (!DefaultFits(field.Type, value, 0))
                throw Error(value, $"the default {Describe(value)} of field \"{field.Name}\" does not match its type {Describe(field.Type)}");
        }

        /// <summary>Avro Java's default check; a union default may match any branch.</summary>
        private bool DefaultFits(AvroNode type, JToken? value, int depth)
        {
            if (value == null) return false;
            if (depth > MaxJsonDepth)
                throw Error(value, "the default value nests too deeply (do record defaults refer to each other?)");
            AvroNode node = type.Resolved;
            switch (node.Kind)
            {
                case AvroKind.String:
                case AvroKind.Bytes:
                case AvroKind.Enum:
                case AvroKind.Fixed:
                    return value.Type == JTokenType.String;
                case AvroKind.Int:
                    return value.Type == JTokenType.Integer && FitsInt((JValue)value);
                case AvroKind.Long:
                    return value.Type == JTokenType.Integer && FitsLong((JValue)value);
                case AvroKind.Float:
                case AvroKind.Double:
                    // Avro Java also accepts a number written as a string ("NaN", "1.5").
                    return value.Type == JTokenType.Integer || value.Type == JTokenType.Float
                        || (value.Type == JTokenType.String && IsJavaDouble((string)value!));
                case AvroKind.Boolean:
                    return value.Type == JTokenType.Boolean;
                case AvroKind.Null:
                    return value.Type == JTokenType.Null;
                case AvroKind.Array:
                    return value.Type == JTokenType.Array && value.Children().All(v => DefaultFits(((AvroArray)node).Items, v, depth + 1));
                case AvroKind.Map:
                    return value.Type == JTokenType.Object && ((JObject)value).Properties().All(p => DefaultFits(((AvroMap)node).Values, p.Value, depth + 1));
                case AvroKind.Union:
                    return ((AvroUnion)node).Branches.Any(b => DefaultFits(b, value, depth + 1));
                case AvroKind.Record:
                    if (value.Type != JTokenType.Object) return false;
                    var obj = (JObject)value;
                    return ((AvroRecord)node).Fields.All(f => DefaultFits(f.Type, obj.TryGetValue(f.Name, StringComparison.Ordinal, out JToken? given) ? given : f.DefaultValue, depth + 1));
                default:
                    return false;
            }
        }

        private static bool IsJavaDouble(string text)
        {
            string t = text.Trim();
            if (t == "NaN" || t == "Infinity" || t == "+Infinity" || t == "-Infinity") return true;
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        private static bool FitsInt(JValue value) => value.Value switch
        {
            long l => l >= int.MinValue && l <= int.MaxValue,
            int _ => true,
            BigInteger _ => false,
            _ => false,
        };

        private static bool FitsLong(JValue value) => value.Value is long || value.Value is int;

        // ---- tokens and messages -----------------------------------------------------------------

        private JToken Required(JObject json, string property, string problem) => json[property] ?? throw Error(json, problem);

        private string RequireString(JToken token, string what)
        {
            if (token.Type != JTokenType.String)
                throw Error(token, $"{what} must be a string, not {Describe(token)}");
            return (string)token!;
        }

        private static string Describe(JToken token)
        {
            string text = token.ToString(Formatting.None);
            if (text.Length > 60) text = text.Substring(0, 57) + "...";
            return token.Type switch
            {
                JTokenType.Object => "an object " + text,
                JTokenType.Array => "an array " + text,
                JTokenType.Null => "null",
                _ => text,
            };
        }

        private static string Describe(AvroNode node)
        {
            AvroNode resolved = node is AvroReference r && r.Target == null ? node : node.Resolved;
            return resolved switch
            {
                AvroNamed named => $"{named.Kind.ToSchemaName()} {named.Name.Full}",
                AvroReference reference => reference.FullName,
                AvroUnion union => "[" + string.Join(", ", union.Branches.Select(Describe)) + "]",
                AvroArray array => "array of " + Describe(array.Items),
                AvroMap map => "map of " + Describe(map.Values),
                _ => resolved.Kind.ToSchemaName(),
            };
        }

        /// <summary>Start of a token: Newtonsoft reports the position just after it, so step back over its text.</summary>
        private SourceLocation Loc(JToken token)
        {
            var info = (IJsonLineInfo)token;
            if (!info.HasLineInfo()) return new SourceLocation(_source.Path, 0, 0);
            int column = info.LinePosition;
            if (token.Type != JTokenType.Object && token.Type != JTokenType.Array)
                column = Math.Max(1, column - JsonTokenWidth.Of(token) + 1);
            return new SourceLocation(_source.Path, info.LineNumber, column);
        }

        private SchemaException Error(JToken at, string problem) => Error(Loc(at), problem);

        private SchemaException Error(SourceLocation at, string problem) => new SchemaException(_source.Path, at.Line, at.Column, problem);

        private SchemaException Error(int line, int column, string problem) => new SchemaException(_source.Path, line, column, problem);
    }
}
