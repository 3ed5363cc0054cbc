using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
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
        /// implementing one, marks its type as in-process.
        /// </summary>
        private static readonly string[] ProcessOnlyMemberTypeNames =
        {
            "System.Threading.Tasks.Task",
            "System.Threading.Tasks.ValueTask",
            "System.Threading.Tasks.ValueTask`1",
            "System.IO.Stream",
            "System.Threading.Channels.Channel`1",
            "System.Threading.Channels.Channel`2",
            "System.Threading.Channels.ChannelReader`1",
            "System.Threading.Channels.ChannelWriter`1",
            "System.Data.IDbConnection",
            "System.Net.Sockets.Socket",
            "RabbitMQ.Client.IModel",
            "RabbitMQ.Client.IChannel",
            "RabbitMQ.Client.IConnection",
            "Confluent.Kafka.IClient",
        };

        private readonly Compilation _compilation;
        private readonly ImmutableArray<INamedTypeSymbol> _processOnlyMemberTypes;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _interfaces = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        public InProcessTypes(Compilation compilation)
        {
            _compilation = compilation;
            _processOnlyMemberTypes = ProcessOnlyMemberTypeNames
                .Select(compilation.GetTypeByMetadataName)
                .Where(t => t != null)
                .Select(t => t!)
                .ToImmutableArray();
        }

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

            foreach (INamedTypeSymbol processOnly in _processOnlyMemberTypes)
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
