namespace EventGovernance.CodeFirst;

/// <summary>
/// Bad input to a derivation (assembly missing or not loadable, type not found, a type the serializer cannot
/// handle). The message is one line, meant to be printed as it is.
/// </summary>
public sealed class DerivationException : Exception
{
    public DerivationException(string message) : base(message)
    {
    }
}
