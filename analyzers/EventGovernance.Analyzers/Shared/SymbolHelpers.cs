using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Type checks by resolved symbol, never by name. Generic types compare by their definition, so
    /// <c>IProducer&lt;string, Order&gt;</c> is an <c>IProducer&lt;,&gt;</c>.
    /// </summary>
    internal static class SymbolHelpers
    {
        /// <summary>True when both are the same type, comparing generic types by their definition.</summary>
        public static bool IsSameDefinition(this ITypeSymbol? type, ITypeSymbol? other) =>
            type != null && other != null
            && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, other.OriginalDefinition);

        /// <summary>The type is <paramref name="baseType"/> or derives from it.</summary>
        public static bool IsOrDerivesFrom(this ITypeSymbol? type, ITypeSymbol? baseType)
        {
            if (baseType == null)
            {
                return false;
            }

            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (current.IsSameDefinition(baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type is <paramref name="interfaceType"/> or implements it.</summary>
        public static bool IsOrImplements(this ITypeSymbol? type, ITypeSymbol? interfaceType)
        {
            if (type == null || interfaceType == null)
            {
                return false;
            }

            if (type.IsSameDefinition(interfaceType))
            {
                return true;
            }

            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (implemented.IsSameDefinition(interfaceType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The constructed form of <paramref name="definition"/> that <paramref name="type"/> is, derives from or
        /// implements (e.g. <c>ConsumerBuilder&lt;string, Order&gt;</c> for a team's own builder), or null.
        /// </summary>
        public static INamedTypeSymbol? FindConstructed(this ITypeSymbol? type, INamedTypeSymbol? definition)
        {
            if (definition == null)
            {
                return null;
            }

            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (current is INamedTypeSymbol named && named.IsSameDefinition(definition))
                {
                    return named;
                }
            }

            if (type != null)
            {
                foreach (INamedTypeSymbol implemented in type.AllInterfaces)
                {
                    if (implemented.IsSameDefinition(definition))
                    {
                        return implemented;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Nested types are analysed on their own, so their uses of this type's private members are not
        /// collected with the type's own; a member whose name appears in one is treated as possibly changed there.
        /// </summary>
        public static bool MentionsInNestedType(this INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                foreach (SyntaxReference reference in nested.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken).DescendantTokens().Any(t => t.ValueText == name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
