using System.Reflection;

namespace EventGovernance.CodeFirst;

/// <summary>
/// Reads <c>--settings Type.Member</c>: the generator settings a producer passes to <c>JsonSerializer&lt;T&gt;</c>
/// (camelCase, string enums, …), from a static property, field or parameterless method of the application.
/// </summary>
internal static class SettingsReader
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    public static object Read(TypeLocator locator, string member)
    {
        int dot = member.LastIndexOf('.');
        if (dot <= 0 || dot == member.Length - 1)
            throw new DerivationException($"--settings '{member}' is not Type.Member (a static property, field or method returning the generator settings)");
        Type type = locator.Find(member.Substring(0, dot));
        string name = member.Substring(dot + 1);

        Func<object?>? read =
            type.GetProperty(name, Static) is PropertyInfo property ? () => property.GetValue(null)
            : type.GetField(name, Static) is FieldInfo field ? () => field.GetValue(null)
            : type.GetMethod(name, Static, Type.EmptyTypes) is MethodInfo method ? () => method.Invoke(null, null)
            : null;
        if (read == null) throw new DerivationException($"--settings '{member}': {type.FullName} has no static property, field or parameterless method '{name}'");
        try
        {
            return read() ?? throw new DerivationException($"--settings '{member}' returned null");
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw new DerivationException($"--settings '{member}' failed: {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
    }
}
