using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0017: a consumer that joins a group is built from a configuration whose
    /// <c>PartitionAssignmentStrategy</c> is unset (librdkafka's eager "range,roundrobin") or a constant other
    /// than <c>CooperativeSticky</c>. Followed by <see cref="ConfigWrites"/>; a consumer that only
    /// <c>Assign</c>s partitions never rebalances and is not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaEagerRebalanceAnalyzer : BrokerAnalyzer
    {
        /// <summary>Diagnostic property: present when the code fix can set the strategy in the creation's initializer.</summary>
        public const string FixInInitializerProperty = "FixInInitializer";

        public const string StrategyProperty = "PartitionAssignmentStrategy";
        private const string StrategyKey = "partition.assignment.strategy";
        private const string CooperativeStickyText = "cooperative-sticky";

        private static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string> { [StrategyKey] = StrategyProperty };

        private static readonly ImmutableDictionary<string, string?> Fixable =
            ImmutableDictionary<string, string?>.Empty.Add(FixInInitializerProperty, "true");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaEagerRebalance);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            if (types.Kafka!.ConsumerBuilder != null)
            {
                start.RegisterOperationAction(c => Analyze(c, types), OperationKind.ObjectCreation);
            }
        }

        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            var builder = (IObjectCreationOperation)context.Operation;
            if (!(ConsumerSettings.ConfigArgument(builder, types) is IArgumentOperation argument)
                || !(ConfigWrites.Follow(builder, argument.Value, types, Keys, context.CancellationToken) is ConfigWrites config)
                || AssignedConsumers.OnlyReadsExplicitOffsets(builder, kafka))
            {
                return;
            }

            ConfigValue strategy = config[StrategyKey];
            string? problem = Problem(strategy, kafka);
            if (problem == null)
            {
                return;
            }

            bool fixable = SymbolEqualityComparer.Default.Equals(config.Creation.Type, kafka.ConsumerConfig)
                           && (strategy.Kind == ConfigValueKind.Unset || strategy.InInitializer);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.KafkaEagerRebalance,
                config.Creation.Syntax.GetLocation(),
                fixable ? Fixable : ImmutableDictionary<string, string?>.Empty,
                problem));
        }

        /// <summary>What the message says, or null when the strategy is cooperative or not known.</summary>
        private static string? Problem(ConfigValue strategy, KafkaTypes kafka)
        {
            switch (strategy.Kind)
            {
                case ConfigValueKind.Unset:
                    return "leaves PartitionAssignmentStrategy unset (eager range/round-robin)";
                case ConfigValueKind.Unknown:
                    return null;
            }

            IOperation value = strategy.Value!.WalkDownConversions();
            Optional<object?> constant = value.ConstantValue;
            if (!constant.HasValue)
            {
                return null;
            }

            switch (constant.Value)
            {
                case null:
                    return "leaves PartitionAssignmentStrategy unset (eager range/round-robin)";
                case string text:
                    return text.Trim().Equals(CooperativeStickyText, StringComparison.OrdinalIgnoreCase)
                        ? null
                        : "sets PartitionAssignmentStrategy to the eager '" + text + "'";
                default:
                    if (kafka.CooperativeSticky == null || !kafka.CooperativeSticky.HasConstantValue)
                    {
                        return null;
                    }

                    if (Equals(constant.Value, kafka.CooperativeSticky.ConstantValue))
                    {
                        return null;
                    }

                    return value is IFieldReferenceOperation member
                        ? "sets PartitionAssignmentStrategy to the eager " + member.Field.Name
                        : "sets PartitionAssignmentStrategy to an eager strategy";
            }
        }
    }
}
