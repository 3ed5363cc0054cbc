using System.Reflection;

namespace EventGovernance.CodeFirst;

/// <summary>
/// Derives, from a compiled application, the schema its producer's Confluent serializer registers for each
/// named type. The assembly is loaded in a collectible context of its own (see <see cref="ApplicationLoadContext"/>)
/// and unloaded afterwards.
/// </summary>
public static class SchemaDeriver
{
    /// <param name="assemblyPath">The application's assembly (its output folder holds its dependencies).</param>
    /// <param name="typeNames">Full type names; nested types and closed generics in C# syntax work too.</param>
    /// <param name="settingsMember">
    /// JSON only: <c>Type.Member</c>, a static property, field or parameterless method of the application returning
    /// the <c>NewtonsoftJsonSchemaGeneratorSettings</c> the producer passes to the serializer.
    /// </param>
    /// <exception cref="DerivationException">Bad input; the message is one line.</exception>
    public static DerivationResult Derive(string assemblyPath, IReadOnlyList<string> typeNames, DerivedFormat format, string? settingsMember = null)
    {
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath)) throw new DerivationException($"assembly not found: {assemblyPath}");
        if (typeNames.Count == 0) throw new DerivationException("no type named: give at least one --type");
        if (settingsMember != null && format != DerivedFormat.Json) throw new DerivationException("--settings applies only to --format json");

        var context = new ApplicationLoadContext(fullPath);
        try
        {
            Assembly assembly = LoadApplication(context, fullPath, assemblyPath);
            var locator = new TypeLocator(assembly, context);
            var notes = new List<string>();
            var schemas = new List<DerivedSchema>();
            if (format == DerivedFormat.Json)
            {
                JsonSchemaDerivation json = JsonSchemaDerivation.Load(context);
                notes.Add(GeneratorNote(context, json.GeneratorAssembly));
                string documentation = Path.ChangeExtension(fullPath, ".xml");
                if (!File.Exists(documentation))
                {
                    notes.Add($"no XML documentation file beside {Path.GetFileName(fullPath)}: the schema has no descriptions from /// comments; "
                              + "if the deployed producer has that file (GenerateDocumentationFile), the text it registers differs");
                }
                object? settings = settingsMember == null ? null : SettingsReader.Read(locator, settingsMember);
                foreach (string name in typeNames)
                {
                    Type type = locator.Find(name);
                    schemas.Add(new DerivedSchema(type.FullName!, DerivedFormat.Json, json.Derive(type, settings, name), Array.Empty<string>()));
                }
            }
            else
            {
                foreach (string name in typeNames)
                {
                    Type type = locator.Find(name);
                    schemas.Add(format == DerivedFormat.Avro ? RecordSchemaDerivation.Avro(type, name) : RecordSchemaDerivation.Protobuf(type, name));
                }
            }
            return new DerivationResult(schemas, notes);
        }
        finally
        {
            context.Unload();
        }
    }

    private static Assembly LoadApplication(ApplicationLoadContext context, string fullPath, string shownPath)
    {
        try
        {
            return context.LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException)
        {
            throw new DerivationException($"cannot load {shownPath}: not a .NET assembly");
        }
        catch (FileLoadException e)
        {
            throw new DerivationException($"cannot load {shownPath}: {e.Message}");
        }
    }

    private static string GeneratorNote(ApplicationLoadContext context, Assembly generator)
    {
        string version = generator.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
            ?? generator.GetName().Version?.ToString() ?? "?";
        return context.IsToolCopy(generator)
            ? $"the application ships no NJsonSchema: derived with eventgov's own {generator.GetName().Name} {version}; the producer's text may differ if it uses another version"
            : $"derived with the application's {generator.GetName().Name} {version}";
    }
}
