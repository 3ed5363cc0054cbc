namespace EventGovernance.CodeFirst.Host;

// The files the build task and this program exchange in obj/ (System.Text.Json, camelCase). The task writes the
// request and reads the response; keep both sides (EventGovernance.Build's EventTypeDerivation) in step.

/// <summary>What to derive: the built assembly, where to write the schema files, and one entry per EventType item.</summary>
public sealed record DeriveRequest(string Assembly, string OutputDirectory, IReadOnlyList<RequestedType> Types);

/// <param name="Type">The item's type name as written in the project.</param>
/// <param name="Format"><c>json</c> or <c>avro</c>.</param>
/// <param name="Settings">JSON only: <c>Type.Member</c> returning the generator settings, or null.</param>
public sealed record RequestedType(string Type, string Format, string? Settings);

/// <summary>One entry per requested type, in the request's order, plus notes about what the texts depend on.</summary>
public sealed record DeriveResponse(IReadOnlyList<string> Notes, IReadOnlyList<DerivedType> Types);

/// <param name="SchemaFile">The derived text, exactly as the serializer registers it; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">One line saying why the type could not be derived.</param>
/// <param name="Source">Where the type and its properties are declared; null without a portable PDB.</param>
/// <param name="Definitions">Types the schema holds under <c>definitions</c>, by definition name, when the assembly declares exactly one such type.</param>
public sealed record DerivedType(string Type, string? SchemaFile, string? Error, TypeSource? Source, IReadOnlyDictionary<string, TypeSource> Definitions);

/// <summary>A C# type's declaration and its serialized properties' declarations (inherited ones included).</summary>
public sealed record TypeSource(string Name, SourcePlace? Place, IReadOnlyList<MemberSource> Members);

/// <param name="JsonName">The name given by <c>[JsonProperty]</c>, when there is one.</param>
public sealed record MemberSource(string Name, string? JsonName, SourcePlace? Place);

/// <summary>A place in a source file; line and column 1-based, 0 when only the file is known.</summary>
public sealed record SourcePlace(string File, int Line, int Column);
