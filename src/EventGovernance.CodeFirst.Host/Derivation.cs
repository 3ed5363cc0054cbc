using System.Text;
using System.Text.Json;
using EventGovernance.CodeFirst;

namespace EventGovernance.CodeFirst.Host;

/// <summary>
/// Derives every requested type with <see cref="SchemaDeriver"/>, writes each text into a file of its own and
/// locates the types' declarations in the sources (<see cref="SourceMap"/>).
/// </summary>
internal static class Derivation
{
    public static DeriveResponse Run(DeriveRequest request)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        var notes = new List<string>();
        var texts = new Dictionary<int, DerivedSchema>();
        var errors = new Dictionary<int, string>();

        // One load of the application per format and settings member; types sharing them are derived together.
        foreach (var group in request.Types.Select((t, i) => (Type: t, Index: i)).GroupBy(t => (t.Type.Format, t.Type.Settings)))
        {
            if (!TryParseFormat(group.Key.Format, out DerivedFormat format))
            {
                foreach (var item in group) errors[item.Index] = $"SchemaType '{group.Key.Format}' cannot be derived from a C# type (JSON or AVRO)";
                continue;
            }
            var indexes = group.Select(g => g.Index).ToList();
            try
            {
                DerivationResult result = SchemaDeriver.Derive(request.Assembly, group.Select(g => g.Type.Type).ToList(), format, group.Key.Settings);
                notes.AddRange(result.Notes);
                for (int i = 0; i < indexes.Count; i++) texts[indexes[i]] = result.Schemas[i];
            }
            catch (DerivationException) when (indexes.Count > 1)
            {
                // Which type failed: each on its own, so the others are still checked.
                foreach (int index in indexes) DeriveOne(request, index, format, notes, texts, errors);
            }
            catch (DerivationException e)
            {
                errors[indexes[0]] = e.Message;
            }
        }

        SourceMap? sources = SourceMap.TryOpen(request.Assembly);
        var types = new List<DerivedType>();
        for (int i = 0; i < request.Types.Count; i++)
        {
            RequestedType requested = request.Types[i];
            if (!texts.TryGetValue(i, out DerivedSchema? schema))
            {
                types.Add(new DerivedType(requested.Type, null, errors.GetValueOrDefault(i, "not derived"), null, new Dictionary<string, TypeSource>()));
                continue;
            }
            string file = Path.Combine(request.OutputDirectory, $"{i + 1}-{SafeName(requested.Type)}{(schema.Format == DerivedFormat.Avro ? ".avsc" : ".schema.json")}");
            File.WriteAllText(file, schema.Text, new UTF8Encoding(false));
            types.Add(new DerivedType(requested.Type, file, null, sources?.Type(schema.TypeName), Definitions(sources, schema)));
        }
        return new DeriveResponse(notes.Distinct(StringComparer.Ordinal).ToList(), types);
    }

    private static void DeriveOne(DeriveRequest request, int index, DerivedFormat format, List<string> notes,
        Dictionary<int, DerivedSchema> texts, Dictionary<int, string> errors)
    {
        RequestedType requested = request.Types[index];
        try
        {
            DerivationResult result = SchemaDeriver.Derive(request.Assembly, new[] { requested.Type }, format, requested.Settings);
            notes.AddRange(result.Notes);
            texts[index] = result.Schemas[0];
        }
        catch (DerivationException e)
        {
            errors[index] = e.Message;
        }
    }

    /// <summary>NJsonSchema names each referenced class's definition after the class: map those the assembly declares once.</summary>
    private static IReadOnlyDictionary<string, TypeSource> Definitions(SourceMap? sources, DerivedSchema schema)
    {
        var definitions = new Dictionary<string, TypeSource>(StringComparer.Ordinal);
        if (sources == null || schema.Format != DerivedFormat.Json) return definitions;
        using JsonDocument document = JsonDocument.Parse(schema.Text);
        if (!document.RootElement.TryGetProperty("definitions", out JsonElement defined) || defined.ValueKind != JsonValueKind.Object) return definitions;
        foreach (JsonProperty definition in defined.EnumerateObject())
        {
            if (sources.UniqueTypeNamed(definition.Name) is TypeSource type) definitions[definition.Name] = type;
        }
        return definitions;
    }

    private static bool TryParseFormat(string? text, out DerivedFormat format)
    {
        switch ((text ?? "").Trim().ToUpperInvariant())
        {
            case "":
            case "JSON":
                format = DerivedFormat.Json;
                return true;
            case "AVRO":
                format = DerivedFormat.Avro;
                return true;
            default:
                format = DerivedFormat.Json;
                return false;
        }
    }

    private static string SafeName(string typeName)
    {
        string safe = new string(typeName.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '-' ? c : '_').ToArray());
        return safe.Length > 80 ? safe[..80] : safe;
    }
}
