using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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

            // No symbol-start action (its bookkeeping is paid for every type): the rare use of an id set is the
            // trigger, and only then are its type's members read, on demand.
            var judged = new JudgedTypes(types);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types, judged), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types, JudgedTypes judged)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!(IdSetUse(invocation, types) is IFieldSymbol field))
            {
                return;
            }

            // Only a use in the field's own type counts (a nested type is a type of its own), as when the type's
            // members were gathered per type.
            INamedTypeSymbol type = field.ContainingType.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(context.ContainingSymbol.ContainingType?.OriginalDefinition, type)
                || !judged.Consumes(type, invocation, context.CancellationToken)
                || !judged.FirstReport(field))
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
        /// Per compilation: which types consume (read once per type from <see cref="KnownTypes.Operations"/>) and
        /// which fields were reported, so a field used many times is reported once.
        /// </summary>
        private sealed class JudgedTypes
        {
            private readonly KnownTypes _types;
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _consumes =
                new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IFieldSymbol, bool> _reported =
                new ConcurrentDictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);

            public JudgedTypes(KnownTypes types) => _types = types;

            /// <summary>The type implements a RabbitMQ consumer, or one of its own members (any partial declaration) consumes.</summary>
            public bool Consumes(INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken) =>
                _consumes.TryGetValue(type, out bool consumes)
                    ? consumes
                    : _consumes.GetOrAdd(type, ReadConsumes(type, at, cancellationToken));

            /// <summary>True for the first caller only, however many threads report the field at once.</summary>
            public bool FirstReport(IFieldSymbol field) => _reported.TryAdd(field, true);

            private bool ReadConsumes(INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken) =>
                type.IsOrImplements(_types.RabbitMq6Consumer) || type.IsOrImplements(_types.RabbitMqAsyncConsumer)
                || _types.Operations.AllOf(type, at, cancellationToken).Any(o => o is IInvocationOperation call && IsConsume(call.TargetMethod, _types));
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
