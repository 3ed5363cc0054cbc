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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace EventGovernance.Analyzers.CodeFixes
{
    /// <summary>
    /// EG0017 fix: sets <c>PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky</c> in the
    /// <c>ConsumerConfig</c> initializer, replacing an eager value written there. Offered only when the
    /// analyzer saw that the initializer decides the strategy (no later write would undo the fix).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KafkaEagerRebalanceCodeFixProvider))]
    [Shared]
    public sealed class KafkaEagerRebalanceCodeFixProvider : CodeFixProvider
    {
        private const string Title = "Use cooperative-sticky rebalancing";
        private const string CooperativeSticky = "global::Confluent.Kafka.PartitionAssignmentStrategy.CooperativeSticky";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.KafkaEagerRebalance);

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
                if (!diagnostic.Properties.ContainsKey(KafkaEagerRebalanceAnalyzer.FixInInitializerProperty)
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => SetStrategyAsync(context.Document, creation, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static async Task<Document> SetStrategyAsync(Document document, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            ExpressionSyntax value = SyntaxFactory.ParseExpression(CooperativeSticky).WithAdditionalAnnotations(Simplifier.Annotation);
            InitializerExpressionSyntax? initializer = creation.Initializer;
            AssignmentExpressionSyntax? existing = initializer?.Expressions
                .OfType<AssignmentExpressionSyntax>()
                .LastOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == KafkaEagerRebalanceAnalyzer.StrategyProperty);

            SyntaxNode replaced;
            if (existing != null)
            {
                replaced = creation.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right));
            }
            else
            {
                AssignmentExpressionSyntax assignment = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(KafkaEagerRebalanceAnalyzer.StrategyProperty),
                    value);
                replaced = initializer == null
                    ? WithInitializer(creation, assignment)
                    : creation.WithInitializer(AddTo(initializer, assignment));
            }

            return document.WithSyntaxRoot(root.ReplaceNode(creation, replaced.WithAdditionalAnnotations(Formatter.Annotation)));
        }

        /// <summary>Appends to the initializer, keeping its layout (one line, or one member per line, with or without a trailing comma).</summary>
        private static InitializerExpressionSyntax AddTo(InitializerExpressionSyntax initializer, ExpressionSyntax assignment)
        {
            SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer.WithExpressions(expressions.Add(assignment));
            }

            ExpressionSyntax last = expressions.Last();
            SyntaxNodeOrTokenList items = expressions.GetWithSeparators();
            if (expressions.SeparatorCount == expressions.Count)
            {
                SyntaxToken trailingComma = expressions.GetSeparator(expressions.SeparatorCount - 1);
                items = items.Add(assignment.WithLeadingTrivia(last.GetLeadingTrivia()))
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailingComma.TrailingTrivia));
            }
            else
            {
                SyntaxTriviaList trailing = last.GetTrailingTrivia();
                bool ownLines = trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                items = items.Replace(last, last.WithoutTrailingTrivia())
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(ownLines ? trailing : SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                    .Add(assignment.WithLeadingTrivia(ownLines ? last.GetLeadingTrivia() : SyntaxTriviaList.Empty).WithTrailingTrivia(trailing));
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }

        private static BaseObjectCreationExpressionSyntax WithInitializer(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax assignment)
        {
            InitializerExpressionSyntax initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList(assignment))
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
            SyntaxTriviaList trailing = creation.GetTrailingTrivia();
            return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(trailing);
        }
    }
}
