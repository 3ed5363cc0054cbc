using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Finds the types our rules name in the assembly that declares them. <see cref="Compilation.GetTypeByMetadataName"/>
    /// searches the compilation and every referenced assembly, loading the namespaces of each one (a service
    /// references 150 to 200); that search, about fifty times over, was what every rule was charged for at
    /// compilation start. Here a library's types are looked up in that library's assembly only, and only when it
    /// is referenced; framework types in the core library, then in the assemblies that declare them on current
    /// targets, and only as a last resort across every reference. Source comes first, as it does for the compiler.
    /// Only declarations count, never type forwarders, so a type is the very symbol the compiler binds to.
    /// </summary>
    internal sealed class TypeResolver
    {
        private readonly Compilation _compilation;

        /// <summary>The referenced assemblies by simple name (compared as the compiler compares assembly names).</summary>
        private readonly ILookup<string, IAssemblySymbol> _referenced;

        /// <summary>The assembly that declares <c>System.Object</c>: System.Runtime, System.Private.CoreLib, netstandard or mscorlib.</summary>
        private readonly IAssemblySymbol? _coreLibrary;

        public TypeResolver(Compilation compilation)
        {
            _compilation = compilation;
            // Already bound by the compiler before any analyzer runs: reading it loads no metadata.
            _referenced = compilation.SourceModule.ReferencedAssemblySymbols.ToLookup(a => a.Identity.Name, StringComparer.OrdinalIgnoreCase);
            INamedTypeSymbol objectType = compilation.GetSpecialType(SpecialType.System_Object);
            _coreLibrary = objectType.TypeKind == TypeKind.Error ? null : objectType.ContainingAssembly;
        }

        /// <summary>True when an assembly of that simple name is referenced.</summary>
        public bool References(string assemblyName) => _referenced.Contains(assemblyName);

        /// <summary>
        /// A type of the library whose assembly is <paramref name="assemblyName"/>: null when the library is not
        /// referenced, whatever the compilation's other assemblies or its source declare under the library's names.
        /// </summary>
        public INamedTypeSymbol? Library(string assemblyName, string metadataName)
        {
            if (!_referenced.Contains(assemblyName))
            {
                return null;
            }

            return InSource(metadataName) ?? DeclaredInOne(_referenced[assemblyName], metadataName);
        }

        /// <summary>
        /// A framework type: from source, the core library, or the first of <paramref name="homeAssemblies"/> (the
        /// assemblies that declare it where the core library does not) that declares it; failing those (an
        /// unusual target) from the search across every reference.
        /// </summary>
        public INamedTypeSymbol? Framework(string metadataName, params string[] homeAssemblies)
        {
            INamedTypeSymbol? type = InSource(metadataName) ?? Declared(_coreLibrary, metadataName);
            for (int i = 0; type == null && i < homeAssemblies.Length; i++)
            {
                type = DeclaredInOne(_referenced[homeAssemblies[i]], metadataName);
            }

            return type ?? _compilation.GetTypeByMetadataName(metadataName);
        }

        private INamedTypeSymbol? InSource(string metadataName) => Declared(_compilation.Assembly, metadataName);

        private static INamedTypeSymbol? Declared(IAssemblySymbol? assembly, string metadataName)
        {
            // An assembly's own lookup: its declarations only, not its forwarders nor its references.
            INamedTypeSymbol? type = assembly?.GetTypeByMetadataName(metadataName);
            return type == null || type.TypeKind == TypeKind.Error ? null : type;
        }

        /// <summary>The type declared by exactly one of the assemblies (as the compiler's search, which gives up on two).</summary>
        private static INamedTypeSymbol? DeclaredInOne(System.Collections.Generic.IEnumerable<IAssemblySymbol> assemblies, string metadataName)
        {
            INamedTypeSymbol? found = null;
            foreach (IAssemblySymbol assembly in assemblies)
            {
                INamedTypeSymbol? type = Declared(assembly, metadataName);
                if (type != null)
                {
                    if (found != null)
                    {
                        return null;
                    }

                    found = type;
                }
            }

            return found;
        }
    }
}
