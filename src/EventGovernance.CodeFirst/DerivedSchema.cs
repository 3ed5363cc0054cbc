namespace EventGovernance.CodeFirst;

/// <summary>
/// The schema text a producer's serializer registers for one type.
/// </summary>
/// <param name="TypeName">The type's full name as the runtime spells it.</param>
/// <param name="Text">The exact text the serializer sends to the registry.</param>
/// <param name="References">Schemas the text refers to (Protobuf imports), by the name the serializer registers them under.</param>
public sealed record DerivedSchema(string TypeName, DerivedFormat Format, string Text, IReadOnlyList<string> References);

/// <summary>What a derivation produced: the schemas, and notes about what the text depends on.</summary>
public sealed record DerivationResult(IReadOnlyList<DerivedSchema> Schemas, IReadOnlyList<string> Notes);
