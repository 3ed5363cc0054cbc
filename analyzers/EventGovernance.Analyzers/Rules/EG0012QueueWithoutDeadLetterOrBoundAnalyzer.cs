using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    /// uses in the type, judged when the type ends). Arguments not known at compile time stay silent.
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

            start.RegisterOperationAction(c => AnalyzeDeclaration(c, types), OperationKind.Invocation);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (ArgumentFieldsOfType.HasCandidateField(type, types))
                    {
                        new ArgumentFieldsOfType(type, types).Register(symbolStart);
                    }
                },
                SymbolKind.NamedType);
        }

        /// <summary>Declarations whose arguments are null, inline or in a local; fields are judged per type.</summary>
        private static void AnalyzeDeclaration(OperationAnalysisContext context, KnownTypes types)
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
                case IFieldReferenceOperation _:
                    return;
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
        /// Declarations whose arguments are a private field of the type, with every use of such fields in the
        /// type (initializers, constructor and other methods); one instance per type's analysis.
        /// </summary>
        private sealed class ArgumentFieldsOfType
        {
            private readonly INamedTypeSymbol _type;
            private readonly KnownTypes _types;
            private readonly ConcurrentQueue<(IFieldSymbol Field, IInvocationOperation Declaration)> _declarations = new ConcurrentQueue<(IFieldSymbol, IInvocationOperation)>();
            private readonly ConcurrentQueue<(IFieldSymbol Field, IOperation Use)> _uses = new ConcurrentQueue<(IFieldSymbol, IOperation)>();

            public ArgumentFieldsOfType(INamedTypeSymbol type, KnownTypes types)
            {
                _type = type;
                _types = types;
            }

            /// <summary>Decided once per type from its member list, so most types register nothing.</summary>
            public static bool HasCandidateField(INamedTypeSymbol type, KnownTypes types) =>
                type.GetMembers().OfType<IFieldSymbol>().Any(f => IsCandidate(f, types));

            private static bool IsCandidate(IFieldSymbol field, KnownTypes types) =>
                field.DeclaredAccessibility == Accessibility.Private && !field.IsConst && field.AssociatedSymbol == null
                && field.Type.IsOrImplements(types.RabbitMq!.Dictionary);

            public void Register(SymbolStartAnalysisContext start)
            {
                start.RegisterOperationAction(Collect, OperationKind.FieldReference, OperationKind.FieldInitializer);
                start.RegisterSymbolEndAction(Judge);
            }

            private bool IsTracked(IFieldSymbol field) =>
                SymbolEqualityComparer.Default.Equals(field.ContainingType?.OriginalDefinition, _type) && IsCandidate(field, _types);

            private void Collect(OperationAnalysisContext context)
            {
                switch (context.Operation)
                {
                    case IFieldInitializerOperation initializer:
                        foreach (IFieldSymbol field in initializer.InitializedFields.Where(IsTracked))
                        {
                            _uses.Enqueue((field.OriginalDefinition, initializer));
                        }

                        break;
                    case IFieldReferenceOperation reference when IsTracked(reference.Field):
                        IFieldSymbol tracked = reference.Field.OriginalDefinition;
                        IOperation outer = reference;
                        while (outer.Parent is IConversionOperation)
                        {
                            outer = outer.Parent;
                        }

                        if (outer.Parent is IArgumentOperation argument && QueueArguments.IsArgumentsOfDeclaration(argument))
                        {
                            var declaration = (IInvocationOperation)argument.Parent!;
                            if (QueueDeclaration.IsDeclaration(declaration, _types.RabbitMq!) && QueueDeclaration.DeclaresDurableQueue(declaration))
                            {
                                _declarations.Enqueue((tracked, declaration));
                            }
                        }

                        _uses.Enqueue((tracked, reference));
                        break;
                }
            }

            private void Judge(SymbolAnalysisContext context)
            {
                if (_declarations.IsEmpty)
                {
                    return;
                }

                ILookup<ISymbol, IOperation> usesByField = _uses.ToLookup(u => (ISymbol)u.Field, u => u.Use, SymbolEqualityComparer.Default);
                var judged = new Dictionary<ISymbol, QueueArguments>(SymbolEqualityComparer.Default);
                foreach ((IFieldSymbol field, IInvocationOperation declaration) in _declarations)
                {
                    if (!judged.TryGetValue(field, out QueueArguments? arguments))
                    {
                        arguments = Follow(field, usesByField[field], context);
                        judged[field] = arguments;
                    }

                    Report(declaration, arguments, context.ReportDiagnostic);
                }
            }

            private QueueArguments Follow(IFieldSymbol field, IEnumerable<IOperation> uses, SymbolAnalysisContext context)
            {
                if (_type.MentionsInNestedType(field.Name, context.CancellationToken))
                {
                    return QueueArguments.Unknown();
                }

                // A field never given a dictionary in the type stays null: the declaration passes no arguments.
                QueueArguments arguments = QueueArguments.Empty();
                foreach (IOperation use in uses)
                {
                    if (use is IFieldInitializerOperation initializer)
                    {
                        arguments.AddCreation(initializer.Value, _types);
                    }
                    else
                    {
                        arguments.AddUse(use, _types);
                    }
                }

                return arguments;
            }
        }
    }
}
