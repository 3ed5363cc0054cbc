using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Tells EG0004 which types found only by their name never leave the process: real code names MediatR
    /// notifications, client plumbing and observer types "...Event" too. Everything is compared by symbol.
    /// </summary>
    internal sealed class InProcessTypes
    {
        private const string DomainEventSuffix = "DomainEvent";

        /// <summary>
        /// Types a member cannot hold in event data: channels, connections, tasks and streams (delegates are
        /// recognised by their kind). A member of one of these types, or of a type deriving from or
        /// implementing one, marks its type as in-process. Each is looked up where it is declared (see
        /// <see cref="TypeResolver"/>); a framework type's assemblies beyond the core library are named.
        /// </summary>
        private static readonly Func<TypeResolver, INamedTypeSymbol?>[] ProcessOnlyMemberTypeLookups =
        {
            types => types.Framework("System.Threading.Tasks.Task"),
            types => types.Framework("System.Threading.Tasks.ValueTask", "System.Threading.Tasks.Extensions"),
            types => types.Framework("System.Threading.Tasks.ValueTask`1", "System.Threading.Tasks.Extensions"),
            types => types.Framework("System.IO.Stream"),
            types => types.Framework("System.Threading.Channels.Channel`1", "System.Threading.Channels"),
            types => types.Framework("System.Threading.Channels.Channel`2", "System.Threading.Channels"),
            types => types.Framework("System.Threading.Channels.ChannelReader`1", "System.Threading.Channels"),
            types => types.Framework("System.Threading.Channels.ChannelWriter`1", "System.Threading.Channels"),
            types => types.Framework("System.Data.IDbConnection", "System.Data.Common", "System.Data"),
            types => types.Framework("System.Net.Sockets.Socket", "System.Net.Sockets", "System"),
            types => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IModel"),
            types => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IChannel"),
            types => types.Library(RabbitMqTypes.AssemblyName, "RabbitMQ.Client.IConnection"),
            types => types.Library(KafkaTypes.AssemblyName, "Confluent.Kafka.IClient"),
        };

        private readonly Compilation _compilation;

        /// <summary>Resolved when a type is first judged by its members: EG0004 creates this at compilation start.</summary>
        private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _processOnlyMemberTypes;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _interfaces = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        public InProcessTypes(Compilation compilation)
        {
            _compilation = compilation;
            _processOnlyMemberTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(
                () =>
                {
                    TypeResolver types = KnownTypes.For(compilation).Resolver;
                    return ProcessOnlyMemberTypeLookups.Select(lookup => lookup(types)).OfType<INamedTypeSymbol>().ToImmutableArray();
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The types a member cannot hold in event data that this compilation references.</summary>
        internal ImmutableArray<INamedTypeSymbol> ProcessOnlyMemberTypes => _processOnlyMemberTypes.Value;

        /// <summary>
        /// True when a type found only by its name stays in the process: it is not public, it is named
        /// *DomainEvent, it implements an in-process notification interface, or it holds a member that cannot
        /// be serialized as event data.
        /// </summary>
        public bool StaysInProcess(INamedTypeSymbol type, ContractOptions options) =>
            !IsPublic(type)
            || type.Name.EndsWith(DomainEventSuffix, StringComparison.Ordinal)
            || options.InProcessInterfaces.Any(name => type.IsOrImplements(Interface(name)))
            || HoldsProcessOnlyMember(type);

        private static bool IsPublic(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private INamedTypeSymbol? Interface(string metadataName) =>
            _interfaces.GetOrAdd(metadataName, name => _compilation.GetTypeByMetadataName(name));

        private bool HoldsProcessOnlyMember(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared)
                    {
                        continue;
                    }

                    ITypeSymbol? memberType = (member as IPropertySymbol)?.Type ?? (member as IFieldSymbol)?.Type;
                    if (memberType != null && IsProcessOnly(memberType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsProcessOnly(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }

            foreach (INamedTypeSymbol processOnly in ProcessOnlyMemberTypes)
            {
                if (type.IsOrDerivesFrom(processOnly) || type.IsOrImplements(processOnly))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
