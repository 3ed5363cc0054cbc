using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace EventGovernance.CodeFirst.Host;

/// <summary>
/// Where a type and its properties are declared, read from the assembly's portable PDB (beside it or embedded)
/// without loading the assembly: a property is where its accessors' first sequence point is, a type in the
/// document of its members (or its TypeDefinitionDocuments record) at the line that declares it. Nothing is
/// inferred from names alone: what the PDB does not place is left without a place.
/// </summary>
internal sealed class SourceMap
{
    /// <summary>The TypeDefinitionDocuments custom debug information (types without methods, such as enums).</summary>
    private static readonly Guid TypeDocumentsKind = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly MetadataReader _metadata;
    private readonly MetadataReader _pdb;
    private readonly Dictionary<string, TypeDefinitionHandle> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDefinitionHandle>> _bySimpleName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]?> _sourceLines = new(StringComparer.Ordinal);

    private SourceMap(MetadataReader metadata, MetadataReader pdb)
    {
        _metadata = metadata;
        _pdb = pdb;
        foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
        {
            string full = FullName(handle);
            _byFullName[full] = handle;
            string simple = SimpleName(metadata.GetString(metadata.GetTypeDefinition(handle).Name));
            if (!_bySimpleName.TryGetValue(simple, out List<TypeDefinitionHandle>? list)) _bySimpleName[simple] = list = new List<TypeDefinitionHandle>();
            list.Add(handle);
        }
    }

    /// <summary>The map, or null when the assembly has no portable PDB (then findings stay at the project).</summary>
    public static SourceMap? TryOpen(string assemblyPath)
    {
        try
        {
            var pe = new PEReader(File.OpenRead(assemblyPath));
            if (!pe.TryOpenAssociatedPortablePdb(assemblyPath, path => File.Exists(path) ? File.OpenRead(path) : null, out MetadataReaderProvider? provider, out _)
                || provider == null)
                return null;
            return new SourceMap(pe.GetMetadataReader(), provider.GetMetadataReader());
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A type by its runtime full name (<c>Shop.Outer+Inner</c>; a closed generic by its definition).</summary>
    public TypeSource? Type(string runtimeFullName)
    {
        int generic = runtimeFullName.IndexOf('[');
        string definition = generic < 0 ? runtimeFullName : runtimeFullName[..generic];
        return _byFullName.TryGetValue(definition, out TypeDefinitionHandle handle) ? Describe(handle) : null;
    }

    /// <summary>The only type with this simple name, or null when none or several have it.</summary>
    public TypeSource? UniqueTypeNamed(string name) =>
        _bySimpleName.TryGetValue(name, out List<TypeDefinitionHandle>? handles) && handles.Count == 1 ? Describe(handles[0]) : null;

    private TypeSource Describe(TypeDefinitionHandle handle)
    {
        var members = new List<MemberSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Inherited properties are serialized too; the most derived declaration wins.
        for (TypeDefinitionHandle? current = handle; current is TypeDefinitionHandle type; current = BaseInAssembly(type))
        {
            foreach (PropertyDefinitionHandle propertyHandle in _metadata.GetTypeDefinition(type).GetProperties())
            {
                PropertyDefinition property = _metadata.GetPropertyDefinition(propertyHandle);
                string name = _metadata.GetString(property.Name);
                if (!seen.Add(name)) continue;
                members.Add(new MemberSource(name, JsonPropertyName(property), PropertyPlace(property)));
            }
        }
        return new TypeSource(FullName(handle).Replace('+', '.'), TypePlace(handle), members);
    }

    private TypeDefinitionHandle? BaseInAssembly(TypeDefinitionHandle handle)
    {
        EntityHandle baseType = _metadata.GetTypeDefinition(handle).BaseType;
        return baseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)baseType : null;
    }

    private SourcePlace? PropertyPlace(PropertyDefinition property)
    {
        PropertyAccessors accessors = property.GetAccessors();
        foreach (MethodDefinitionHandle accessor in new[] { accessors.Getter, accessors.Setter })
        {
            if (accessor.IsNil || FirstSequencePoint(accessor) is not (string file, int line, int column)) continue;
            return new SourcePlace(file, line, DeclarationColumn(file, line, column));
        }
        return null;
    }

    /// <summary>
    /// An auto-property's accessor is placed at its <c>get;</c>: the declaration starts at the line's first
    /// character. Anything else (a positional record's parameter) is placed where the declaration itself is.
    /// </summary>
    private int DeclarationColumn(string file, int line, int column)
    {
        string[]? lines = SourceLines(file);
        if (lines == null || line > lines.Length) return column;
        string text = lines[line - 1];
        string at = column - 1 < text.Length ? text[(column - 1)..] : "";
        if (!Regex.IsMatch(at, @"^(get|set|init)\b")) return column;
        int first = text.Length - text.TrimStart().Length;
        return first + 1;
    }

    private SourcePlace? TypePlace(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _metadata.GetTypeDefinition(handle);
        var candidates = new List<(string File, int Line)>();
        foreach (MethodDefinitionHandle method in type.GetMethods())
        {
            if (FirstSequencePoint(method) is (string file, int line, _)) candidates.Add((file, line));
        }
        IEnumerable<string> documents = candidates.Select(c => c.File).Concat(TypeDocuments(handle)).Distinct(StringComparer.Ordinal);
        string name = SimpleName(_metadata.GetString(type.Name));
        var declaration = new Regex(@"\b(class|record|struct|interface)\s+(class\s+|struct\s+)?" + Regex.Escape(name) + @"\b");
        foreach (string document in documents)
        {
            string[]? lines = SourceLines(document);
            if (lines == null) continue;
            for (int i = 0; i < lines.Length; i++)
            {
                Match match = declaration.Match(lines[i]);
                if (!match.Success || lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                int first = lines[i].Length - lines[i].TrimStart().Length;
                return new SourcePlace(document, i + 1, first + 1);
            }
        }
        // The document is known but not its text: the file alone.
        string? known = documents.FirstOrDefault();
        return known == null ? null : new SourcePlace(known, 0, 0);
    }

    private IEnumerable<string> TypeDocuments(TypeDefinitionHandle handle)
    {
        foreach (CustomDebugInformationHandle info in _pdb.GetCustomDebugInformation(handle))
        {
            CustomDebugInformation debug = _pdb.GetCustomDebugInformation(info);
            if (_pdb.GetGuid(debug.Kind) != TypeDocumentsKind) continue;
            BlobReader blob = _pdb.GetBlobReader(debug.Value);
            while (blob.RemainingBytes > 0)
            {
                int row = blob.ReadCompressedInteger();
                yield return _pdb.GetString(_pdb.GetDocument(MetadataTokens.DocumentHandle(row)).Name);
            }
        }
    }

    private (string File, int Line, int Column)? FirstSequencePoint(MethodDefinitionHandle method)
    {
        MethodDebugInformation debug = _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
        foreach (SequencePoint point in debug.GetSequencePoints())
        {
            if (point.IsHidden) continue;
            return (_pdb.GetString(_pdb.GetDocument(point.Document).Name), point.StartLine, point.StartColumn);
        }
        return null;
    }

    /// <summary>The name given by Newtonsoft's <c>[JsonProperty("name")]</c> or <c>[JsonProperty(PropertyName = "name")]</c>.</summary>
    private string? JsonPropertyName(PropertyDefinition property)
    {
        foreach (CustomAttributeHandle handle in property.GetCustomAttributes())
        {
            CustomAttribute attribute = _metadata.GetCustomAttribute(handle);
            if (AttributeTypeName(attribute) != "Newtonsoft.Json.JsonPropertyAttribute") continue;
            CustomAttributeValue<string?> value = attribute.DecodeValue(AttributeArguments.Instance);
            if (value.FixedArguments.Length > 0 && value.FixedArguments[0].Value is string positional) return positional;
            foreach (CustomAttributeNamedArgument<string?> named in value.NamedArguments)
                if (named.Name == "PropertyName" && named.Value is string name) return name;
        }
        return null;
    }

    private string? AttributeTypeName(CustomAttribute attribute)
    {
        EntityHandle parent = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => _metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => _metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return parent.Kind switch
        {
            HandleKind.TypeReference => _metadata.GetTypeReference((TypeReferenceHandle)parent) is var r
                ? _metadata.GetString(r.Namespace) + "." + _metadata.GetString(r.Name) : null,
            HandleKind.TypeDefinition => FullName((TypeDefinitionHandle)parent),
            _ => null,
        };
    }

    private string FullName(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _metadata.GetTypeDefinition(handle);
        string name = _metadata.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return FullName(declaring) + "+" + name;
        string ns = _metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Without the generic arity: <c>Envelope`1</c> is <c>Envelope</c>.</summary>
    private static string SimpleName(string name)
    {
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    private string[]? SourceLines(string file)
    {
        if (_sourceLines.TryGetValue(file, out string[]? cached)) return cached;
        string[]? lines = null;
        try
        {
            if (File.Exists(file)) lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lines = null;
        }
        return _sourceLines[file] = lines;
    }

    /// <summary>Decodes attribute arguments far enough to read strings; every other value is kept as its type's name.</summary>
    private sealed class AttributeArguments : ICustomAttributeTypeProvider<string?>
    {
        public static readonly AttributeArguments Instance = new();

        public string? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string? GetSystemType() => "System.Type";
        public string? GetSZArrayType(string? elementType) => elementType + "[]";
        public string? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string? GetTypeFromSerializedName(string name) => name;
        // Enums in attribute arguments (Required = Required.Always) are read as their underlying int.
        public PrimitiveTypeCode GetUnderlyingEnumType(string? type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string? type) => type == "System.Type" || type == "Type";
    }
}
