using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Avro
{
    /// <summary>The Avro schema types, spelled as Avro Java prints them in messages.</summary>
    internal enum AvroKind
    {
        Null,
        Boolean,
        Int,
        Long,
        Float,
        Double,
        Bytes,
        String,
        Record,
        Enum,
        Array,
        Map,
        Union,
        Fixed,
    }

    internal static class AvroKinds
    {
        /// <summary>Avro Java's upper-case type name (used in its messages, e.g. <c>INT</c>).</summary>
        public static string ToJavaName(this AvroKind kind) => kind.ToString().ToUpperInvariant();

        /// <summary>The name used in schema text (<c>int</c>, <c>record</c>).</summary>
        public static string ToSchemaName(this AvroKind kind) => kind.ToString().ToLowerInvariant();

        public static bool TryParsePrimitive(string name, out AvroKind kind)
        {
            switch (name)
            {
                case "null": kind = AvroKind.Null; return true;
                case "boolean": kind = AvroKind.Boolean; return true;
                case "int": kind = AvroKind.Int; return true;
                case "long": kind = AvroKind.Long; return true;
                case "float": kind = AvroKind.Float; return true;
                case "double": kind = AvroKind.Double; return true;
                case "bytes": kind = AvroKind.Bytes; return true;
                case "string": kind = AvroKind.String; return true;
                default: kind = AvroKind.Null; return false;
            }
        }
    }

    /// <summary>
    /// One schema node. Every occurrence in the text is its own node (as in Avro Java), except that a
    /// reference to a named type is a <see cref="AvroReference"/> pointing at the one definition.
    /// </summary>
    internal abstract class AvroNode
    {
        protected AvroNode(SourceLocation location) => Location = location;

        public abstract AvroKind Kind { get; }

        /// <summary>Where the node is written in its file.</summary>
        public SourceLocation Location { get; }

        /// <summary>The node itself, or the definition a reference points to.</summary>
        public virtual AvroNode Resolved => this;
    }

    internal sealed class AvroPrimitive : AvroNode
    {
        public AvroPrimitive(AvroKind kind, SourceLocation location) : base(location) => Kind = kind;

        public override AvroKind Kind { get; }
    }

    /// <summary>A record, enum or fixed: the types that have a name.</summary>
    internal abstract class AvroNamed : AvroNode
    {
        protected AvroNamed(AvroName name, IReadOnlyList<string> aliases, SourceLocation location, SourceLocation nameLocation)
            : base(location)
        {
            Name = name;
            Aliases = aliases;
            NameLocation = nameLocation;
        }

        public AvroName Name { get; }

        /// <summary>Aliases as full names, resolved against the type's namespace the way Avro Java does.</summary>
        public IReadOnlyList<string> Aliases { get; }

        public SourceLocation NameLocation { get; }
    }

    internal sealed class AvroRecord : AvroNamed
    {
        public AvroRecord(AvroName name, IReadOnlyList<string> aliases, SourceLocation location, SourceLocation nameLocation)
            : base(name, aliases, location, nameLocation)
        {
        }

        public override AvroKind Kind => AvroKind.Record;

        /// <summary>Filled after the record is registered, so fields can refer to the record itself.</summary>
        public List<AvroField> Fields { get; } = new List<AvroField>();

        private Dictionary<string, AvroField>? _byName;

        public AvroField? FieldNamed(string name)
        {
            if (_byName == null)
            {
                var map = new Dictionary<string, AvroField>();
                foreach (AvroField f in Fields) map[f.Name] = f;
                _byName = map;
            }
            return _byName.TryGetValue(name, out AvroField? found) ? found : null;
        }
    }

    internal sealed class AvroField
    {
        public AvroField(string name, int position, AvroNode type, JToken? defaultValue, IReadOnlyList<string> aliases, SourceLocation location)
        {
            Name = name;
            Position = position;
            Type = type;
            DefaultValue = defaultValue;
            Aliases = aliases;
            Location = location;
        }

        public string Name { get; }
        public int Position { get; }
        public AvroNode Type { get; }

        /// <summary>The default as written (JSON <c>null</c> is a default too); null when there is none.</summary>
        public JToken? DefaultValue { get; private set; }

        /// <summary>Replaces the default with a copy that belongs to no document (see <see cref="AvroSchemaParser"/>).</summary>
        internal void DetachDefaultFromDocument()
        {
            if (DefaultValue?.Parent != null) DefaultValue = DefaultValue.DeepClone();
        }

        public bool HasDefault => DefaultValue != null;
        public IReadOnlyList<string> Aliases { get; }
        public SourceLocation Location { get; }

        /// <summary>The field's <c>doc</c> (null when it has none); contract lint asks for it, the comparison ignores it.</summary>
        public string? Doc { get; set; }
    }

    internal sealed class AvroEnum : AvroNamed
    {
        public AvroEnum(AvroName name, IReadOnlyList<string> aliases, SourceLocation location, SourceLocation nameLocation,
            IReadOnlyList<string> symbols, string? defaultSymbol, SourceLocation symbolsLocation)
            : base(name, aliases, location, nameLocation)
        {
            Symbols = symbols;
            DefaultSymbol = defaultSymbol;
            SymbolsLocation = symbolsLocation;
        }

        public override AvroKind Kind => AvroKind.Enum;
        public IReadOnlyList<string> Symbols { get; }
        public string? DefaultSymbol { get; }
        public SourceLocation SymbolsLocation { get; }
    }

    internal sealed class AvroFixed : AvroNamed
    {
        public AvroFixed(AvroName name, IReadOnlyList<string> aliases, SourceLocation location, SourceLocation nameLocation,
            int size, SourceLocation sizeLocation)
            : base(name, aliases, location, nameLocation)
        {
            Size = size;
            SizeLocation = sizeLocation;
        }

        public override AvroKind Kind => AvroKind.Fixed;
        public int Size { get; }
        public SourceLocation SizeLocation { get; }
    }

    internal sealed class AvroArray : AvroNode
    {
        public AvroArray(AvroNode items, SourceLocation location) : base(location) => Items = items;

        public override AvroKind Kind => AvroKind.Array;
        public AvroNode Items { get; }
    }

    internal sealed class AvroMap : AvroNode
    {
        public AvroMap(AvroNode values, SourceLocation location) : base(location) => Values = values;

        public override AvroKind Kind => AvroKind.Map;
        public AvroNode Values { get; }
    }

    internal sealed class AvroUnion : AvroNode
    {
        public AvroUnion(IReadOnlyList<AvroNode> branches, SourceLocation location) : base(location) => Branches = branches;

        public override AvroKind Kind => AvroKind.Union;
        public IReadOnlyList<AvroNode> Branches { get; }
    }

    /// <summary>A use of a named type by its name; bound to the definition once the whole schema is read.</summary>
    internal sealed class AvroReference : AvroNode
    {
        public AvroReference(string fullName, string writtenName, SourceLocation location) : base(location)
        {
            FullName = fullName;
            WrittenName = writtenName;
        }

        /// <summary>The name qualified with the namespace in force where it was written.</summary>
        public string FullName { get; }

        /// <summary>The name exactly as written.</summary>
        public string WrittenName { get; }

        public AvroNamed? Target { get; set; }

        public override AvroKind Kind => Resolved.Kind;

        public override AvroNode Resolved => (AvroNode?)Target ?? throw new System.InvalidOperationException("reference '" + FullName + "' was not bound");
    }

    /// <summary>A name split into its short name and namespace, as Avro Java's Name does.</summary>
    internal sealed class AvroName
    {
        public AvroName(string shortName, string? space)
        {
            Short = shortName;
            Space = string.IsNullOrEmpty(space) ? null : space;
            Full = Space == null ? Short : Space + "." + Short;
        }

        public string Short { get; }
        public string? Space { get; }
        public string Full { get; }

        /// <summary>Splits <paramref name="written"/> ("a.b.C" or "C") using <paramref name="defaultSpace"/> when it has no dot.</summary>
        public static AvroName Parse(string written, string? defaultSpace)
        {
            int lastDot = written.LastIndexOf('.');
            return lastDot < 0
                ? new AvroName(written, defaultSpace)
                : new AvroName(written.Substring(lastDot + 1), written.Substring(0, lastDot));
        }

        public override string ToString() => Full;
    }

    /// <summary>The parsed form of an .avsc handed between <see cref="AvroSchemaFormat.Parse"/> and Diff.</summary>
    internal sealed class AvroParsedSchema : ParsedSchema
    {
        public AvroParsedSchema(SchemaSource source, AvroNode root, IReadOnlyDictionary<string, AvroNamed> namedTypes) : base(source)
        {
            Root = root;
            NamedTypes = namedTypes;
        }

        public AvroNode Root { get; }

        /// <summary>Every named type defined in the file, by full name.</summary>
        public IReadOnlyDictionary<string, AvroNamed> NamedTypes { get; }
    }
}
