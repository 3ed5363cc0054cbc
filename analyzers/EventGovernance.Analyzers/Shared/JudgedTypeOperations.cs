using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// Every operation of the type an operation action judges whole (EG0007, EG0010): its members' operations
    /// (<see cref="TypeOperations.AllOf"/>) and, for the program type of top-level statements, those
    /// statements too. <see cref="TypeOperations"/> reads member declarations only, and top-level statements
    /// have none; a symbol-start action on the program type saw them, and a RabbitMQ sample often is one.
    /// </summary>
    internal static class JudgedTypeOperations
    {
        /// <summary>The type whose members contain <paramref name="containingSymbol"/>'s code (a member, or a lambda's method).</summary>
        public static INamedTypeSymbol? TypeOf(ISymbol containingSymbol) =>
            (containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType)?.OriginalDefinition;

        public static IEnumerable<IOperation> Of(INamedTypeSymbol type, IOperation at, TypeOperations operations, CancellationToken cancellationToken)
        {
            foreach (IOperation operation in operations.AllOf(type, at, cancellationToken))
            {
                yield return operation;
            }

            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (!(reference.GetSyntax(cancellationToken) is CompilationUnitSyntax unit)
                    || !(ModelFor(unit.SyntaxTree, at)?.GetOperation(unit, cancellationToken) is IOperation statements))
                {
                    continue;
                }

                foreach (IOperation operation in statements.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }
        }

        private static SemanticModel? ModelFor(SyntaxTree tree, IOperation at)
        {
            SemanticModel? model = at.SemanticModel;
            if (model == null || model.SyntaxTree == tree)
            {
                return model;
            }

            // Only when the top-level statements and the judged operation are in different files (a partial Program).
#pragma warning disable RS1030 // the other file's model; an operation action has no other way to reach it
            return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}
