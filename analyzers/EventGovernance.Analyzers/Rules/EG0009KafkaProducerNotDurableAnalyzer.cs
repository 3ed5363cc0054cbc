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
    /// unset or false). The configuration is followed inline and through a local given one creation in the
    /// method, with the writes to it before the builder; anything not known at compile time stays silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaProducerNotDurableAnalyzer : BrokerAnalyzer
    {
        private const string AcksKey = "acks";
        private const string IdempotenceKey = "enable.idempotence";

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
            KafkaTypes kafka = types.Kafka!;
            var builder = (IObjectCreationOperation)context.Operation;
            if (!builder.Type.IsSameDefinition(kafka.ProducerBuilder) || builder.Arguments.Length != 1)
            {
                return;
            }

            IOperation config = builder.Arguments[0].Value.WalkDownConversions();
            ILocalSymbol? local = (config as ILocalReferenceOperation)?.Local;
            IObjectCreationOperation? creation = local == null
                ? config as IObjectCreationOperation
                : builder.GetRoot().SingleAssignedValue(local)?.WalkDownConversions() as IObjectCreationOperation;
            if (creation == null || !StartsFromDefaults(creation, types))
            {
                return;
            }

            Known acks = Known.Unset;
            Known idempotence = Known.Unset;
            foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                Read(initializer, kafka, ref acks, ref idempotence);
            }

            if (local != null && !ApplyEarlierWrites(builder, local, kafka, ref acks, ref idempotence))
            {
                return;
            }

            string? problems = Problems(acks, idempotence);
            if (problems != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaProducerNotDurable, creation.Syntax.GetLocation(), problems));
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

        /// <summary>An empty configuration (or one with a capacity or comparer) starts from the client defaults; a copy might carry anything.</summary>
        private static bool StartsFromDefaults(IObjectCreationOperation creation, KnownTypes types) =>
            ConsumerSettings.CanHoldConfig(creation.Type!, types)
            && creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32 || types.IsComparer(a.Value.Type));

        /// <summary>
        /// Applies the writes to the local before the builder; false when the configuration is handed to code
        /// we do not follow (which might make it durable).
        /// </summary>
        private static bool ApplyEarlierWrites(IOperation until, ILocalSymbol local, KafkaTypes kafka, ref Known acks, ref Known idempotence)
        {
            int untilStart = until.Syntax.SpanStart;
            foreach (IOperation operation in until.GetRoot().Descendants().OrderBy(o => o.Syntax.SpanStart))
            {
                if (operation.Syntax.SpanStart >= untilStart)
                {
                    break;
                }

                switch (operation)
                {
                    case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property && property.Instance.References(local):
                        Read(assignment, kafka, ref acks, ref idempotence);
                        break;
                    case IInvocationOperation invocation when invocation.Instance.References(local):
                        Read(invocation, kafka, ref acks, ref idempotence);
                        break;
                    case IArgumentOperation argument when argument.Value.References(local) && argument.Parent != until:
                        return false;
                    case IInvalidOperation unbound when unbound.ChildOperations.Any(child => child.References(local)):
                        return false;
                }
            }

            return true;
        }

        /// <summary>Reads a property or indexer write, <c>Set(key, value)</c> or <c>Add(key, value)</c>.</summary>
        private static void Read(IOperation operation, KafkaTypes kafka, ref Known acks, ref Known idempotence)
        {
            switch (operation)
            {
                case ICompoundAssignmentOperation _:
                case ICoalesceAssignmentOperation _:
                    // x ??= value keeps an earlier value; an unknown outcome either way.
                    if (operation is IAssignmentOperation target && SettingOf(target.Target, kafka) is string touched)
                    {
                        Set(touched, Known.Unknown, ref acks, ref idempotence);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when SettingOf(assignment.Target, kafka) is string key:
                    Set(key, ValueOf(key, assignment.Value), ref acks, ref idempotence);
                    break;
                case IInvocationOperation invocation when (invocation.TargetMethod.Name == "Set" || invocation.TargetMethod.Name == "Add")
                                                          && invocation.Arguments.Length == 2:
                    string? name = invocation.Arguments[0].Value.StringConstant();
                    if (name == AcksKey || name == IdempotenceKey)
                    {
                        Set(name, ValueOf(name, invocation.Arguments[1].Value), ref acks, ref idempotence);
                    }

                    break;
            }
        }

        private static void Set(string key, Known value, ref Known acks, ref Known idempotence)
        {
            if (key == AcksKey)
            {
                acks = value;
            }
            else
            {
                idempotence = value;
            }
        }

        /// <summary>The configuration key a property or indexer write targets, when it is one of the two.</summary>
        private static string? SettingOf(IOperation target, KafkaTypes kafka)
        {
            if (!(target is IPropertyReferenceOperation property))
            {
                return null;
            }

            if (property.Property.IsIndexer)
            {
                string? key = property.Arguments.Length == 1 ? property.Arguments[0].Value.StringConstant() : null;
                return key == AcksKey || key == IdempotenceKey ? key : null;
            }

            if (!property.Property.ContainingType.IsOrDerivesFrom(kafka.ClientConfig) && !property.Property.ContainingType.IsSameDefinition(kafka.ProducerConfig))
            {
                return null;
            }

            switch (property.Property.Name)
            {
                case "Acks":
                    return AcksKey;
                case "EnableIdempotence":
                    return IdempotenceKey;
                default:
                    return null;
            }
        }

        /// <summary>An <c>Acks</c> value, a bool, or their string forms; null (or a value not known) as it is.</summary>
        private static Known ValueOf(string key, IOperation value)
        {
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
