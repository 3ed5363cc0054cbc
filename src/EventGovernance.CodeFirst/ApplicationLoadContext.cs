using System.Reflection;
using System.Runtime.Loader;

namespace EventGovernance.CodeFirst;

/// <summary>
/// Loads the application's assembly with its own dependencies (resolved from its deps.json, then its folder),
/// isolated from the tool's: the schema text depends on the NJsonSchema and Newtonsoft.Json versions, so the
/// application's own copies must win. Only when the application ships none of the schema generator's
/// assemblies are the tool's copies (NJsonSchema 11.6.2) loaded, into this same context, so the generator
/// still sees the application's types and attributes. Framework assemblies come from the shared runtime.
/// </summary>
internal sealed class ApplicationLoadContext : AssemblyLoadContext
{
    /// <summary>The assemblies the JSON derivation may take from the tool when the application has none.</summary>
    private static readonly HashSet<string> GeneratorAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "NJsonSchema", "NJsonSchema.Annotations", "NJsonSchema.NewtonsoftJson", "Namotion.Reflection", "Newtonsoft.Json",
    };

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _applicationDirectory;
    private readonly string _toolDirectory;

    public ApplicationLoadContext(string assemblyPath)
        : base("eventgov-derive:" + Path.GetFileName(assemblyPath), isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
        _applicationDirectory = Path.GetDirectoryName(assemblyPath)!;
        _toolDirectory = Path.GetDirectoryName(typeof(ApplicationLoadContext).Assembly.Location) ?? AppContext.BaseDirectory;
    }

    /// <summary>True when the assembly is the tool's fallback copy rather than one the application ships.</summary>
    public bool IsToolCopy(Assembly assembly) =>
        !string.IsNullOrEmpty(assembly.Location)
        && !string.Equals(Path.GetFullPath(_toolDirectory), Path.GetFullPath(_applicationDirectory), StringComparison.Ordinal)
        && string.Equals(Path.GetDirectoryName(assembly.Location), Path.GetFullPath(_toolDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path != null) return LoadFromAssemblyPath(path);

        // A project without a deps.json (a plain folder of assemblies) still ships its dependencies beside it.
        string? local = FileIn(_applicationDirectory, assemblyName);
        if (local != null) return LoadFromAssemblyPath(local);

        if (assemblyName.Name != null && GeneratorAssemblies.Contains(assemblyName.Name))
        {
            string? tool = FileIn(_toolDirectory, assemblyName);
            if (tool != null) return LoadFromAssemblyPath(tool);
        }

        // The shared framework, from the default context.
        return null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path != null ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }

    private static string? FileIn(string directory, AssemblyName name)
    {
        if (string.IsNullOrEmpty(name.Name)) return null;
        string candidate = Path.Combine(directory, name.Name + ".dll");
        return File.Exists(candidate) ? candidate : null;
    }
}
