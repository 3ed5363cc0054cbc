using System.Collections.Generic;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// A field's label as written. Null-like <see cref="Implicit"/> covers proto3 fields without a label,
    /// oneof members and map fields: the registry only compares labels when both sides wrote one.
    /// </summary>
    internal enum ProtoLabel { Implicit, Optional, Required, Repeated }

    /// <summary>One .proto file of a schema: the schema itself or one of the files it imports.</summary>
    internal sealed class ProtoFile
    {
        public ProtoFile(string name, string displayPath, string package, string syntax, string text, bool isRoot, ProtoSourceIndex index)
        {
            Name = name;
            DisplayPath = displayPath;
            Package = package;
            Syntax = syntax;
            Text = text;
            IsRoot = isRoot;
            Index = index;
        }

        /// <summary>The name the file is imported by (the schema's own file name for the root).</summary>
        public string Name { get; }

        /// <summary>How messages name the file.</summary>
        public string DisplayPath { get; }

        public string Package { get; }
        public string Syntax { get; }
        public string Text { get; }
        public bool IsRoot { get; }
        public ProtoSourceIndex Index { get; }

        public List<ProtoMessage> Messages { get; } = new List<ProtoMessage>();
        public List<ProtoEnum> Enums { get; } = new List<ProtoEnum>();

        public SourceLocation? Locate((int Line, int Column)? position) =>
            position == null ? null : new SourceLocation(DisplayPath, position.Value.Line, position.Value.Column);

        /// <summary>
        /// Two type definitions come from the same place when both are in the schema itself, or both come
        /// from the same imported file with the same text (the registry compares reference subject and
        /// version; identical text is the file-based equivalent).
        /// </summary>
        public bool IsSameOrigin(ProtoFile other) =>
            IsRoot ? other.IsRoot : !other.IsRoot && Name == other.Name && Text == other.Text;
    }

    internal sealed class ProtoMessage
    {
        public ProtoMessage(ProtoFile file, string name, string localPath, SourceLocation? location, bool isMapEntry = false)
        {
            File = file;
            Name = name;
            LocalPath = localPath;
            Location = location;
            IsMapEntry = isMapEntry;
        }

        public ProtoFile File { get; }
        public string Name { get; }

        /// <summary>The dotted path inside the file, without the package (<c>Outer.Inner</c>).</summary>
        public string LocalPath { get; }

        public SourceLocation? Location { get; }

        /// <summary>
        /// A map entry written out in the text (<c>option map_entry = true</c>), as the registry prints schemas
        /// derived from compiled descriptors; fields of its type are compared as maps.
        /// </summary>
        public bool IsMapEntry { get; }

        /// <summary>Every field, top-level and oneof members alike, in declaration order.</summary>
        public List<ProtoField> Fields { get; } = new List<ProtoField>();

        /// <summary>Real oneofs (proto3 <c>optional</c>'s synthetic oneofs are not listed).</summary>
        public List<ProtoOneof> Oneofs { get; } = new List<ProtoOneof>();

        /// <summary>Nested messages in declaration order; the entry types behind <c>map&lt;K, V&gt;</c> fields are not listed (they are not written in the text).</summary>
        public List<ProtoMessage> NestedMessages { get; } = new List<ProtoMessage>();

        public List<ProtoEnum> NestedEnums { get; } = new List<ProtoEnum>();

        /// <summary>The <c>reserved</c> numbers and names (contract lint checks a removed field was reserved; the comparison does not).</summary>
        public ProtoReserved Reserved { get; } = new ProtoReserved();
    }

    /// <summary>A message's or enum's <c>reserved</c> statements: inclusive number ranges and names.</summary>
    internal sealed class ProtoReserved
    {
        public List<(int Start, int End)> Ranges { get; } = new List<(int Start, int End)>();
        public HashSet<string> Names { get; } = new HashSet<string>(System.StringComparer.Ordinal);

        public bool HasNumber(int number) => Ranges.Exists(r => number >= r.Start && number <= r.End);
    }

    internal sealed class ProtoOneof
    {
        public ProtoOneof(string name, SourceLocation? location)
        {
            Name = name;
            Location = location;
        }

        public string Name { get; }
        public SourceLocation? Location { get; }
        public List<ProtoField> Fields { get; } = new List<ProtoField>();
    }

    internal sealed class ProtoField
    {
        public ProtoField(string name, int number, ProtoLabel label, ProtoFieldType type, string? oneof, SourceLocation? location)
        {
            Name = name;
            Number = number;
            Label = label;
            Type = type;
            Oneof = oneof;
            Location = location;
        }

        public string Name { get; }
        public int Number { get; }
        public ProtoLabel Label { get; }
        public ProtoFieldType Type { get; }

        /// <summary>The enclosing oneof's name, or null for a top-level field.</summary>
        public string? Oneof { get; }

        public SourceLocation? Location { get; }

        /// <summary>A proto2 <c>[default = ...]</c> as written; null when there is none.</summary>
        public string? DefaultValue { get; set; }
    }

    /// <summary>A field's type: a scalar keyword (<c>int32</c>), or a named type by full name, or a map.</summary>
    internal sealed class ProtoFieldType
    {
        private ProtoFieldType(string? scalar, string? namedType, ProtoFieldType? mapKey, ProtoFieldType? mapValue)
        {
            Scalar = scalar;
            NamedType = namedType;
            MapKey = mapKey;
            MapValue = mapValue;
        }

        public static ProtoFieldType ForScalar(string keyword) => new ProtoFieldType(keyword, null, null, null);

        /// <summary>A message or enum type, by fully qualified name without the leading dot.</summary>
        public static ProtoFieldType ForNamed(string fullName) => new ProtoFieldType(null, fullName, null, null);

        public static ProtoFieldType ForMap(ProtoFieldType key, ProtoFieldType value) => new ProtoFieldType(null, null, key, value);

        public string? Scalar { get; }
        public string? NamedType { get; }
        public ProtoFieldType? MapKey { get; }
        public ProtoFieldType? MapValue { get; }
        public bool IsMap => MapKey != null;

        public override string ToString() =>
            Scalar ?? NamedType ?? $"map<{MapKey}, {MapValue}>";
    }

    internal sealed class ProtoEnum
    {
        public ProtoEnum(ProtoFile file, string name, string localPath, SourceLocation? location)
        {
            File = file;
            Name = name;
            LocalPath = localPath;
            Location = location;
        }

        public ProtoFile File { get; }
        public string Name { get; }
        public string LocalPath { get; }
        public SourceLocation? Location { get; }
        public List<ProtoEnumConstant> Constants { get; } = new List<ProtoEnumConstant>();

        public ProtoReserved Reserved { get; } = new ProtoReserved();
    }

    internal sealed class ProtoEnumConstant
    {
        public ProtoEnumConstant(string name, int number, SourceLocation? location)
        {
            Name = name;
            Number = number;
            Location = location;
        }

        public string Name { get; }
        public int Number { get; }
        public SourceLocation? Location { get; }
    }

    /// <summary>A named type any file of the schema defines, found by full name.</summary>
    internal sealed class ProtoTypeEntry
    {
        public ProtoTypeEntry(ProtoFile file, ProtoMessage? message, ProtoEnum? enumType)
        {
            File = file;
            Message = message;
            Enum = enumType;
        }

        public ProtoFile File { get; }
        public ProtoMessage? Message { get; }
        public ProtoEnum? Enum { get; }

        /// <summary>The name without the defining file's package (what the registry compares).</summary>
        public string LocalName => Message?.LocalPath ?? Enum!.LocalPath;
    }

    /// <summary>A parsed .proto schema: its own file plus every type reachable through its imports.</summary>
    internal sealed class ProtobufParsedSchema : ParsedSchema
    {
        public ProtobufParsedSchema(SchemaSource source, ProtoFile root, IReadOnlyDictionary<string, ProtoTypeEntry> types)
            : base(source)
        {
            Root = root;
            Types = types;
        }

        public ProtoFile Root { get; }

        /// <summary>Every message and enum of the root and its imports, by full name without leading dot.</summary>
        public IReadOnlyDictionary<string, ProtoTypeEntry> Types { get; }
    }
}
