using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>The type an operation action judges whole (EG0007, EG0010), from where the operation is.</summary>
    internal static class JudgedTypeOperations
    {
        /// <summary>The type whose members contain <paramref name="containingSymbol"/>'s code (a member, or a lambda's method).</summary>
        public static INamedTypeSymbol? TypeOf(ISymbol containingSymbol) =>
            (containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType)?.OriginalDefinition;
    }
}
