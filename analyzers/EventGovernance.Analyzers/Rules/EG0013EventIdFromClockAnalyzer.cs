using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0013: a value derived from a clock (<c>DateTime.Now/UtcNow/Today</c>, <c>DateTimeOffset.Now/UtcNow</c>,
    /// <c>Stopwatch</c>, <c>Environment.TickCount</c>) is stored in an event-id member: assigned (also in an
    /// object initializer), given as its initializer, or passed for a constructor parameter of that name.
    /// A value that also involves a <c>Guid</c> (<c>Guid.CreateVersion7(DateTimeOffset.UtcNow)</c>, a time
    /// prefix before <c>Guid.NewGuid()</c>) is unique and not flagged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EventIdFromClockAnalyzer : BrokerAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.EventIdFromClock);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.None;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeInitializer(c, types), OperationKind.PropertyInitializer, OperationKind.FieldInitializer);
            start.RegisterOperationAction(c => AnalyzeArgument(c, types), OperationKind.Argument);
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, KnownTypes types)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IMemberReferenceOperation member && IsEventIdMember(member.Member))
            {
                Check(context, member.Member.Name, assignment.Value, types);
            }
        }

        private static void AnalyzeInitializer(OperationAnalysisContext context, KnownTypes types)
        {
            var initializer = (ISymbolInitializerOperation)context.Operation;
            ImmutableArray<ISymbol> members = initializer is IPropertyInitializerOperation properties
                ? ImmutableArray<ISymbol>.CastUp(properties.InitializedProperties)
                : ImmutableArray<ISymbol>.CastUp(((IFieldInitializerOperation)initializer).InitializedFields);
            foreach (ISymbol member in members)
            {
                if (IsEventIdMember(member))
                {
                    Check(context, member.Name, initializer.Value, types);
                    return;
                }
            }
        }

        /// <summary><c>new OrderPlaced(EventId: DateTime.UtcNow.Ticks, ...)</c>: a record's or constructor's id parameter.</summary>
        private static void AnalyzeArgument(OperationAnalysisContext context, KnownTypes types)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter != null
                && argument.Parameter.ContainingSymbol is IMethodSymbol method
                && method.MethodKind == MethodKind.Constructor
                && IsEventIdName(argument.Parameter.Name, method.ContainingType))
            {
                Check(context, argument.Parameter.Name, argument.Value, types);
            }
        }

        private static void Check(OperationAnalysisContext context, string member, IOperation value, KnownTypes types)
        {
            string? clock = ClockIn(value, types, out bool involvesGuid);
            if (clock != null && !involvesGuid)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EventIdFromClock, value.Syntax.GetLocation(), member, clock));
            }
        }

        private static bool IsEventIdMember(ISymbol member) =>
            (member is IPropertySymbol || member is IFieldSymbol) && IsEventIdName(member.Name, member.ContainingType);

        /// <summary>
        /// EG0004's event-id names: <c>EventId</c> and <c>MessageId</c> on any type; a plain <c>Id</c> only on a
        /// type named like an event or message (an entity's <c>Id</c> is not an event id).
        /// </summary>
        private static bool IsEventIdName(string name, INamedTypeSymbol? type)
        {
            string normalized = EnvelopeField.NormalizeName(name);
            if (normalized == "eventid" || normalized == "messageid")
            {
                return true;
            }

            return normalized == "id" && type != null
                   && (type.Name.EndsWith("Event", System.StringComparison.Ordinal) || type.Name.EndsWith("Message", System.StringComparison.Ordinal));
        }

        /// <summary>The first clock read in the value (outside lambdas), e.g. "DateTime.UtcNow", or null.</summary>
        private static string? ClockIn(IOperation value, KnownTypes types, out bool involvesGuid)
        {
            involvesGuid = false;
            string? clock = null;
            foreach (IOperation operation in value.DescendantsAndSelf())
            {
                if (operation is IAnonymousFunctionOperation)
                {
                    return null;
                }

                if (operation.Type != null && operation.Type.IsSameDefinition(types.Guid))
                {
                    involvesGuid = true;
                }

                clock = clock ?? ClockRead(operation, types);
            }

            return clock;
        }

        private static string? ClockRead(IOperation operation, KnownTypes types)
        {
            ISymbol? member;
            switch (operation)
            {
                case IPropertyReferenceOperation property when property.Property.IsStatic:
                    member = property.Property;
                    break;
                case IInvocationOperation invocation when invocation.TargetMethod.IsStatic:
                    member = invocation.TargetMethod;
                    break;
                case IObjectCreationOperation creation when creation.Type.IsSameDefinition(types.Stopwatch):
                    return "Stopwatch";
                default:
                    return null;
            }

            INamedTypeSymbol type = member.ContainingType;
            string name = member.Name;
            bool isClock =
                ((type.IsSameDefinition(types.DateTime) && (name == "Now" || name == "UtcNow" || name == "Today"))
                 || (type.IsSameDefinition(types.DateTimeOffset) && (name == "Now" || name == "UtcNow"))
                 || (type.IsSameDefinition(types.Stopwatch) && (name == "GetTimestamp" || name == "StartNew"))
                 || (type.IsSameDefinition(types.Environment) && (name == "TickCount" || name == "TickCount64")));
            return isClock ? type.Name + "." + name : null;
        }
    }
}
