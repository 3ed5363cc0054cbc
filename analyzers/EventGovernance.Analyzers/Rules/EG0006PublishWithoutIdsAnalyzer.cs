using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0006: a RabbitMQ publish whose properties never set <c>MessageId</c> or <c>CorrelationId</c>: none,
    /// null, or properties created without them, followed through locals, private fields and private factory
    /// methods of the type (see <see cref="PublishProperties"/>). One
    /// diagnostic names what is missing. Properties from elsewhere stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PublishWithoutIdsAnalyzer : BrokerAnalyzer
    {
        private const string MessageId = "MessageId";
        private const string CorrelationId = "CorrelationId";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.PublishWithoutIds);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            RabbitMqTypes rabbit = types.RabbitMq!;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, rabbit), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RabbitMqTypes rabbit)
        {
            var publish = (IInvocationOperation)context.Operation;
            if (!PublishProperties.IsPublish(publish.TargetMethod, rabbit))
            {
                return;
            }

            PublishProperties properties = PublishProperties.Of(publish, rabbit, context.CancellationToken);
            if (properties.Kind == PropertiesKind.Unknown)
            {
                return;
            }

            var missing = new List<string>();
            foreach (string member in new[] { MessageId, CorrelationId })
            {
                if (properties.Kind != PropertiesKind.Created || !properties.SetsNonNull(member))
                {
                    missing.Add(member);
                }
            }

            if (missing.Count == 0)
            {
                return;
            }

            SyntaxNode at = properties.Kind == PropertiesKind.None ? publish.Syntax : properties.Argument?.Syntax ?? publish.Syntax;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PublishWithoutIds, at.GetLocation(), publish.TargetMethod.Name, string.Join(" and ", missing)));
        }
    }
}
