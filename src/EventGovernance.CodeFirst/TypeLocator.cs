using System.Reflection;
using System.Runtime.Loader;

namespace EventGovernance.CodeFirst;

/// <summary>
/// Finds a type by the name a user types: a full name (<c>Shop.Orders.OrderPlaced</c>), a nested type with
/// '.' or '+' (<c>Shop.Outer.Inner</c>), or a closed generic in C# syntax (<c>Shop.Envelope&lt;Shop.OrderPlaced&gt;</c>)
/// or runtime syntax (<c>Shop.Envelope`1[[Shop.OrderPlaced]]</c>). A name that matches nothing fails with the
/// closest names the assembly has.
/// </summary>
internal sealed class TypeLocator
{
    private readonly Assembly _assembly;
    private readonly AssemblyLoadContext _context;
    private readonly Lazy<IReadOnlyList<Type>> _allTypes;

    public TypeLocator(Assembly assembly, AssemblyLoadContext context)
    {
        _assembly = assembly;
        _context = context;
        _allTypes = new Lazy<IReadOnlyList<Type>>(() => LoadableTypes(assembly));
    }

    public Type Find(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.Length == 0) throw new DerivationException("a type name is empty");
        return TryFind(trimmed) ?? throw NotFound(trimmed);
    }

    private Type? TryFind(string name)
    {
        int open = name.IndexOf('<');
        if (open > 0 && name.EndsWith('>'))
        {
            List<string> arguments = SplitArguments(name.Substring(open + 1, name.Length - open - 2));
            Type? definition = TryFindPlain($"{name.Substring(0, open).Trim()}`{arguments.Count}");
            if (definition == null) return null;
            var resolved = new Type[arguments.Count];
            for (int i = 0; i < arguments.Count; i++)
            {
                Type? argument = TryFind(arguments[i].Trim()) ?? BuiltIn(arguments[i].Trim());
                if (argument == null) throw NotFound(arguments[i].Trim());
                resolved[i] = argument;
            }
            return MakeGeneric(definition, resolved, name);
        }
        return TryFindPlain(name);
    }

    private Type? TryFindPlain(string name)
    {
        Type? found = _assembly.GetType(name, throwOnError: false);
        if (found != null) return found;

        // Nested types: C# writes Outer.Inner, the runtime Outer+Inner. Try the '+' from the right.
        string candidate = name;
        for (int dot = candidate.LastIndexOf('.'); dot > 0; dot = candidate.LastIndexOf('.', dot - 1))
        {
            candidate = candidate.Substring(0, dot) + "+" + candidate.Substring(dot + 1);
            found = _assembly.GetType(candidate, throwOnError: false);
            if (found != null) return found;
        }

        // Runtime syntax with generic arguments, or a type from one of the application's references.
        try
        {
            found = Type.GetType(name, an => _context.LoadFromAssemblyName(an), (a, n, _) => (a ?? _assembly).GetType(n, false) ?? FromLoaded(n), throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            found = null;
        }
        return found ?? BuiltIn(name);
    }

    private Type? FromLoaded(string name)
    {
        foreach (Assembly assembly in _context.Assemblies)
        {
            Type? type = assembly.GetType(name, throwOnError: false);
            if (type != null) return type;
        }
        return null;
    }

    /// <summary>C# keywords and System types, for generic arguments such as <c>Envelope&lt;string&gt;</c>.</summary>
    private static Type? BuiltIn(string name) => name switch
    {
        "string" => typeof(string),
        "int" => typeof(int),
        "long" => typeof(long),
        "bool" => typeof(bool),
        "double" => typeof(double),
        "decimal" => typeof(decimal),
        "object" => typeof(object),
        // Only the core library: never one of the tool's own types.
        _ => typeof(object).Assembly.GetType(name, throwOnError: false) ?? typeof(object).Assembly.GetType("System." + name, throwOnError: false),
    };

    private static Type MakeGeneric(Type definition, Type[] arguments, string name)
    {
        try
        {
            return definition.MakeGenericType(arguments);
        }
        catch (ArgumentException e)
        {
            throw new DerivationException($"type '{name}': {e.Message}");
        }
    }

    private static List<string> SplitArguments(string text)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '<') depth++;
            else if (text[i] == '>') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }
        parts.Add(text.Substring(start));
        return parts;
    }

    private DerivationException NotFound(string name)
    {
        IReadOnlyList<string> closest = ClosestNames(name, _allTypes.Value.Select(DisplayName), 3);
        string hint = closest.Count == 0 ? "" : "; closest: " + string.Join(", ", closest);
        return new DerivationException($"type '{name}' not found in {Path.GetFileName(_assembly.Location)}{hint}");
    }

    /// <summary>The name a user would type: generic definitions as Name&lt;T&gt;, nested types with '.'.</summary>
    internal static string DisplayName(Type type)
    {
        string name = (type.FullName ?? type.Name).Replace('+', '.');
        if (!type.IsGenericTypeDefinition) return name;
        int tick = name.IndexOf('`');
        string baseName = tick < 0 ? name : name.Substring(0, tick);
        return baseName + "<" + string.Join(",", type.GetGenericArguments().Select(a => a.Name)) + ">";
    }

    /// <summary>The candidates nearest to <paramref name="name"/> by edit distance, on full and simple names.</summary>
    internal static IReadOnlyList<string> ClosestNames(string name, IEnumerable<string> candidates, int count)
    {
        string simple = SimpleName(name);
        return candidates
            .Select(c => (Name: c, Distance: Math.Min(Distance(name, c), Distance(simple, SimpleName(c)))))
            .Where(c => c.Distance <= Math.Max(3, simple.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)
            .ToList();
    }

    private static string SimpleName(string name)
    {
        int generic = name.IndexOf('<');
        string head = generic < 0 ? name : name.Substring(0, generic);
        int dot = head.LastIndexOf('.');
        return dot < 0 ? head : head.Substring(dot + 1);
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static IReadOnlyList<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t != null).Select(t => t!).ToList();
        }
    }
}
