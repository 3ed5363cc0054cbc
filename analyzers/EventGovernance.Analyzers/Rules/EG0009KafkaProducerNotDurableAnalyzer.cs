using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0009: a producer is built from a configuration that does not wait for every in-sync replica
    /// (<c>Acks</c> set to a constant other than <c>All</c>) or is not idempotent (<c>EnableIdempotence</c>
    /// unset or false). The configuration is followed by <see cref="ConfigWrites"/>; anything not known at
    /// compile time stays silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaProducerNotDurableAnalyzer : BrokerAnalyzer
    {
        private const string AcksKey = "acks";
        private const string IdempotenceKey = "enable.idempotence";

        /// <summary>The keys followed, with their typed <c>ProducerConfig</c> properties.</summary>
        private static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
        {
            [AcksKey] = "Acks",
            [IdempotenceKey] = "EnableIdempotence",
        };

        /// <summary>librdkafka's value of <c>Acks.All</c>.</summary>
        private const int AllReplicas = -1;

        /// <summary>What is known about one producer setting.</summary>
        private enum Known
        {
            Unset,
            Durable,
            NotDurable,
            Unknown,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaProducerNotDurable);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            if (types.Kafka!.ProducerBuilder != null)
            {
                start.RegisterOperationAction(c => Analyze(c, types), OperationKind.ObjectCreation);
            }
        }

        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            var builder = (IObjectCreationOperation)context.Operation;
            if (!builder.Type.IsSameDefinition(types.Kafka!.ProducerBuilder)
                || builder.Arguments.Length != 1
                || !(ConfigWrites.Follow(builder, builder.Arguments[0].Value, types, Keys, context.CancellationToken) is ConfigWrites config))
            {
                return;
            }

            string? problems = Problems(ValueOf(AcksKey, config[AcksKey]), ValueOf(IdempotenceKey, config[IdempotenceKey]));
            if (problems != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaProducerNotDurable, config.Creation.Syntax.GetLocation(), problems));
            }
        }

        /// <summary>What the message says is wrong, or null when nothing is known to be wrong.</summary>
        private static string? Problems(Known acks, Known idempotence)
        {
            if (acks == Known.Unknown || idempotence == Known.Unknown)
            {
                return null;
            }

            var problems = new List<string>();
            if (acks == Known.NotDurable)
            {
                problems.Add("sets Acks to less than All");
            }

            if (idempotence == Known.Unset)
            {
                problems.Add("leaves EnableIdempotence unset (false)");
            }
            else if (idempotence == Known.NotDurable)
            {
                problems.Add("sets EnableIdempotence to false");
            }

            return problems.Count == 0 ? null : string.Join(" and ", problems);
        }

        /// <summary>An <c>Acks</c> value, a bool, or their string forms; null (or a value not known) as it is.</summary>
        private static Known ValueOf(string key, ConfigValue written)
        {
            if (written.Kind != ConfigValueKind.Written)
            {
                return written.Kind == ConfigValueKind.Unset ? Known.Unset : Known.Unknown;
            }

            IOperation value = written.Value!;
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue)
            {
                return value.IsNullOrDefault() && value.Type?.SpecialType != SpecialType.System_Boolean ? Known.Unset : Known.Unknown;
            }

            switch (constant.Value)
            {
                case null:
                    return Known.Unset;
                case bool flag when key == IdempotenceKey:
                    return flag ? Known.Durable : Known.NotDurable;
                case int acks when key == AcksKey:
                    return acks == AllReplicas ? Known.Durable : Known.NotDurable;
                case string text when key == AcksKey:
                    string trimmed = text.Trim();
                    return trimmed.Equals("all", StringComparison.OrdinalIgnoreCase) || trimmed == "-1" ? Known.Durable : Known.NotDurable;
                case string text when key == IdempotenceKey:
                    return text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? Known.Durable : Known.NotDurable;
                default:
                    return Known.Unknown;
            }
        }
    }
}
