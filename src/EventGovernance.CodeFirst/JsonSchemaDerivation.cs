using System.Reflection;

namespace EventGovernance.CodeFirst;

/// <summary>
/// What <c>JsonSerializer&lt;T&gt;</c> registers: on .NET 8 and later Confluent calls
/// <c>NewtonsoftJsonSchemaGenerator.FromType&lt;T&gt;()</c> (or the overload taking the settings the producer passes)
/// and registers <c>schema.ToJson()</c>; older targets call NJsonSchema 10's <c>JsonSchema.FromType&lt;T&gt;()</c>.
/// Called through reflection on the assemblies in the application's load context, so the text is the one
/// the application's own NJsonSchema produces.
/// </summary>
internal sealed class JsonSchemaDerivation
{
    private const string NewtonsoftGenerator = "NJsonSchema.NewtonsoftJson.Generation.NewtonsoftJsonSchemaGenerator";
    private const string LegacyGenerator = "NJsonSchema.JsonSchema";

    private readonly Type _generator;

    private JsonSchemaDerivation(Type generator, Assembly generatorAssembly)
    {
        _generator = generator;
        GeneratorAssembly = generatorAssembly;
    }

    public Assembly GeneratorAssembly { get; }

    public static JsonSchemaDerivation Load(ApplicationLoadContext context)
    {
        Assembly? newtonsoft = TryLoad(context, "NJsonSchema.NewtonsoftJson");
        if (newtonsoft?.GetType(NewtonsoftGenerator) is Type generator) return new JsonSchemaDerivation(generator, newtonsoft);

        // NJsonSchema 10 (what the serializer uses below .NET 8) has the Newtonsoft generator built in.
        Assembly? legacy = TryLoad(context, "NJsonSchema");
        if (legacy?.GetType(LegacyGenerator) is Type schema) return new JsonSchemaDerivation(schema, legacy);
        throw new DerivationException("cannot load NJsonSchema: neither the application nor eventgov has NJsonSchema.NewtonsoftJson");
    }

    public string Derive(Type type, object? settings, string displayName)
    {
        if (type.IsValueType || type.IsPointer || type.IsByRef)
            throw new DerivationException($"type '{displayName}' is {(type.IsEnum ? "an enum" : "a struct")}: JsonSerializer<T> takes only classes (where T : class)");
        if (type.ContainsGenericParameters)
            throw new DerivationException($"type '{displayName}' is an open generic: name its arguments, as in {TypeLocator.DisplayName(type)} with types for each parameter");

        MethodInfo fromType = FromTypeMethod(settings, displayName);
        object? schema;
        try
        {
            schema = fromType.Invoke(null, settings == null ? new object[] { type } : new[] { type, settings });
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw new DerivationException($"NJsonSchema cannot generate a schema for '{displayName}': {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
        MethodInfo toJson = schema!.GetType().GetMethod("ToJson", Type.EmptyTypes)
            ?? throw new DerivationException($"the application's NJsonSchema {GeneratorAssembly.GetName().Version} has no ToJson()");
        return (string)toJson.Invoke(schema, null)!;
    }

    private MethodInfo FromTypeMethod(object? settings, string displayName)
    {
        IEnumerable<MethodInfo> candidates = _generator.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "FromType" && !m.IsGenericMethodDefinition);
        if (settings == null)
        {
            return candidates.FirstOrDefault(m => m.GetParameters() is { Length: 1 } p && p[0].ParameterType == typeof(Type))
                ?? throw new DerivationException($"the application's NJsonSchema has no {_generator.Name}.FromType(Type)");
        }
        return candidates.FirstOrDefault(m => m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(Type) && p[1].ParameterType.IsInstanceOfType(settings))
            ?? throw new DerivationException(
                $"--settings returns {settings.GetType().FullName}, which {_generator.FullName}.FromType does not take (JsonSerializer<T> takes NewtonsoftJsonSchemaGeneratorSettings)");
    }

    private static Assembly? TryLoad(ApplicationLoadContext context, string name)
    {
        try
        {
            return context.LoadFromAssemblyName(new AssemblyName(name));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
