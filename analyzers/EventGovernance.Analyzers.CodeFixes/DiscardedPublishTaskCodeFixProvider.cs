using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EventGovernance.Analyzers.CodeFixes
{
    /// <summary>
    /// EG0016 fix: awaits the discarded publish, offered only where <c>await</c> is legal as it stands (the
    /// enclosing method, local function or lambda is async and the call is not inside a <c>lock</c>).
    /// Making a method async would change its signature and every caller, so that is left to the author.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiscardedPublishTaskCodeFixProvider))]
    [Shared]
    public sealed class DiscardedPublishTaskCodeFixProvider : CodeFixProvider
    {
        private const string Title = "Await the publish";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DiscardedPublishTask);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                ExpressionStatementSyntax? statement = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ExpressionStatementSyntax>();
                // producer?.ProduceAsync(...) awaited would throw on a null producer, where today it does nothing.
                if (statement == null || statement.Expression is AwaitExpressionSyntax || statement.Expression is ConditionalAccessExpressionSyntax || !CanAwaitAt(statement))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => AwaitAsync(context.Document, statement, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        /// <summary>True when the nearest enclosing function is async and no <c>lock</c> lies between it and the statement.</summary>
        private static bool CanAwaitAt(SyntaxNode node)
        {
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case LockStatementSyntax _:
                        return false;
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case MemberDeclarationSyntax _:
                        return false;
                }
            }

            return false;
        }

        private static async Task<Document> AwaitAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            ExpressionSyntax expression = statement.Expression;
            AwaitExpressionSyntax awaited = SyntaxFactory.AwaitExpression(
                    SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    expression.WithoutLeadingTrivia())
                .WithLeadingTrivia(expression.GetLeadingTrivia());
            return document.WithSyntaxRoot(root.ReplaceNode(expression, awaited));
        }
    }
}
