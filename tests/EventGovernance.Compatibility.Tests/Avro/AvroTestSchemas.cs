using EventGovernance.Compatibility;

namespace EventGovernance.Compatibility.Tests.Avro;

/// <summary>Runs the engine on schema text given inline in tests.</summary>
internal static class AvroTestSchemas
{
    public static ParsedSchema Parse(string text, string file = "schema.avsc", IReferenceResolver? references = null) =>
        SchemaFormats.Avro.Parse(new SchemaSource(text, SchemaType.Avro, file, references));

    /// <summary>Differences when <paramref name="reader"/> reads data written with <paramref name="writer"/>.</summary>
    public static IReadOnlyList<Difference> ReaderWriter(string reader, string writer) =>
        SchemaFormats.Avro.Diff(Parse(writer, "writer.avsc"), Parse(reader, "reader.avsc"), CompatibilityOptions.Default);

    public static bool CanRead(string reader, string writer) => ReaderWriter(reader, writer).All(d => d.IsCompatible);

    public static string Describe(IEnumerable<Difference> differences) => string.Join("; ", differences.Select(d => $"{d.Type} {d.Path}"));

    public static SchemaException ParseError(string text, string file = "bad.avsc") =>
        Assert.Throws<SchemaException>(() => Parse(text, file));
}
