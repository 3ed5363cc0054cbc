using System.Collections.Concurrent;
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
    /// interface or calls <c>Consume</c> on a Kafka consumer or <c>BasicConsume(Async)</c>. Per-type state is
    /// gathered while the type's members are analysed and judged when the type ends.
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

            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    // Most types hold no set: they register nothing, which keeps the rule cheap.
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (type.GetMembers().OfType<IFieldSymbol>().Any(f => IsSetOfIds(f.Type, types)))
                    {
                        new TypeState(type, types).Register(symbolStart);
                    }
                },
                SymbolKind.NamedType);
        }

        private static bool IsSetOfIds(ITypeSymbol type, KnownTypes types) =>
            type.IsSameDefinition(types.HashSet) || type.IsSameDefinition(types.ConcurrentDictionary);

        /// <summary>What one type's members showed: the id-set fields used with ids, and whether the type consumes.</summary>
        private sealed class TypeState
        {
            private readonly INamedTypeSymbol _type;
            private readonly KnownTypes _types;
            private readonly ConcurrentQueue<IFieldSymbol> _idSets = new ConcurrentQueue<IFieldSymbol>();
            private int _consumes;

            public TypeState(INamedTypeSymbol type, KnownTypes types)
            {
                _type = type;
                _types = types;
                if (type.IsOrImplements(types.RabbitMq6Consumer) || type.IsOrImplements(types.RabbitMqAsyncConsumer))
                {
                    _consumes = 1;
                }
            }

            public void Register(SymbolStartAnalysisContext start)
            {
                start.RegisterOperationAction(Collect, OperationKind.Invocation);
                start.RegisterSymbolEndAction(Judge);
            }

            private void Collect(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (IsConsume(invocation.TargetMethod))
                {
                    System.Threading.Interlocked.Exchange(ref _consumes, 1);
                    return;
                }

                if (invocation.Instance?.WalkDownConversions() is IFieldReferenceOperation field
                    && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
                    && IsSetOfIds(field.Field.Type, _types)
                    && IsLookupOrRecord(invocation.TargetMethod.Name)
                    && invocation.Arguments.Length > 0
                    && IsMessageId(invocation.Arguments[0].Value))
                {
                    _idSets.Enqueue(field.Field);
                }
            }

            private void Judge(SymbolAnalysisContext context)
            {
                if (_consumes == 0)
                {
                    return;
                }

                foreach (IFieldSymbol field in _idSets.Distinct(SymbolEqualityComparer.Default).OfType<IFieldSymbol>())
                {
                    Location? location = field.Locations.FirstOrDefault(l => l.IsInSource);
                    if (location != null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InMemoryDeduplication, location, field.Name));
                    }
                }
            }

            private bool IsConsume(IMethodSymbol method) =>
                (method.Name == "Consume" && _types.Kafka?.Consumer != null && method.ContainingType.IsOrImplements(_types.Kafka.Consumer))
                || ((method.Name == "BasicConsume" || method.Name == "BasicConsumeAsync") && _types.HasRabbitMq);


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
}
