using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0014: a consumer type keeps a <c>HashSet&lt;&gt;</c> or <c>ConcurrentDictionary&lt;,&gt;</c> field that it
    /// checks or fills with message or event ids (<c>seen.Add(message.MessageId)</c>,
    /// <c>_processed.ContainsKey(evt.EventId)</c>). A type is a consumer when it implements a RabbitMQ consumer
    /// interface or calls <c>Consume</c> on a Kafka consumer or <c>BasicConsume(Async)</c>. The judgement
    /// starts from a use of such a set with an id, and only then reads the type's members; each field is
    /// reported once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InMemoryDeduplicationAnalyzer : BrokerAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InMemoryDeduplication);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.Kafka | BrokerLibrary.RabbitMq;

        public override bool AnyRequiredLibrary => true;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            if (types.HashSet == null && types.ConcurrentDictionary == null)
            {
                return;
            }

            // No symbol-start action (its bookkeeping is paid for every type): a field of a set type is the trigger,
            // which few types have, and only then are its type's members read, on demand. A symbol action on the
            // field reports at the field, so the diagnostic stays local to it for the editor.
            // A type implements a RabbitMQ consumer, or one of its own members (any partial declaration) consumes.
            Fact<bool> consumes = types.Operations.NewFact((type, operations) =>
                type.IsOrImplements(types.RabbitMq6Consumer) || type.IsOrImplements(types.RabbitMqAsyncConsumer)
                || operations.Any(o => o is IInvocationOperation call && IsConsume(call.TargetMethod, types)));
            start.RegisterSymbolAction(c => AnalyzeField(c, types, consumes), SymbolKind.Field);
        }

        private static void AnalyzeField(SymbolAnalysisContext context, KnownTypes types, Fact<bool> consumes)
        {
            var field = (IFieldSymbol)context.Symbol;
            if (!IsSetOfIds(field.Type, types))
            {
                return;
            }

            // Only a use in the field's own type counts (a nested type is a type of its own).
            INamedTypeSymbol type = field.ContainingType.OriginalDefinition;
            IFieldSymbol definition = field.OriginalDefinition;
            bool holdsIds = types.Operations.AllOf(type, null, context.CancellationToken)
                .Any(o => o is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(IdSetUse(call, types), definition));
            if (!holdsIds || !consumes.Of(type, null, context.CancellationToken))
            {
                return;
            }

            Location? location = field.Locations.FirstOrDefault(l => l.IsInSource);
            if (location != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InMemoryDeduplication, location, field.Name));
            }
        }

        /// <summary>
        /// The id-set field (its definition) that <paramref name="invocation"/> checks or fills with a message
        /// or event id; null for any other call. The name test comes first: it rules out almost every call.
        /// </summary>
        private static IFieldSymbol? IdSetUse(IInvocationOperation invocation, KnownTypes types) =>
            IsLookupOrRecord(invocation.TargetMethod.Name)
            && invocation.Instance?.WalkDownConversions() is IFieldReferenceOperation reference
            && IsSetOfIds(reference.Field.Type, types)
            && invocation.Arguments.Length > 0
            && IsMessageId(invocation.Arguments[0].Value)
                ? reference.Field.OriginalDefinition
                : null;

        private static bool IsSetOfIds(ITypeSymbol type, KnownTypes types) =>
            type.IsSameDefinition(types.HashSet) || type.IsSameDefinition(types.ConcurrentDictionary);

        private static bool IsConsume(IMethodSymbol method, KnownTypes types) =>
            (method.Name == "Consume" && types.Kafka?.Consumer != null && method.ContainingType.IsOrImplements(types.Kafka.Consumer))
            || ((method.Name == "BasicConsume" || method.Name == "BasicConsumeAsync") && types.HasRabbitMq);

        private static bool IsLookupOrRecord(string name) =>
            name == "Add" || name == "Contains" || name == "TryAdd" || name == "ContainsKey" || name == "TryGetValue" || name == "GetOrAdd" || name == "AddOrUpdate";

        /// <summary>A member named as an event or message id (EG0004's names), read directly or through a local given it once.</summary>
        private static bool IsMessageId(IOperation value)
        {
            IOperation inner = value.WalkDownConversions();
            if (inner is ILocalReferenceOperation local)
            {
                inner = inner.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() ?? inner;
            }

            while (inner is IInvocationOperation call && call.TargetMethod.Name == "ToString" && call.Instance != null)
            {
                inner = call.Instance.WalkDownConversions();
            }

            if (!(inner is IMemberReferenceOperation member) || !(member.Member is IPropertySymbol || member.Member is IFieldSymbol))
            {
                return false;
            }

            string name = EnvelopeField.NormalizeName(member.Member.Name);
            if (name == "eventid" || name == "messageid")
            {
                return true;
            }

            INamedTypeSymbol? owner = member.Member.ContainingType;
            return name == "id" && owner != null
                   && (owner.Name.EndsWith("Event", System.StringComparison.Ordinal) || owner.Name.EndsWith("Message", System.StringComparison.Ordinal));
        }
    }
}
