using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Which concrete types a type parameter stands for in one compilation, for EG0004: a
    /// <c>KafkaEventPublisher&lt;T&gt;</c> that produces <c>Message&lt;string, T&gt;</c> produces every <c>T</c> it
    /// (or an interface it implements with that <c>T</c>, such as <c>IEventPublisher&lt;T&gt;</c>) is used with,
    /// and a generic <c>PublishAsync&lt;T&gt;</c> every <c>T</c> it (or the interface method it implements) is
    /// called with. Uses are collected while the compilation is analysed and resolved when it ends.
    /// </summary>
    internal sealed class TypeArgumentFlow
    {
        /// <summary>Generic types used anywhere with type arguments: member, parameter, return and creation types.</summary>
        private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _constructedTypes = new ConcurrentDictionary<INamedTypeSymbol, byte>(SymbolEqualityComparer.Default);

        /// <summary>Generic methods called with type arguments.</summary>
        private readonly ConcurrentDictionary<IMethodSymbol, byte> _genericCalls = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);

        /// <summary>The compilation's own assembly: only the types declared in it can be contracts.</summary>
        private readonly IAssemblySymbol _assembly;

        public TypeArgumentFlow(IAssemblySymbol assembly)
        {
            _assembly = assembly;
        }

        public void NoteConstructedType(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol named && IsConstructed(named) && CanCarryContract(named.TypeArguments))
            {
                _constructedTypes.TryAdd(named, 0);
            }
        }

        public void NoteCall(IMethodSymbol method)
        {
            if (method.IsGenericMethod && !SymbolEqualityComparer.Default.Equals(method, method.OriginalDefinition)
                && CanCarryContract(method.TypeArguments))
            {
                _genericCalls.TryAdd(method, 0);
            }
        }

        /// <summary>A generic type with type arguments (<c>Envelope&lt;OrderPlaced&gt;</c>, not <c>Envelope&lt;T&gt;</c>'s definition).</summary>
        public static bool IsConstructed(INamedTypeSymbol type) =>
            type.IsGenericType && !type.IsUnboundGenericType && !SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition);

        /// <summary>
        /// True when a type argument is a type parameter (resolved later) or a named type declared in this
        /// compilation. Only those ever resolve to a contract, so <c>Task&lt;string&gt;</c>, <c>List&lt;int&gt;</c> and
        /// <c>Select&lt;Order, string&gt;</c>'s like are not recorded: most uses in a codebase are of that kind.
        /// </summary>
        public bool CanCarryContract(ImmutableArray<ITypeSymbol> typeArguments)
        {
            foreach (ITypeSymbol argument in typeArguments)
            {
                if (argument is ITypeParameterSymbol
                    || (argument is INamedTypeSymbol && SymbolEqualityComparer.Default.Equals(argument.ContainingAssembly, _assembly)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The named types <paramref name="parameter"/> is instantiated with, following chains of type parameters.</summary>
        public IReadOnlyCollection<INamedTypeSymbol> Resolve(ITypeParameterSymbol parameter)
        {
            var found = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            Resolve(parameter, found, new HashSet<ITypeParameterSymbol>(SymbolEqualityComparer.Default));
            return found;
        }

        private void Resolve(ITypeParameterSymbol parameter, HashSet<INamedTypeSymbol> found, HashSet<ITypeParameterSymbol> visited)
        {
            if (!visited.Add(parameter))
            {
                return;
            }

            foreach (ITypeSymbol argument in ArgumentsFor(parameter))
            {
                switch (argument)
                {
                    case ITypeParameterSymbol outer:
                        Resolve(outer, found, visited);
                        break;
                    case INamedTypeSymbol named:
                        found.Add(named.OriginalDefinition);
                        break;
                }
            }
        }

        private IEnumerable<ITypeSymbol> ArgumentsFor(ITypeParameterSymbol parameter)
        {
            if (parameter.TypeParameterKind == TypeParameterKind.Method && parameter.DeclaringMethod != null)
            {
                var targets = new HashSet<IMethodSymbol>(SameMethods(parameter.DeclaringMethod.OriginalDefinition), SymbolEqualityComparer.Default);
                return _genericCalls.Keys
                    .Where(call => targets.Contains(call.OriginalDefinition) && parameter.Ordinal < call.TypeArguments.Length)
                    .Select(call => call.TypeArguments[parameter.Ordinal]);
            }

            if (parameter.TypeParameterKind == TypeParameterKind.Type && parameter.DeclaringType != null)
            {
                Dictionary<INamedTypeSymbol, HashSet<int>> positions = PositionsOf(parameter, parameter.DeclaringType.OriginalDefinition);
                return _constructedTypes.Keys
                    .Where(type => positions.ContainsKey(type.OriginalDefinition))
                    .SelectMany(type => positions[type.OriginalDefinition]
                        .Where(i => i < type.TypeArguments.Length)
                        .Select(i => type.TypeArguments[i]));
            }

            return Enumerable.Empty<ITypeSymbol>();
        }

        /// <summary>The method, the methods it overrides and the interface methods it implements: a call to any runs it.</summary>
        private static IEnumerable<IMethodSymbol> SameMethods(IMethodSymbol method)
        {
            for (IMethodSymbol? current = method; current != null; current = current.OverriddenMethod)
            {
                yield return current.OriginalDefinition;
            }

            foreach (INamedTypeSymbol implemented in method.ContainingType.AllInterfaces)
            {
                foreach (IMethodSymbol member in implemented.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                    {
                        yield return member.OriginalDefinition;
                    }
                }
            }
        }

        /// <summary>Where a type's own type parameter appears: its own position, and in the interfaces and bases it passes it to.</summary>
        private static Dictionary<INamedTypeSymbol, HashSet<int>> PositionsOf(ITypeParameterSymbol parameter, INamedTypeSymbol declaringType)
        {
            var positions = new Dictionary<INamedTypeSymbol, HashSet<int>>(SymbolEqualityComparer.Default)
            {
                [declaringType] = new HashSet<int> { parameter.Ordinal },
            };
            IEnumerable<INamedTypeSymbol> supertypes = declaringType.AllInterfaces;
            for (INamedTypeSymbol? baseType = declaringType.BaseType; baseType != null; baseType = baseType.BaseType)
            {
                supertypes = supertypes.Concat(new[] { baseType });
            }

            foreach (INamedTypeSymbol supertype in supertypes)
            {
                for (int i = 0; i < supertype.TypeArguments.Length; i++)
                {
                    if (SymbolEqualityComparer.Default.Equals(supertype.TypeArguments[i], parameter))
                    {
                        if (!positions.TryGetValue(supertype.OriginalDefinition, out HashSet<int>? indexes))
                        {
                            indexes = new HashSet<int>();
                            positions[supertype.OriginalDefinition] = indexes;
                        }

                        indexes.Add(i);
                    }
                }
            }

            return positions;
        }
    }
}
