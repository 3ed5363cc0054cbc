using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace EventGovernance.Analyzers.CodeFixes
{
    /// <summary>
    /// EG0015 fix: removes the zero heartbeat (an object-initializer member or an assignment statement), so the
    /// client takes the heartbeat the server proposes. Other shapes (an assignment inside an expression) get no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeartbeatDisabledCodeFixProvider))]
    [Shared]
    public sealed class HeartbeatDisabledCodeFixProvider : CodeFixProvider
    {
        private const string Title = "Remove the zero heartbeat";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HeartbeatDisabled);

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
                if (!(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment))
                {
                    continue;
                }

                SyntaxNode? fixedRoot = assignment.Parent switch
                {
                    InitializerExpressionSyntax initializer => root.ReplaceNode(
                        initializer,
                        initializer.WithExpressions(initializer.Expressions.Remove(assignment)).WithAdditionalAnnotations(Formatter.Annotation)),
                    ExpressionStatementSyntax statement when statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax =>
                        root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia),
                    _ => null,
                };
                if (fixedRoot == null)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(fixedRoot)), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }
}
