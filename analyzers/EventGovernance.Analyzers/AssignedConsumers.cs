using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// A consumer that only <c>Assign</c>s partitions at explicit offsets (a replay tool, a reader that keeps
    /// its own positions) never reads the group's committed offsets, so what auto-commit writes is never used.
    /// </summary>
    internal static class AssignedConsumers
    {
        /// <summary>
        /// True when the builder's <c>Build()</c> result is held in a local of the same method that is given
        /// explicit offsets through <c>Assign</c>/<c>IncrementalAssign</c>, never <c>Subscribe</c>s, and is handed
        /// to nothing else (which might subscribe it).
        /// </summary>
        public static bool OnlyReadsExplicitOffsets(IObjectCreationOperation builder, KafkaTypes kafka)
        {
            ILocalSymbol? consumer = BuiltConsumer(builder, kafka);
            if (consumer == null)
            {
                return false;
            }

            bool assigned = false;
            foreach (IOperation operation in builder.GetRoot().Descendants())
            {
                if (!(operation is ILocalReferenceOperation use) || use.IsDeclaration || !SymbolEqualityComparer.Default.Equals(use.Local, consumer))
                {
                    continue;
                }

                if (!(use.Parent is IInvocationOperation call) || call.Instance != use || !call.TargetMethod.ContainingType.IsOrImplements(kafka.Consumer))
                {
                    // Handed on, reassigned or converted: someone else may subscribe it.
                    return false;
                }

                switch (call.TargetMethod.Name)
                {
                    case "Subscribe":
                        return false;
                    case "Assign":
                    case "IncrementalAssign":
                        if (!call.Arguments.All(a => IsExplicitOffsets(a.Value, kafka)))
                        {
                            return false;
                        }

                        assigned = true;
                        break;
                }
            }

            return assigned;
        }

        /// <summary>The local that <c>new Builder(config)...Build()</c> is stored in, following the builder's fluent calls.</summary>
        private static ILocalSymbol? BuiltConsumer(IObjectCreationOperation builder, KafkaTypes kafka)
        {
            IOperation current = builder;
            while (current.Parent is IInvocationOperation call && call.Instance == current)
            {
                current = call;
                if (call.TargetMethod.Name == "Build" && call.Type.IsOrImplements(kafka.Consumer))
                {
                    break;
                }
            }

            if (!(current is IInvocationOperation build) || build.TargetMethod.Name != "Build")
            {
                return null;
            }

            IOperation value = build;
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            switch (value.Parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Value == value && assignment.Target is ILocalReferenceOperation local:
                    return local.Local;
                default:
                    return null;
            }
        }

        /// <summary>A TopicPartitionOffset (or a sequence of them) whose offset, when written here, is not Offset.Stored.</summary>
        private static bool IsExplicitOffsets(IOperation argument, KafkaTypes kafka)
        {
            IOperation value = argument.WalkDownConversions();
            ITypeSymbol? type = value.Type;
            if (type.IsSameDefinition(kafka.TopicPartitionOffset))
            {
                return !(value is IObjectCreationOperation creation) || !creation.Arguments.Any(a => IsStored(a.Value, kafka));
            }

            // IEnumerable<TopicPartitionOffset>, a list or an array of them.
            return type != null
                   && (type is IArrayTypeSymbol array ? array.ElementType.IsSameDefinition(kafka.TopicPartitionOffset)
                       : type.AllInterfaces.Concat(new[] { type }.OfType<INamedTypeSymbol>()).Any(i =>
                           i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                           && i.TypeArguments[0].IsSameDefinition(kafka.TopicPartitionOffset)));
        }

        private static bool IsStored(IOperation value, KafkaTypes kafka) =>
            kafka.OffsetStored != null
            && value.WalkDownConversions() is IMemberReferenceOperation member
            && SymbolEqualityComparer.Default.Equals(member.Member, kafka.OffsetStored);
    }
}
