using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>Where a use of a private field sits in its type.</summary>
    internal enum UseSite
    {
        /// <summary>The field's own initializer.</summary>
        Initializer,

        /// <summary>A constructor of the type: runs after the initializers, before any other member.</summary>
        Constructor,

        /// <summary>Any other member, whose order against the use being judged is not known.</summary>
        OtherMember,
    }

    /// <summary>
    /// Follows a value into the type that holds it, on demand from an operation action: the one return of a
    /// private factory method, or every use of a private field. Only what is declared in the syntax tree of
    /// the use is read (through that operation's semantic model), so a type split over files is not known.
    /// The field's name is searched as text first, so a type's members are bound only where it is mentioned.
    /// </summary>
    internal static class TypeMemberFlow
    {
        /// <summary>
        /// The return statement of <c>CreateConfig()</c> when the call is to a method of the caller's own type that
        /// cannot be replaced (not virtual, abstract or extern), declared in the same file, with exactly one return
        /// outside lambdas and local functions; otherwise null.
        /// </summary>
        public static IReturnOperation? SingleReturnOfFactory(IInvocationOperation call, CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod;
            if (call.SemanticModel == null
                || method.MethodKind != MethodKind.Ordinary
                || method.IsVirtual || method.IsAbstract || method.IsExtern || method.IsOverride
                || method.DeclaredAccessibility != Accessibility.Private
                || !(call.Instance == null || call.Instance is IInstanceReferenceOperation))
            {
                return null;
            }

            foreach (SyntaxReference declaration in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree != call.Syntax.SyntaxTree
                    || !(call.SemanticModel.GetOperation(declaration.GetSyntax(cancellationToken), cancellationToken) is IMethodBodyOperation body))
                {
                    return null;
                }

                IReturnOperation[] returns = (body.BlockBody ?? body.ExpressionBody)?.Descendants().OfType<IReturnOperation>()
                    .Where(r => r.ReturnedValue != null && !InLambdaOrLocalFunction(r)).ToArray() ?? new IReturnOperation[0];
                return returns.Length == 1 ? returns[0] : null;
            }

            return null;
        }

        /// <summary>
        /// Every use of a private field of the type containing <paramref name="at"/>, with where it is; null when
        /// the field is not private to that type, the type is declared in another file too, or a nested type
        /// mentions the field (nested types are not followed).
        /// </summary>
        public static IReadOnlyList<(IOperation Use, UseSite Site)>? UsesOfField(IFieldSymbol field, IOperation at, CancellationToken cancellationToken)
        {
            INamedTypeSymbol type = field.ContainingType;
            SemanticModel? model = at.SemanticModel;
            if (model == null || field.DeclaredAccessibility != Accessibility.Private || field.IsConst || field.AssociatedSymbol != null
                || type.MentionsInNestedType(field.Name, cancellationToken))
            {
                return null;
            }

            var uses = new List<(IOperation, UseSite)>();
            foreach (SyntaxReference typeDeclaration in type.DeclaringSyntaxReferences)
            {
                if (typeDeclaration.SyntaxTree != at.Syntax.SyntaxTree)
                {
                    return null;
                }

                SyntaxNode typeSyntax = typeDeclaration.GetSyntax(cancellationToken);
                foreach (SyntaxToken token in typeSyntax.DescendantTokens().Where(t => t.ValueText == field.Name))
                {
                    // The name's own node, or the member access around it (this._field), carries the reference.
                    IOperation? operation = null;
                    SyntaxNode? node = token.Parent;
                    for (int depth = 0; node != null && operation == null && depth < 2; depth++, node = operation == null ? node.Parent : node)
                    {
                        operation = model.GetOperation(node, cancellationToken);
                    }

                    if (node != null && operation is IFieldReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field.OriginalDefinition))
                    {
                        ISymbol? member = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
                        bool constructor = member is IMethodSymbol method && method.MethodKind == MethodKind.Constructor
                                           && SymbolEqualityComparer.Default.Equals(method.ContainingType, type);
                        uses.Add((reference, constructor ? UseSite.Constructor : UseSite.OtherMember));
                    }
                }
            }

            foreach (SyntaxReference declarator in field.DeclaringSyntaxReferences)
            {
                foreach (SyntaxNode child in declarator.GetSyntax(cancellationToken).ChildNodes())
                {
                    if (model.GetOperation(child, cancellationToken) is IFieldInitializerOperation initializer)
                    {
                        uses.Add((initializer, UseSite.Initializer));
                    }
                }
            }

            return uses;
        }

        /// <summary>
        /// The one value a private field is given, from <see cref="UsesOfField"/>: by its initializer or one simple
        /// assignment in a constructor; null when it has none, several, or one in another member.
        /// </summary>
        public static IOperation? SingleValueOfField(IReadOnlyList<(IOperation Use, UseSite Site)>? uses)
        {
            IOperation? value = null;
            int assignments = 0;
            foreach ((IOperation use, UseSite site) in uses ?? new (IOperation, UseSite)[0])
            {
                if (use is IFieldInitializerOperation initializer)
                {
                    value = initializer.Value;
                    assignments++;
                }
                else if (use.Parent is IAssignmentOperation assignment && assignment.Target == use)
                {
                    value = site == UseSite.Constructor && assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                    assignments++;
                }
            }

            return assignments == 1 ? value : null;
        }

        private static bool InLambdaOrLocalFunction(IOperation operation)
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
    }
}
