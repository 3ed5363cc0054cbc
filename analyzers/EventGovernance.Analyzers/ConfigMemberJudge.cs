using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0002 for a consumer configuration held in a private field or auto-property of one type (the
    /// BackgroundService pattern: created in an initializer or constructor, built into a consumer in
    /// another method), or returned by a method of the type to a builder (<c>new ConsumerBuilder(CreateConfig())</c>).
    /// A creation stored straight into such a member, or made in such a method, starts the judgement; only
    /// then are the type's member operations read (all partial declarations, not its nested types; see
    /// <see cref="TypeOperations"/>). A member is flagged only when a builder of the type takes it, each value
    /// stored in it is a configuration created right there, nothing in the type can turn either setting off (or
    /// to a value not known), and the member never escapes to code we do not follow; a factory when a builder of
    /// the type takes its result and each value it returns is a configuration created in it that leaves both
    /// settings on. Each member and factory is judged once per compilation (the verdict is kept), and each
    /// creation reports itself: the diagnostic is local to the member it is in, so an editor analysing one
    /// file, or part of one, sees it, and it comes once whatever order the builders are analysed in.
    /// </summary>
    internal sealed class ConfigMemberJudge
    {
        private readonly KnownTypes _types;
        private readonly KafkaTypes _kafka;

        /// <summary>Each member's or factory's verdict: where the type's reading says to report.</summary>
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<Location>> _verdicts =
            new ConcurrentDictionary<ISymbol, ImmutableArray<Location>>(SymbolEqualityComparer.Default);

        public ConfigMemberJudge(KnownTypes types)
        {
            _types = types;
            _kafka = types.Kafka!;
        }

        /// <summary>
        /// Whether <paramref name="creation"/>, made in <paramref name="containingSymbol"/>, is a configuration the
        /// judgement of its private member or factory method flags.
        /// </summary>
        public bool IsFlagged(IObjectCreationOperation creation, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            if (!(containingSymbol.ContainingType?.OriginalDefinition is INamedTypeSymbol type))
            {
                return false;
            }

            foreach (ISymbol member in MembersStoredInto(creation, type))
            {
                if (Flags(VerdictOn(member, () => JudgeMember(member, type, creation, cancellationToken)), creation))
                {
                    return true;
                }
            }

            return containingSymbol is IMethodSymbol method
                   && IsFollowableFactory(method, type)
                   && Flags(VerdictOn(method.OriginalDefinition, () => JudgeFactory((IMethodSymbol)method.OriginalDefinition, type, creation, cancellationToken)), creation);
        }

        /// <summary>The tracked members a creation is stored straight into: by an initializer or a plain assignment.</summary>
        private IEnumerable<ISymbol> MembersStoredInto(IObjectCreationOperation creation, INamedTypeSymbol type)
        {
            IOperation value = creation;
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            switch (value.Parent)
            {
                case IFieldInitializerOperation fields:
                    return fields.InitializedFields.Where(f => IsTracked(f, type)).Select(f => f.OriginalDefinition);
                case IPropertyInitializerOperation properties:
                    return properties.InitializedProperties.Where(p => IsTracked(p, type)).Select(p => p.OriginalDefinition);
                case ISimpleAssignmentOperation assignment when assignment.Value == value
                                                                && assignment.Target.WalkDownConversions() is IMemberReferenceOperation target
                                                                && IsTracked(target.Member, type):
                    return new[] { target.Member.OriginalDefinition };
                default:
                    return Enumerable.Empty<ISymbol>();
            }
        }

        private static bool Flags(ImmutableArray<Location> verdict, IObjectCreationOperation creation) =>
            verdict.Any(at => at.SourceTree == creation.Syntax.SyntaxTree && at.SourceSpan == creation.Syntax.Span);

        /// <summary>A judgement reads the same operations every time, so two creations racing to it agree.</summary>
        private ImmutableArray<Location> VerdictOn(ISymbol memberOrFactory, Func<ImmutableArray<Location>> judge) =>
            _verdicts.TryGetValue(memberOrFactory, out ImmutableArray<Location> known) ? known : _verdicts.GetOrAdd(memberOrFactory, judge());

        private static ImmutableArray<Location> Report(IEnumerable<IObjectCreationOperation> creations) =>
            creations.Select(c => c.Syntax.GetLocation()).ToImmutableArray();

        /// <summary>
        /// A method of this type whose body is the one that runs: not virtual, abstract or extern (an
        /// override could replace it), returning something that can hold a configuration.
        /// </summary>
        private bool IsFollowableFactory(IMethodSymbol method, INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type)
            && method.MethodKind == MethodKind.Ordinary
            && !method.IsVirtual && !method.IsAbstract && !method.IsExtern && (!method.IsOverride || method.IsSealed || type.IsSealed)
            && CanHoldConfig(method.ReturnType);

        /// <summary>
        /// A private field, or a private auto-property, of this type whose type can hold a configuration.
        /// Anything more visible can be changed by code outside the type, so its settings are not known.
        /// </summary>
        private bool IsTracked(ISymbol member, INamedTypeSymbol type)
        {
            if (member.DeclaredAccessibility != Accessibility.Private
                || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type))
            {
                return false;
            }

            switch (member)
            {
                case IFieldSymbol field:
                    return !field.IsConst && field.AssociatedSymbol == null && CanHoldConfig(field.Type);
                case IPropertySymbol property:
                    // The type test first: it is cheaper than looking for the backing field among all members.
                    return !property.IsIndexer && CanHoldConfig(property.Type) && IsAutoProperty(property, type);
                default:
                    return false;
            }
        }

        /// <summary>An auto-property stores what it is given; a computed one might return anything.</summary>
        private static bool IsAutoProperty(IPropertySymbol property, INamedTypeSymbol type) =>
            type.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        private bool CanHoldConfig(ITypeSymbol type) => ConsumerSettings.CanHoldConfig(type, _types);

        /// <summary>
        /// A factory method used by a builder is flagged when every value it returns is a configuration
        /// created in it (inline or in a local changed only by the method itself before it returns) that
        /// leaves both settings on. Each call returns a new configuration, so callers cannot change it.
        /// </summary>
        private ImmutableArray<Location> JudgeFactory(IMethodSymbol factory, INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken)
        {
            var creations = new List<IObjectCreationOperation>();
            foreach (IReturnOperation returned in ReturnsOf(factory, type, at, cancellationToken))
            {
                IObjectCreationOperation? creation = CreationLeavingAutoCommitOn(returned);
                if (creation == null)
                {
                    return ImmutableArray<Location>.Empty;
                }

                creations.Add(creation);
            }

            return creations.Count > 0 && IsBuiltByTheType(factory, type, at, cancellationToken) ? Report(creations) : ImmutableArray<Location>.Empty;
        }

        /// <summary>A builder in the type takes the factory's result straight away.</summary>
        private bool IsBuiltByTheType(IMethodSymbol factory, INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken) =>
            _types.Operations.AllOf(type, at, cancellationToken).Any(
                operation => operation is IObjectCreationOperation builder
                             && ConsumerSettings.ConfigArgument(builder, _types)?.Value.WalkDownConversions() is IInvocationOperation call
                             && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, factory));

        /// <summary>The <c>return</c> statements with a value in the factory's body (iterators have none).</summary>
        private IEnumerable<IReturnOperation> ReturnsOf(IMethodSymbol factory, INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken)
        {
            ImmutableArray<SyntaxReference> declarations = factory.DeclaringSyntaxReferences;
            foreach (IOperation root in _types.Operations.RootsOf(type, at, cancellationToken))
            {
                if (!declarations.Any(d => d.SyntaxTree == root.Syntax.SyntaxTree && d.Span == root.Syntax.Span))
                {
                    continue;
                }

                foreach (IOperation operation in root.Descendants())
                {
                    if (operation is IReturnOperation returned && returned.Kind == OperationKind.Return && returned.ReturnedValue != null)
                    {
                        yield return returned;
                    }
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

        /// <summary>Every use of the member in the type's own members, each weighed by <see cref="Record"/>.</summary>
        private ImmutableArray<Location> JudgeMember(ISymbol member, INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken)
        {
            var state = new MemberState();
            foreach (IOperation use in UsesOf(member, type, at, cancellationToken))
            {
                Record(use, state);
                if (state.Escapes)
                {
                    return ImmutableArray<Location>.Empty;
                }
            }

            bool flagged = state.BuiltIntoConsumer && state.Creations.Count > 0 && state.Creations.All(c => CommitsBeforeProcessing(c, state))
                           && !type.MentionsInNestedType(member.Name, cancellationToken);
            return flagged ? Report(state.Creations) : ImmutableArray<Location>.Empty;
        }

        /// <summary>References to the member (through any construction of a generic type) and initializers of it.</summary>
        private IEnumerable<IOperation> UsesOf(ISymbol member, INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken)
        {
            foreach (IOperation operation in _types.Operations.AllOf(type, at, cancellationToken))
            {
                switch (operation)
                {
                    case IMemberReferenceOperation reference when IsSame(reference.Member, member) && IsTracked(reference.Member, type):
                        yield return reference;
                        break;
                    case IFieldInitializerOperation fields when fields.InitializedFields.Any(f => IsSame(f, member) && IsTracked(f, type)):
                        yield return fields;
                        break;
                    case IPropertyInitializerOperation properties when properties.InitializedProperties.Any(p => IsSame(p, member) && IsTracked(p, type)):
                        yield return properties;
                        break;
                }
            }
        }

        private static bool IsSame(ISymbol used, ISymbol member) => SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, member);

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
