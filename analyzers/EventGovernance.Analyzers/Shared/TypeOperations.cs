using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// The operation trees of one type's own members (bodies, accessors, constructors and their initializer
    /// calls, field and property initializers, and the top-level statements of a program) over every partial
    /// declaration, read on demand. A rule that
    /// judges a whole type reads them from the operation action that found something worth judging (a channel
    /// created, a consumer built), instead of a symbol-start action: the compiler's bookkeeping for symbol-start
    /// actions is paid for every type of the compilation, is not charged to the analyzer in its report, and was
    /// most of what our rules added to a build (docs/performance.md). Nested types are types of their own and
    /// are not included. One instance per compilation; each type is read once however many rules ask.
    /// </summary>
    internal sealed class TypeOperations
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IOperation>> _byType =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IOperation>>(SymbolEqualityComparer.Default);

        public TypeOperations(Compilation compilation) => _compilation = compilation;

        /// <summary>The type whose members contain <paramref name="containingSymbol"/>'s code (a member, or a lambda's method).</summary>
        public static INamedTypeSymbol? OwnerOf(ISymbol containingSymbol) =>
            (containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType)?.OriginalDefinition;

        /// <summary>
        /// A fact a rule reads from a type's operations (does it call BasicQos, which channels does it publish on),
        /// read once per type for the compilation. <paramref name="read"/> gets the type and its operations, lazily:
        /// a fact decided from the type alone reads nothing.
        /// </summary>
        public Fact<T> NewFact<T>(Func<INamedTypeSymbol, IEnumerable<IOperation>, T> read) => new Fact<T>(this, read);

        /// <summary>
        /// The root operation of each member of <paramref name="type"/> (its definition), in declaration order;
        /// <paramref name="at"/>'s semantic model serves its own file (a symbol action has none to give). Empty
        /// for a type not declared in source.
        /// </summary>
        public ImmutableArray<IOperation> RootsOf(INamedTypeSymbol type, IOperation? at, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            return _byType.TryGetValue(type, out ImmutableArray<IOperation> roots)
                ? roots
                : _byType.GetOrAdd(type, Read(type, at, cancellationToken));
        }

        /// <summary>Every operation inside the type's members, roots included.</summary>
        public IEnumerable<IOperation> AllOf(INamedTypeSymbol type, IOperation? at, CancellationToken cancellationToken)
        {
            foreach (IOperation root in RootsOf(type, at, cancellationToken))
            {
                foreach (IOperation operation in root.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }
        }

        private ImmutableArray<IOperation> Read(INamedTypeSymbol type, IOperation? at, CancellationToken cancellationToken)
        {
            ImmutableArray<IOperation>.Builder roots = ImmutableArray.CreateBuilder<IOperation>();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                SyntaxNode syntax = reference.GetSyntax(cancellationToken);
                if (syntax is CompilationUnitSyntax unit)
                {
                    // The program type of top-level statements: the statements are its one member's body.
                    if (ModelFor(unit.SyntaxTree, at).GetOperation(unit, cancellationToken) is IOperation statements)
                    {
                        roots.Add(statements);
                    }

                    continue;
                }

                if (!(syntax is TypeDeclarationSyntax declaration))
                {
                    continue;
                }

                SemanticModel model = ModelFor(declaration.SyntaxTree, at);
                foreach (MemberDeclarationSyntax member in declaration.Members)
                {
                    foreach (SyntaxNode node in RootNodes(member))
                    {
                        if (model.GetOperation(node, cancellationToken) is IOperation operation)
                        {
                            roots.Add(operation);
                        }
                    }
                }
            }

            return roots.ToImmutable();
        }

        /// <summary>The nodes of a member declaration that root an operation tree; none for a nested type.</summary>
        private static IEnumerable<SyntaxNode> RootNodes(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method when method.Body != null || method.ExpressionBody != null:
                    yield return method;
                    break;
                case BasePropertyDeclarationSyntax property:
                    if (property is PropertyDeclarationSyntax withValue)
                    {
                        if (withValue.ExpressionBody != null)
                        {
                            yield return withValue.ExpressionBody;
                        }

                        if (withValue.Initializer != null)
                        {
                            yield return withValue.Initializer;
                        }
                    }
                    else if (property is IndexerDeclarationSyntax indexer && indexer.ExpressionBody != null)
                    {
                        yield return indexer.ExpressionBody;
                    }

                    foreach (AccessorDeclarationSyntax accessor in property.AccessorList?.Accessors ?? default)
                    {
                        if (accessor.Body != null || accessor.ExpressionBody != null)
                        {
                            yield return accessor;
                        }
                    }

                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer != null)
                        {
                            yield return variable.Initializer;
                        }
                    }

                    break;
            }
        }

        private SemanticModel ModelFor(SyntaxTree tree, IOperation? at)
        {
            if (at?.SemanticModel != null && at.SemanticModel.SyntaxTree == tree)
            {
                return at.SemanticModel;
            }

            // For a type split over files (partial declarations elsewhere), which judging the whole type needs, and
            // for a symbol action, which judges a member of a type few have (EG0014's id sets).
#pragma warning disable RS1030 // the other file's model; an operation action has no other way to reach it
            return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }

    /// <summary>One fact per type, made by <see cref="TypeOperations.NewFact{T}"/>.</summary>
    internal sealed class Fact<T>
    {
        private readonly TypeOperations _operations;
        private readonly Func<INamedTypeSymbol, IEnumerable<IOperation>, T> _read;
        private readonly ConcurrentDictionary<INamedTypeSymbol, T> _byType =
            new ConcurrentDictionary<INamedTypeSymbol, T>(SymbolEqualityComparer.Default);

        public Fact(TypeOperations operations, Func<INamedTypeSymbol, IEnumerable<IOperation>, T> read)
        {
            _operations = operations;
            _read = read;
        }

        /// <summary>The fact for <paramref name="type"/>; <paramref name="at"/> as in <see cref="TypeOperations.RootsOf"/>.</summary>
        public T Of(INamedTypeSymbol type, IOperation? at, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            return _byType.TryGetValue(type, out T? fact)
                ? fact!
                : _byType.GetOrAdd(type, _read(type, _operations.AllOf(type, at, cancellationToken)));
        }
    }
}
