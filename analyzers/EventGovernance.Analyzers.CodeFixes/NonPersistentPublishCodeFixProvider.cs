using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace EventGovernance.Analyzers.CodeFixes
{
    /// <summary>
    /// EG0005 fix: makes the message persistent. Properties in a local get <c>local.Persistent = true;</c>
    /// right after they are created; inline <c>new BasicProperties { ... }</c> gets <c>Persistent = true</c>; a
    /// 7.x overload without properties is given <c>new BasicProperties { Persistent = true }</c>. 6.x null
    /// properties get no fix: the channel has to create them, which is a statement the fix cannot place safely.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonPersistentPublishCodeFixProvider))]
    [Shared]
    public sealed class NonPersistentPublishCodeFixProvider : CodeFixProvider
    {
        private const string Title = "Publish as persistent";
        private const string Persistent = "Persistent";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NonPersistentPublish);

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
                diagnostic.Properties.TryGetValue(NonPersistentPublishAnalyzer.FixProperty, out string? fix);
                Document document = context.Document;
                if (fix == PersistentFix.PassProperties)
                {
                    TextSpan span = diagnostic.Location.SourceSpan;
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, ct => PassPropertiesAsync(document, span, ct), equivalenceKey: Title),
                        diagnostic);
                    continue;
                }

                SyntaxNode? fixedRoot = fix switch
                {
                    PersistentFix.SetOnLocal => SetOnLocal(root, diagnostic),
                    PersistentFix.AddToInitializer => AddToInitializer(root, diagnostic),
                    _ => null,
                };
                if (fixedRoot == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(fixedRoot)), equivalenceKey: Title),
                    diagnostic);
            }
        }

        /// <summary>The order of the 7.x overloads that take properties.</summary>
        private static readonly string[] PublishParameters = { "exchange", "routingKey", "mandatory", PublishProperties.PropertiesParameter, "body", "cancellationToken" };

        /// <summary>
        /// <c>channel.BasicPublishAsync(exchange, routingKey, body)</c> → the overload with <c>mandatory</c> and
        /// properties. Arguments are matched to parameters by the semantic model and written in the new
        /// overload's order, all named when the call named any of them.
        /// </summary>
        private static async Task<Document> PassPropertiesAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null
                || !(root.FindNode(span, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation)
                || !(model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation))
            {
                return document;
            }

            var byParameter = new Dictionary<string, ExpressionSyntax>();
            foreach (IArgumentOperation argument in operation.Arguments)
            {
                if (!argument.IsImplicit && argument.Parameter != null && argument.Syntax is ArgumentSyntax syntax)
                {
                    byParameter[argument.Parameter.Name] = syntax.Expression.WithoutTrivia();
                }
            }

            if (!byParameter.ContainsKey("exchange") || !byParameter.ContainsKey("routingKey") || !byParameter.ContainsKey("body"))
            {
                return document;
            }

            byParameter["mandatory"] = byParameter.TryGetValue("mandatory", out ExpressionSyntax? mandatory) ? mandatory : SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
            byParameter[PublishProperties.PropertiesParameter] = PersistentProperties();
            bool named = invocation.ArgumentList.Arguments.Any(a => a.NameColon != null);
            var arguments = new List<ArgumentSyntax>();
            foreach (string parameter in PublishParameters)
            {
                if (byParameter.TryGetValue(parameter, out ExpressionSyntax? value))
                {
                    ArgumentSyntax argument = SyntaxFactory.Argument(value);
                    arguments.Add(named ? argument.WithNameColon(SyntaxFactory.NameColon(parameter)) : argument);
                }
            }

            InvocationExpressionSyntax fixedInvocation = invocation.WithArgumentList(
                invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments)));
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedInvocation.WithAdditionalAnnotations(Formatter.Annotation)));
        }

        private static ExpressionSyntax PersistentProperties() =>
            SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName("global::RabbitMQ.Client.BasicProperties").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithArgumentList(null)
                .WithInitializer(SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(PersistentAssignment(SyntaxFactory.IdentifierName(Persistent)))));

        private static AssignmentExpressionSyntax PersistentAssignment(ExpressionSyntax target) =>
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));

        /// <summary><c>var properties = channel.CreateBasicProperties();</c> → followed by <c>properties.Persistent = true;</c>.</summary>
        private static SyntaxNode? SetOnLocal(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            SyntaxNode creation = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            StatementSyntax? statement = creation.FirstAncestorOrSelf<StatementSyntax>();
            string? local = statement switch
            {
                LocalDeclarationStatementSyntax declaration => declaration.Declaration.Variables
                    .FirstOrDefault(v => v.Initializer != null && v.Initializer.Span.Contains(creation.Span))?.Identifier.ValueText,
                ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } } => name.Identifier.ValueText,
                _ => null,
            };
            if (local == null || statement == null || !(statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax))
            {
                return null;
            }

            StatementSyntax setPersistent = SyntaxFactory.ExpressionStatement(PersistentAssignment(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(local), SyntaxFactory.IdentifierName(Persistent))))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.InsertNodesAfter(statement, new[] { setPersistent });
        }

        /// <summary><c>new BasicProperties { MessageId = id }</c> → <c>new BasicProperties { MessageId = id, Persistent = true }</c>.</summary>
        private static SyntaxNode? AddToInitializer(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0
                || !(root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation))
            {
                return null;
            }

            ExpressionSyntax assignment = PersistentAssignment(SyntaxFactory.IdentifierName(Persistent));
            BaseObjectCreationExpressionSyntax fixedCreation = creation.Initializer == null
                ? creation.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList(assignment)))
                : creation.WithInitializer(creation.Initializer.AddExpressions(assignment));
            if (fixedCreation is ObjectCreationExpressionSyntax explicitType && explicitType.ArgumentList?.Arguments.Count == 0)
            {
                // new BasicProperties() { Persistent = true } reads better without the empty parentheses.
                fixedCreation = explicitType.WithType(explicitType.Type.WithTrailingTrivia(SyntaxFactory.Space)).WithArgumentList(null);
            }

            return root.ReplaceNode(creation, fixedCreation.WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
