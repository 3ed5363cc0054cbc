using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0012: a durable RabbitMQ queue declared (6.x <c>QueueDeclare</c>, 7.x <c>QueueDeclareAsync</c>) whose
    /// arguments set no dead-letter exchange (<c>x-dead-letter-exchange</c>) or no length bound
    /// (<c>x-max-length</c> / <c>x-max-length-bytes</c>). The arguments are followed when they are null or
    /// omitted, a dictionary created inline, in a local, or in a private field of the declaring type (all its
    /// uses in the type's own members, read when a declaration passes the field). Arguments not known at
    /// compile time stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class QueueWithoutDeadLetterOrBoundAnalyzer : BrokerAnalyzer
    {
        private const string DeadLetterExchange = "x-dead-letter-exchange";
        private const string MaxLength = "x-max-length";
        private const string MaxLengthBytes = "x-max-length-bytes";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.QueueWithoutDeadLetterOrBound);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            if (types.RabbitMq!.Dictionary == null)
            {
                return;
            }

            // No symbol-start action (its bookkeeping is paid for every type): a declaration whose arguments are
            // a private field reads that field's type on demand, judged once per field for the compilation.
            var fields = new ArgumentFields(types);
            start.RegisterOperationAction(c => AnalyzeDeclaration(c, types, fields), OperationKind.Invocation);
        }

        private static void AnalyzeDeclaration(OperationAnalysisContext context, KnownTypes types, ArgumentFields fields)
        {
            var call = (IInvocationOperation)context.Operation;
            if (!QueueDeclaration.IsDeclaration(call, types.RabbitMq!) || !QueueDeclaration.DeclaresDurableQueue(call))
            {
                return;
            }

            IOperation? value = QueueDeclaration.Arguments(call)?.WalkDownConversions();
            QueueArguments arguments;
            switch (value)
            {
                case null:
                    return;
                case IFieldReferenceOperation field:
                    if (!ArgumentFields.IsCandidate(field.Field, types))
                    {
                        return;
                    }

                    arguments = fields.Of(field.Field, call, context.CancellationToken);
                    break;
                case ILocalReferenceOperation local:
                    arguments = OfLocal(call, local.Local, types);
                    break;
                case IObjectCreationOperation creation:
                    arguments = QueueArguments.Empty();
                    arguments.AddCreation(creation, types);
                    break;
                default:
                    arguments = value.IsNullOrDefault() ? QueueArguments.Empty() : QueueArguments.Unknown();
                    break;
            }

            Report(call, arguments, context.ReportDiagnostic);
        }

        private static QueueArguments OfLocal(IInvocationOperation call, ILocalSymbol local, KnownTypes types)
        {
            IOperation root = call.GetRoot();
            IOperation? assigned = root.SingleAssignedValue(local);
            if (assigned == null)
            {
                return QueueArguments.Unknown();
            }

            QueueArguments arguments = QueueArguments.Empty();
            arguments.AddCreation(assigned, types);
            foreach (IOperation use in root.Descendants())
            {
                if (use is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                {
                    arguments.AddUse(reference, types);
                }
            }

            return arguments;
        }

        private static void Report(IInvocationOperation call, QueueArguments arguments, System.Action<Diagnostic> report)
        {
            if (!arguments.Known)
            {
                return;
            }

            var missing = new List<string>();
            if (!arguments.Contains(DeadLetterExchange))
            {
                missing.Add("no dead-letter exchange (x-dead-letter-exchange), so rejected and expired messages are dropped");
            }

            if (!arguments.Contains(MaxLength) && !arguments.Contains(MaxLengthBytes))
            {
                missing.Add("no length bound (x-max-length or x-max-length-bytes), so a stalled consumer lets it grow until the broker blocks publishers");
            }

            if (missing.Count > 0)
            {
                report(Diagnostic.Create(Descriptors.QueueWithoutDeadLetterOrBound, call.Syntax.GetLocation(), call.TargetMethod.Name, string.Join(", and ", missing)));
            }
        }

        /// <summary>
        /// The keys of private dictionary fields, each followed through every use in its type's own members
        /// (initializers, constructors, other methods, all partial declarations), read on demand from
        /// <see cref="KnownTypes.Operations"/>. One instance per compilation; a field is followed once however
        /// many declarations pass it.
        /// </summary>
        private sealed class ArgumentFields
        {
            private readonly KnownTypes _types;
            private readonly ConcurrentDictionary<IFieldSymbol, QueueArguments> _byField =
                new ConcurrentDictionary<IFieldSymbol, QueueArguments>(SymbolEqualityComparer.Default);

            public ArgumentFields(KnownTypes types) => _types = types;

            /// <summary>A field only the type (and its nested types) can change: private, not const, not a backing field.</summary>
            public static bool IsCandidate(IFieldSymbol field, KnownTypes types) =>
                field.DeclaredAccessibility == Accessibility.Private && !field.IsConst && field.AssociatedSymbol == null
                && field.Type.IsOrImplements(types.RabbitMq!.Dictionary);

            /// <summary>
            /// What <paramref name="field"/> is known to hold; <paramref name="at"/> (an operation of the
            /// compilation) serves its semantic model. The result is only read once stored.
            /// </summary>
            public QueueArguments Of(IFieldSymbol field, IOperation at, CancellationToken cancellationToken)
            {
                field = field.OriginalDefinition;
                return _byField.TryGetValue(field, out QueueArguments? known)
                    ? known
                    : _byField.GetOrAdd(field, Follow(field, at, cancellationToken));
            }

            private QueueArguments Follow(IFieldSymbol field, IOperation at, CancellationToken cancellationToken)
            {
                INamedTypeSymbol type = field.ContainingType.OriginalDefinition;

                // A nested type is a type of its own, not read here: a field it mentions is not known (as before).
                if (type.MentionsInNestedType(field.Name, cancellationToken))
                {
                    return QueueArguments.Unknown();
                }

                // A field never given a dictionary in the type stays null: the declaration passes no arguments.
                QueueArguments arguments = QueueArguments.Empty();
                foreach (IOperation operation in _types.Operations.AllOf(type, at, cancellationToken))
                {
                    switch (operation)
                    {
                        case IFieldInitializerOperation initializer when initializer.InitializedFields.Any(f => IsSame(f, field)):
                            arguments.AddCreation(initializer.Value, _types);
                            break;
                        case IFieldReferenceOperation reference when IsSame(reference.Field, field):
                            arguments.AddUse(reference, _types);
                            break;
                    }
                }

                return arguments;
            }

            private static bool IsSame(IFieldSymbol candidate, IFieldSymbol field) =>
                SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, field);
        }
    }
}
