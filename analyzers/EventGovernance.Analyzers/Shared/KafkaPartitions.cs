using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Reads the partition of a <c>TopicPartition</c> handed to a Produce call.</summary>
    internal static class KafkaPartitions
    {
        /// <summary>librdkafka's "unassigned partition", the value of <c>Partition.Any</c>.</summary>
        private const int Any = -1;

        /// <summary>
        /// True unless the partition is known to be <c>Partition.Any</c> (or -1): a TopicPartition created
        /// with it, inline or in a local given one value. A TopicPartition from elsewhere (a parameter, a
        /// consume result) names a partition the code chose.
        /// </summary>
        public static bool IsExplicit(IOperation topicPartition, KafkaTypes kafka)
        {
            IOperation value = topicPartition.WalkDownConversions();
            if (value is ILocalReferenceOperation local)
            {
                value = value.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() ?? value;
            }

            if (!(value is IObjectCreationOperation creation)
                || !creation.Type.IsSameDefinition(kafka.TopicPartition)
                || creation.Arguments.Length < 2)
            {
                return true;
            }

            return !IsAny(creation.Arguments[1].Value, kafka);
        }

        private static bool IsAny(IOperation partition, KafkaTypes kafka)
        {
            IOperation value = partition.WalkDownConversions();
            switch (value)
            {
                case IMemberReferenceOperation member:
                    return kafka.PartitionAny != null && SymbolEqualityComparer.Default.Equals(member.Member, kafka.PartitionAny);
                case IObjectCreationOperation creation when creation.Type.IsSameDefinition(kafka.Partition) && creation.Arguments.Length == 1:
                    return IsAny(creation.Arguments[0].Value, kafka);
                default:
                    return value.ConstantValue.HasValue && value.ConstantValue.Value is int number && number == Any;
            }
        }
    }
}
