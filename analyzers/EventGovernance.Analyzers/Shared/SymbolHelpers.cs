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
    }
}
