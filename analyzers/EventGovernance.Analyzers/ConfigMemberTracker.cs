using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0002 for a consumer configuration held in a private field or auto-property of one type (the
    /// BackgroundService pattern: created in an initializer or constructor, built into a consumer in
    /// another method). Every use of such a member anywhere in the type (all partial declarations) is
    /// collected while the type's members are analysed, and judged when the type ends:
    /// the member is flagged only when each value stored in it is a configuration created right there,
    /// nothing in the type can turn either setting off (or to a value not known), and the member never
    /// escapes to code we do not follow. A configuration returned by a method of the type
    /// (<c>new ConsumerBuilder(CreateConfig())</c>) is judged the same way from that method's returns.
    /// One instance lives for one type's analysis.
    /// </summary>
    internal sealed class ConfigMemberTracker
    {
        private readonly INamedTypeSymbol _type;
        private readonly KnownTypes _types;
        private readonly KafkaTypes _kafka;
        private readonly ConcurrentQueue<(ISymbol Member, IOperation Use)> _uses = new ConcurrentQueue<(ISymbol, IOperation)>();
        private readonly ConcurrentQueue<IMethodSymbol> _factoriesBuilt = new ConcurrentQueue<IMethodSymbol>();
        private readonly ConcurrentQueue<(IMethodSymbol Method, IReturnOperation Return)> _returns = new ConcurrentQueue<(IMethodSymbol, IReturnOperation)>();

        public ConfigMemberTracker(INamedTypeSymbol type, KnownTypes types)
        {
            _type = type;
            _types = types;
            _kafka = types.Kafka!;
        }

        /// <summary>
        /// Whether a type has anything to follow: a private field or auto-property, or an ordinary method, whose
        /// type could hold a configuration (a type with a type parameter in it counts, as its uses may be
        /// constructed). Most types have neither; skipping them spares an operation callback on every field and
        /// property reference, return and creation in the codebase, which was most of EG0002's time.
        /// Decided once per type from its member list, not per use.
        /// </summary>
        public static bool CanFindAnything(INamedTypeSymbol type, KnownTypes types)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                ITypeSymbol? held = member switch
                {
                    IFieldSymbol field when field.DeclaredAccessibility == Accessibility.Private && !field.IsConst => field.Type,
                    IPropertySymbol property when property.DeclaredAccessibility == Accessibility.Private && !property.IsIndexer => property.Type,
                    IMethodSymbol method when method.MethodKind == MethodKind.Ordinary => method.ReturnType,
                    _ => null,
                };
                if (held != null && (MentionsTypeParameter(held) || ConsumerSettings.CanHoldConfig(held, types)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MentionsTypeParameter(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol _ => true,
            IArrayTypeSymbol array => MentionsTypeParameter(array.ElementType),
            // IsGenericType is also true when a containing type is generic; false, nothing below can mention one.
            INamedTypeSymbol named => named.IsGenericType
                                      && (named.TypeArguments.Any(MentionsTypeParameter) || (named.ContainingType != null && MentionsTypeParameter(named.ContainingType))),
            _ => false,
        };

        public void Register(SymbolStartAnalysisContext start)
        {
            start.RegisterOperationAction(
                CollectUse,
                OperationKind.FieldReference,
                OperationKind.PropertyReference,
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer);
            start.RegisterOperationAction(CollectFactoryCall, OperationKind.ObjectCreation);
            start.RegisterOperationAction(CollectReturn, OperationKind.Return);
            start.RegisterSymbolEndAction(Judge);
        }

        /// <summary><c>new ConsumerBuilder(CreateConfig())</c> where CreateConfig is a method of this type.</summary>
        private void CollectFactoryCall(OperationAnalysisContext context)
        {
            var builder = (IObjectCreationOperation)context.Operation;
            if (ConsumerSettings.ConfigArgument(builder, _types) is IArgumentOperation config
                && config.Value.WalkDownConversions() is IInvocationOperation call
                && IsFollowableFactory(call.TargetMethod))
            {
                _factoriesBuilt.Enqueue(call.TargetMethod.OriginalDefinition);
            }
        }

        /// <summary>
        /// A method of this type whose body is the one that runs: not virtual, abstract or extern (an
        /// override could replace it), returning something that can hold a configuration.
        /// </summary>
        private bool IsFollowableFactory(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _type)
            && method.MethodKind == MethodKind.Ordinary
            && !method.IsVirtual && !method.IsAbstract && !method.IsExtern && (!method.IsOverride || method.IsSealed || _type.IsSealed)
            && CanHoldConfig(method.ReturnType);

        private void CollectReturn(OperationAnalysisContext context)
        {
            var returned = (IReturnOperation)context.Operation;
            if (context.ContainingSymbol is IMethodSymbol method && returned.ReturnedValue != null && IsFollowableFactory(method))
            {
                _returns.Enqueue((method.OriginalDefinition, returned));
            }
        }

        private void CollectUse(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IMemberReferenceOperation reference when IsTracked(reference.Member):
                    _uses.Enqueue((reference.Member.OriginalDefinition, reference));
                    break;
                case IFieldInitializerOperation fields:
                    foreach (IFieldSymbol field in fields.InitializedFields.Where(IsTracked))
                    {
                        _uses.Enqueue((field.OriginalDefinition, fields));
                    }

                    break;
                case IPropertyInitializerOperation properties:
                    foreach (IPropertySymbol property in properties.InitializedProperties.Where(IsTracked))
                    {
                        _uses.Enqueue((property.OriginalDefinition, properties));
                    }

                    break;
            }
        }

        /// <summary>
        /// A private field, or a private auto-property, of this type whose type can hold a configuration.
        /// Anything more visible can be changed by code outside the type, so its settings are not known.
        /// </summary>
        private bool IsTracked(ISymbol member)
        {
            if (member.DeclaredAccessibility != Accessibility.Private
                || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _type))
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && field.AssociatedSymbol == null && CanHoldConfig(field.Type);
                case IPropertySymbol property:
                    // The type test first: it is cheaper than looking for the backing field among all members.
                    return !property.IsIndexer && CanHoldConfig(property.Type) && IsAutoProperty(property);
                default:
                    return false;
            }
        }

        /// <summary>An auto-property stores what it is given; a computed one might return anything.</summary>
        private bool IsAutoProperty(IPropertySymbol property) =>
            _type.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        private bool CanHoldConfig(ITypeSymbol type) => ConsumerSettings.CanHoldConfig(type, _types);

        private void Judge(SymbolAnalysisContext context)
        {
            var reported = new HashSet<SyntaxNode>();
            JudgeMembers(context, reported);
            JudgeFactories(context, reported);
        }

        /// <summary>
        /// A factory method used by a builder is flagged when every value it returns is a configuration
        /// created in it (inline or in a local changed only by the method itself before it returns) that
        /// leaves both settings on. Each call returns a new configuration, so callers cannot change it.
        /// </summary>
        private void JudgeFactories(SymbolAnalysisContext context, HashSet<SyntaxNode> reported)
        {
            ILookup<ISymbol, IReturnOperation> returnsByMethod = _returns.ToLookup(r => (ISymbol)r.Method, r => r.Return, SymbolEqualityComparer.Default);
            foreach (IMethodSymbol factory in _factoriesBuilt.Distinct(SymbolEqualityComparer.Default).OfType<IMethodSymbol>())
            {
                var creations = new List<IObjectCreationOperation>();
                bool known = returnsByMethod[factory].Any();
                foreach (IReturnOperation returned in returnsByMethod[factory])
                {
                    IObjectCreationOperation? creation = CreationLeavingAutoCommitOn(returned);
                    if (creation == null)
                    {
                        known = false;
                        break;
                    }

                    creations.Add(creation);
                }

                if (!known)
                {
                    continue;
                }

                foreach (IObjectCreationOperation creation in creations.Where(c => reported.Add(c.Syntax)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaAutoCommit, creation.Syntax.GetLocation()));
                }
            }
        }

        /// <summary>The creation a return statement hands back when it is known to leave both settings on; otherwise null.</summary>
        private IObjectCreationOperation? CreationLeavingAutoCommitOn(IReturnOperation returned)
        {
            if (ReturnsFromLambdaOrLocalFunction(returned))
            {
                return null;
            }

            IOperation value = returned.ReturnedValue!.WalkDownConversions();
            IObjectCreationOperation? creation = value as IObjectCreationOperation;
            ILocalSymbol? local = (value as ILocalReferenceOperation)?.Local;
            if (local != null)
            {
                creation = returned.GetRoot().SingleAssignedValue(local)?.WalkDownConversions() as IObjectCreationOperation;
            }

            if (creation == null)
            {
                return null;
            }

            (Setting autoCommit, Setting offsetStore) = ConsumerSettings.Evaluate(creation, _types);
            if (local != null && !ConsumerSettings.ApplyEarlierWrites(returned, local, _kafka, ref autoCommit, ref offsetStore))
            {
                return null;
            }

            return ConsumerSettings.CommitsBeforeProcessing(autoCommit) && ConsumerSettings.CommitsBeforeProcessing(offsetStore) ? creation : null;
        }

        private static bool ReturnsFromLambdaOrLocalFunction(IOperation operation)
        {
            for (IOperation? parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private void JudgeMembers(SymbolAnalysisContext context, HashSet<SyntaxNode> reported)
        {
            foreach (IGrouping<ISymbol, IOperation> member in _uses.GroupBy(u => u.Member, u => u.Use, SymbolEqualityComparer.Default))
            {
                var state = new MemberState();
                foreach (IOperation use in member)
                {
                    Record(use, state);
                    if (state.Escapes)
                    {
                        break;
                    }
                }

                if (!state.Escapes && state.BuiltIntoConsumer && state.Creations.Count > 0 && state.Creations.All(c => CommitsBeforeProcessing(c, state))
                    && !_type.MentionsInNestedType(member.Key.Name, context.CancellationToken))
                {
                    foreach (IObjectCreationOperation creation in state.Creations.Where(c => reported.Add(c.Syntax)))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaAutoCommit, creation.Syntax.GetLocation()));
                    }
                }
            }
        }

        /// <summary>Order across methods is not known, so any write that could turn a setting off keeps it quiet.</summary>
        private bool CommitsBeforeProcessing(IObjectCreationOperation creation, MemberState state)
        {
            (Setting autoCommit, Setting offsetStore) = ConsumerSettings.Evaluate(creation, _types);
            return ConsumerSettings.CommitsBeforeProcessing(autoCommit)
                   && ConsumerSettings.CommitsBeforeProcessing(offsetStore)
                   && !state.AutoCommitMayBeOff
                   && !state.OffsetStoreMayBeOff;
        }

        private void Record(IOperation use, MemberState state)
        {
            switch (use)
            {
                case IFieldInitializerOperation fields:
                    RecordValue(fields.Value, state);
                    return;
                case IPropertyInitializerOperation properties:
                    RecordValue(properties.Value, state);
                    return;
            }

            // The member itself, seen through any conversion (e.g. to the builder's IEnumerable parameter).
            IOperation node = use;
            while (node.Parent is IConversionOperation conversion)
            {
                node = conversion;
            }

            switch (node.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == node:
                    RecordValue(assignment.Value, state);
                    break;
                case IAssignmentOperation assignment when assignment.Target == node:
                    // x ??= ..., or a compound assignment: not a plain creation.
                    state.Escapes = true;
                    break;
                case IArgumentOperation argument when argument.Parent is IObjectCreationOperation builder
                                                      && ConsumerSettings.ConfigArgument(builder, _types) == argument:
                    state.BuiltIntoConsumer = true;
                    break;
                case IPropertyReferenceOperation property when property.Instance == node:
                    RecordSettingWrite(property.Parent is IAssignmentOperation write && write.Target == property ? write : null, state);
                    break;
                case IInvocationOperation invocation when invocation.Instance == node:
                    RecordSettingWrite(invocation, state);
                    break;
                case IBinaryOperation:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case INameOfOperation:
                    // Reads that cannot change the configuration.
                    break;
                default:
                    // Handed to other code, aliased, returned or captured: it might be changed where we do not look.
                    state.Escapes = true;
                    break;
            }
        }

        private void RecordValue(IOperation value, MemberState state)
        {
            IOperation stored = value.WalkDownConversions();
            if (stored.IsNullOrDefault())
            {
                // Clearing the member gives the builder no configuration at all, never a different one.
                return;
            }

            if (stored is IObjectCreationOperation creation)
            {
                state.Creations.Add(creation);
            }
            else
            {
                state.Escapes = true;
            }
        }

        private void RecordSettingWrite(IOperation? write, MemberState state)
        {
            if (write == null || !ConsumerSettings.TryRead(write, _kafka, out SettingWrite setting))
            {
                return;
            }

            if (setting.Value == Setting.Off || setting.Value == Setting.Unknown)
            {
                if (setting.Key == ConsumerSettings.AutoCommitKey)
                {
                    state.AutoCommitMayBeOff = true;
                }
                else
                {
                    state.OffsetStoreMayBeOff = true;
                }
            }
        }

        /// <summary>What the uses of one member add up to.</summary>
        private sealed class MemberState
        {
            public List<IObjectCreationOperation> Creations { get; } = new List<IObjectCreationOperation>();

            public bool BuiltIntoConsumer { get; set; }

            public bool Escapes { get; set; }

            public bool AutoCommitMayBeOff { get; set; }

            public bool OffsetStoreMayBeOff { get; set; }
        }
    }
}
