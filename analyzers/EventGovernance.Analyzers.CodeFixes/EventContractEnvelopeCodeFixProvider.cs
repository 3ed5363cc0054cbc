using System;
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
using Microsoft.CodeAnalysis.Simplification;

namespace EventGovernance.Analyzers.CodeFixes
{
    /// <summary>EG0004 fix: adds the missing envelope members to the contract, in the naming style it already uses.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventContractEnvelopeCodeFixProvider))]
    [Shared]
    public sealed class EventContractEnvelopeCodeFixProvider : CodeFixProvider
    {
        private const string Title = "Add missing envelope fields";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EventContractEnvelope);

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
                TypeDeclarationSyntax? declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                ImmutableArray<EnvelopeField> missing = MissingFields(diagnostic);
                if (declaration == null || missing.IsEmpty)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => AddMembersAsync(context.Document, declaration, missing, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        private static ImmutableArray<EnvelopeField> MissingFields(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(EventContractEnvelopeAnalyzer.MissingFieldsProperty, out string? keys) || keys == null)
            {
                return ImmutableArray<EnvelopeField>.Empty;
            }

            return keys.Split(',')
                .Select(EnvelopeField.FromKey)
                .Where(f => f != null)
                .Select(f => f!)
                .ToImmutableArray();
        }

        private static async Task<Document> AddMembersAsync(Document document, TypeDeclarationSyntax declaration, ImmutableArray<EnvelopeField> missing, CancellationToken cancellationToken)
        {
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || root == null || !(model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type))
            {
                return document;
            }

            bool isStruct = type.TypeKind == TypeKind.Struct;
            var context = new MemberContext(
                NamingStyleOf(type),
                model.GetNullableContext(declaration.SpanStart).AnnotationsEnabled(),
                type.IsRecord,
                isStruct,
                type.IsReadOnly,
                !isStruct || StructAllowsInitializers(type, declaration),
                type.IsGenericType ? "\"" + type.Name + "\"" : "nameof(" + type.Name + ")");
            IEnumerable<MemberDeclarationSyntax> members = missing.Select(field => CreateMember(field, context));

            TypeDeclarationSyntax updated = declaration;
            if (updated.OpenBraceToken.IsKind(SyntaxKind.None))
            {
                // A positional record without a body: `record X(...);` becomes `record X(...) { }`.
                SyntaxTriviaList trailing = updated.SemicolonToken.TrailingTrivia;
                updated = updated
                    .WithSemicolonToken(default)
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                    .WithCloseBraceToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, trailing));
            }

            updated = updated.AddMembers(members.ToArray()).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        }

        private enum NamingStyle
        {
            PascalProperties,
            CamelFields,
            SnakeFields,
        }

        /// <summary>
        /// A struct may have member initializers only from C# 10 on, and only when it declares a constructor
        /// (a record struct's parameter list or a primary constructor counts); otherwise CS8983 or CS0573.
        /// </summary>
        private static bool StructAllowsInitializers(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            if (declaration.SyntaxTree.Options is CSharpParseOptions options && options.LanguageVersion < LanguageVersion.CSharp10)
            {
                return false;
            }

            return type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared || c.Parameters.Length > 0);
        }

        private readonly struct MemberContext
        {
            public MemberContext(NamingStyle style, bool nullableAnnotations, bool isRecord, bool isStruct, bool isReadOnly, bool allowsInitializers, string typeNameExpression)
            {
                Style = style;
                NullableAnnotations = nullableAnnotations;
                IsRecord = isRecord;
                IsStruct = isStruct;
                IsReadOnly = isReadOnly;
                AllowsInitializers = allowsInitializers;
                TypeNameExpression = typeNameExpression;
            }

            public NamingStyle Style { get; }

            public bool NullableAnnotations { get; }

            public bool IsRecord { get; }

            public bool IsStruct { get; }

            /// <summary>A readonly struct: fields must be readonly and properties have no set accessor.</summary>
            public bool IsReadOnly { get; }

            /// <summary>False for a struct that cannot have member initializers (see <see cref="StructAllowsInitializers"/>).</summary>
            public bool AllowsInitializers { get; }

            /// <summary><c>nameof(T)</c>, or a string literal for generic types.</summary>
            public string TypeNameExpression { get; }
        }

        /// <summary>Follows the type's own members: a type made only of snake_case or camelCase fields gets fields named that way.</summary>
        private static NamingStyle NamingStyleOf(INamedTypeSymbol type)
        {
            ImmutableArray<ISymbol> members = type.GetMembers();
            bool hasProperties = members.OfType<IPropertySymbol>().Any(p => !p.IsStatic && !p.IsImplicitlyDeclared && !p.IsIndexer);
            List<IFieldSymbol> fields = members.OfType<IFieldSymbol>()
                .Where(f => !f.IsStatic && !f.IsConst && !f.IsImplicitlyDeclared && f.AssociatedSymbol == null)
                .ToList();
            if (hasProperties || fields.Count == 0)
            {
                return NamingStyle.PascalProperties;
            }

            if (fields.Any(f => f.Name.IndexOf('_', 1) > 0 && f.Name == f.Name.ToLowerInvariant()))
            {
                return NamingStyle.SnakeFields;
            }

            return fields.All(f => char.IsLower(f.Name[0])) ? NamingStyle.CamelFields : NamingStyle.PascalProperties;
        }

        private static MemberDeclarationSyntax CreateMember(EnvelopeField field, MemberContext context)
        {
            string? initializer = context.AllowsInitializers ? InitialValue(field, context) : null;
            // A string member left without a value would be null at run time: with nullable annotations on,
            // say so (string?) rather than leave a CS8618 warning in a warnings-as-errors build.
            string typeName = initializer == null && context.NullableAnnotations && field == EnvelopeField.EventType ? "string?" : TypeOf(field, context);
            string modifiers = context.IsReadOnly ? "public readonly" : "public";
            string text;
            switch (context.Style)
            {
                case NamingStyle.SnakeFields:
                    text = $"{modifiers} {typeName} {field.Key}{Assign(initializer)};";
                    break;
                case NamingStyle.CamelFields:
                    text = $"{modifiers} {typeName} {char.ToLowerInvariant(field.PascalName[0])}{field.PascalName.Substring(1)}{Assign(initializer)};";
                    break;
                default:
                    string setter = context.IsRecord || context.IsReadOnly ? "init" : "set";
                    text = $"public {typeName} {field.PascalName} {{ get; {setter}; }}" + (initializer == null ? string.Empty : $" = {initializer};");
                    break;
            }

            MemberDeclarationSyntax? member = SyntaxFactory.ParseMemberDeclaration(text);
            if (member == null)
            {
                throw new InvalidOperationException("Generated member did not parse: " + text);
            }

            return member
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        }

        private static string Assign(string? initializer) => initializer == null ? string.Empty : " = " + initializer;

        private static string TypeOf(EnvelopeField field, MemberContext context)
        {
            if (field == EnvelopeField.EventId)
            {
                return "System.Guid";
            }

            if (field == EnvelopeField.EventVersion)
            {
                return "int";
            }

            if (field == EnvelopeField.OccurredAt)
            {
                return "System.DateTimeOffset";
            }

            if (field == EnvelopeField.CorrelationId)
            {
                return context.NullableAnnotations ? "string?" : "string";
            }

            return "string";
        }

        /// <summary>Defaults that make a freshly created event valid: a new id, its own type name, version 1, now.</summary>
        private static string? InitialValue(EnvelopeField field, MemberContext context)
        {
            if (field == EnvelopeField.EventId)
            {
                return "System.Guid.NewGuid()";
            }

            if (field == EnvelopeField.EventType)
            {
                return context.TypeNameExpression;
            }

            if (field == EnvelopeField.EventVersion)
            {
                return "1";
            }

            if (field == EnvelopeField.OccurredAt)
            {
                return "System.DateTimeOffset.UtcNow";
            }

            return null;
        }
    }
}
