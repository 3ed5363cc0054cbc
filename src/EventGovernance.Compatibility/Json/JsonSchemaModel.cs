using System.Collections.Generic;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// The kinds of normalised schema the differ works on. They mirror the model the registry's own
    /// engine compares: a JSON object with keywords of several kinds becomes an <c>allOf</c> of one
    /// schema per kind, <c>type: [a, b]</c> becomes an <c>anyOf</c>, <c>true</c> and <c>{}</c> are both "empty".
    /// </summary>
    internal enum JsonSchemaKind
    {
        Empty,
        False,
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
        Enum,
        Const,
        Combined,
        Not,
        Conditional,
        Reference,
    }

    /// <summary>One normalised schema, remembering the JSON it came from (for positions).</summary>
    internal abstract class JsonSchemaNode
    {
        protected JsonSchemaNode(JsonSchemaKind kind, JToken token, JsonSchemaDocument document)
        {
            Kind = kind;
            Token = token;
            Document = document;
        }

        public JsonSchemaKind Kind { get; }

        /// <summary>The JSON object (or boolean) this schema was read from.</summary>
        public JToken Token { get; }

        public JsonSchemaDocument Document { get; }

        /// <summary>True for the literal <c>true</c> schema (as opposed to <c>{}</c>); both are empty.</summary>
        public bool IsTrueLiteral { get; set; }

        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public JToken? Default { get; set; }

        /// <summary>Kafka Connect's <c>connect.type</c> annotation; two <c>bytes</c> schemas are always equivalent.</summary>
        public string? ConnectType { get; set; }

        private string? _structuralKey;

        /// <summary>A key equal for structurally identical schemas, used to collapse duplicate branches.</summary>
        public string StructuralKey => _structuralKey ??= Kind + ":" + JsonValues.Canonical(Token);

        /// <summary>The value of a keyword of this schema's JSON object, if it has one.</summary>
        public JToken? Keyword(string name) => Token is JObject o ? o.Property(name)?.Value : null;

        public override string ToString() => Kind + " " + Token.Path;
    }

    internal sealed class SimpleSchemaNode : JsonSchemaNode
    {
        public SimpleSchemaNode(JsonSchemaKind kind, JToken token, JsonSchemaDocument document) : base(kind, token, document) { }
    }

    internal sealed class ObjectSchemaNode : JsonSchemaNode
    {
        public ObjectSchemaNode(JToken token, JsonSchemaDocument document) : base(JsonSchemaKind.Object, token, document) { }

        /// <summary>Property schemas in document order.</summary>
        public Dictionary<string, JsonSchemaNode> Properties { get; } = new Dictionary<string, JsonSchemaNode>();
        public List<string> PropertyOrder { get; } = new List<string>();
        public HashSet<string> Required { get; } = new HashSet<string>();

        /// <summary>False only for <c>additionalProperties: false</c>.</summary>
        public bool PermitsAdditionalProperties { get; set; } = true;

        /// <summary>The schema of <c>additionalProperties</c> when it is a schema object (not a boolean).</summary>
        public JsonSchemaNode? AdditionalPropertiesSchema { get; set; }

        public List<PatternProperty> PatternProperties { get; } = new List<PatternProperty>();
        public Dictionary<string, HashSet<string>> PropertyDependencies { get; } = new Dictionary<string, HashSet<string>>();
        public Dictionary<string, JsonSchemaNode> SchemaDependencies { get; } = new Dictionary<string, JsonSchemaNode>();
        public JsonSchemaNode? UnevaluatedProperties { get; set; }
        public long? MaxProperties { get; set; }
        public long? MinProperties { get; set; }

        /// <summary>The JSON of the keyword holding property dependencies (<c>dependencies</c> or <c>dependentRequired</c>).</summary>
        public JToken? DependencyLocation(string property) =>
            (Keyword("dependentRequired") as JObject)?.Property(property) ?? (Keyword("dependentSchemas") as JObject)?.Property(property)
            ?? (Keyword("dependencies") as JObject)?.Property(property) as JToken;
    }

    internal sealed class PatternProperty
    {
        public PatternProperty(string pattern, Regex regex, JsonSchemaNode schema)
        {
            Pattern = pattern;
            Regex = regex;
            Schema = schema;
        }

        public string Pattern { get; }
        public Regex Regex { get; }
        public JsonSchemaNode Schema { get; }
    }

    internal sealed class ArraySchemaNode : JsonSchemaNode
    {
        public ArraySchemaNode(JToken token, JsonSchemaDocument document) : base(JsonSchemaKind.Array, token, document) { }

        /// <summary>The one schema every item must match (<c>items: {...}</c>).</summary>
        public JsonSchemaNode? AllItemsSchema { get; set; }

        /// <summary>Positional item schemas (<c>items: [...]</c> or <c>prefixItems</c>); null when there are none.</summary>
        public List<JsonSchemaNode>? ItemSchemas { get; set; }

        /// <summary>The keyword that held the positional schemas, for positions.</summary>
        public string ItemSchemasKeyword { get; set; } = "items";

        public bool PermitsAdditionalItems { get; set; } = true;
        public JsonSchemaNode? AdditionalItemsSchema { get; set; }

        /// <summary>The keyword that held the additional-items rule (<c>additionalItems</c>, or <c>items</c> beside <c>prefixItems</c>).</summary>
        public string AdditionalItemsKeyword { get; set; } = "additionalItems";

        public JsonSchemaNode? UnevaluatedItems { get; set; }
        public long? MaxItems { get; set; }
        public long? MinItems { get; set; }
        public long? MaxContains { get; set; }
        public long? MinContains { get; set; }
        public bool UniqueItems { get; set; }
    }

    internal sealed class StringSchemaNode : JsonSchemaNode
    {
        public StringSchemaNode(JToken token, JsonSchemaDocument document) : base(JsonSchemaKind.String, token, document) { }

        public long? MinLength { get; set; }
        public long? MaxLength { get; set; }
        public string? Pattern { get; set; }
    }

    internal sealed class NumberSchemaNode : JsonSchemaNode
    {
        public NumberSchemaNode(JToken token, JsonSchemaDocument document) : base(JsonSchemaKind.Number, token, document) { }

        public double? Maximum { get; set; }
        public double? Minimum { get; set; }
        public double? ExclusiveMaximum { get; set; }
        public double? ExclusiveMinimum { get; set; }
        public decimal? MultipleOf { get; set; }
        public bool RequiresInteger { get; set; }

    }

    internal sealed class EnumSchemaNode : JsonSchemaNode
    {
        public EnumSchemaNode(JToken token, JsonSchemaDocument document, HashSet<string> values) : base(JsonSchemaKind.Enum, token, document) =>
            Values = values;

        /// <summary>The permitted values in canonical JSON form.</summary>
        public HashSet<string> Values { get; }
    }

    internal sealed class ConstSchemaNode : JsonSchemaNode
    {
        public ConstSchemaNode(JToken token, JsonSchemaDocument document, string value) : base(JsonSchemaKind.Const, token, document) => Value = value;

        /// <summary>The permitted value in canonical JSON form.</summary>
        public string Value { get; }
    }

    internal sealed class CombinedSchemaNode : JsonSchemaNode
    {
        public const string AllOf = "allOf";
        public const string AnyOf = "anyOf";
        public const string OneOf = "oneOf";

        public CombinedSchemaNode(JToken token, JsonSchemaDocument document, string criterion, List<JsonSchemaNode> subschemas, bool synthetic)
            : base(JsonSchemaKind.Combined, token, document)
        {
            Criterion = criterion;
            Subschemas = subschemas;
            IsSynthetic = synthetic;
        }

        /// <summary><c>allOf</c>, <c>anyOf</c> or <c>oneOf</c>.</summary>
        public string Criterion { get; }
        public List<JsonSchemaNode> Subschemas { get; }

        /// <summary>True when made by normalisation (type arrays, keywords of several kinds) rather than written.</summary>
        public bool IsSynthetic { get; }

        public bool IsSum => Criterion != AllOf;
    }

    internal sealed class NotSchemaNode : JsonSchemaNode
    {
        public NotSchemaNode(JToken token, JsonSchemaDocument document, JsonSchemaNode mustNotMatch) : base(JsonSchemaKind.Not, token, document) =>
            MustNotMatch = mustNotMatch;

        public JsonSchemaNode MustNotMatch { get; }
    }

    internal sealed class ReferenceSchemaNode : JsonSchemaNode
    {
        public ReferenceSchemaNode(JToken token, JsonSchemaDocument document, string reference) : base(JsonSchemaKind.Reference, token, document) =>
            Reference = reference;

        public string Reference { get; }

        /// <summary>The schema the reference names; set once references are resolved.</summary>
        public JsonSchemaNode? Target { get; set; }
    }
}
