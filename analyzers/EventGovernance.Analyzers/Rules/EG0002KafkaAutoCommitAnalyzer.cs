using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0002: a consumer is built from a configuration that commits offsets on a timer while the
    /// client stores each offset on delivery, i.e. before the application has processed the message.
    /// A configuration in a local, a parameter or inline is followed through its method here; one held in
    /// a private field or property, or returned by a factory method, is judged from its whole type by
    /// <see cref="ConfigMemberJudge"/>, read only when such a configuration is created. Nothing is registered per type.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaAutoCommitAnalyzer : BrokerAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaAutoCommit);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            if (kafka.ConsumerBuilder == null)
            {
                return;
            }

            // One per compilation: keeps the verdict on each private member and factory method judged.
            var members = new ConfigMemberJudge(types);
            start.RegisterOperationAction(c => AnalyzeCreation(c, types, members), OperationKind.ObjectCreation);
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, KnownTypes types, ConfigMemberJudge members)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (members.IsFlagged(creation, context.ContainingSymbol, context.CancellationToken))
            {
                // A configuration kept in a private member, or returned by a factory method, for a builder of the type.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaAutoCommit, creation.Syntax.GetLocation()));
                return;
            }

            AnalyzeBuilder(context, creation, types);
        }

        private static void AnalyzeBuilder(OperationAnalysisContext context, IObjectCreationOperation builder, KnownTypes types)
        {
            KafkaTypes kafka = types.Kafka!;
            IArgumentOperation? configArgument = ConsumerSettings.ConfigArgument(builder, types);
            if (configArgument == null)
            {
                return;
            }

            IOperation config = configArgument.Value.WalkDownConversions();
            IObjectCreationOperation? creation = config as IObjectCreationOperation;
            ISymbol? tracked = null;
            switch (config)
            {
                case ILocalReferenceOperation local:
                    tracked = local.Local;
                    creation = builder.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() as IObjectCreationOperation;
                    break;
                case IParameterReferenceOperation parameter:
                    tracked = parameter.Parameter;
                    break;
                case IObjectCreationOperation:
                    break;
                default:
                    // A private field or property, or a factory method, of the builder's type: judged from the whole
                    // type when the configuration's creation is analysed (ConfigMemberJudge).
                    return;
            }

            (Setting autoCommit, Setting offsetStore) = creation == null
                ? (Setting.Unknown, Setting.Unknown)
                : ConsumerSettings.Evaluate(creation, types);

            if (tracked != null && !ConsumerSettings.ApplyEarlierWrites(builder, tracked, kafka, ref autoCommit, ref offsetStore))
            {
                return;
            }

            if (ConsumerSettings.CommitsBeforeProcessing(autoCommit) && ConsumerSettings.CommitsBeforeProcessing(offsetStore)
                && !AssignedConsumers.OnlyReadsExplicitOffsets(builder, kafka))
            {
                SyntaxNode at = creation?.Syntax ?? builder.Syntax;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaAutoCommit, at.GetLocation()));
            }
        }
    }
}
