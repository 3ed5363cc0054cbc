using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0002: a consumer is built from a configuration that commits offsets on a timer while the
    /// client stores each offset on delivery, i.e. before the application has processed the message.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KafkaAutoCommitAnalyzer : DiagnosticAnalyzer
    {
        private const string AutoCommitKey = "enable.auto.commit";
        private const string AutoOffsetStoreKey = "enable.auto.offset.store";
        private const string AutoCommitProperty = "EnableAutoCommit";
        private const string AutoOffsetStoreProperty = "EnableAutoOffsetStore";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KafkaAutoCommit);

        /// <summary>What the analysis knows about one setting.</summary>
        private enum Setting
        {
            /// <summary>Never set: the client default (true) applies.</summary>
            Unset,
            On,
            Off,
            /// <summary>Set from something not known at compile time, or the configuration came from elsewhere.</summary>
            Unknown,
        }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                KafkaTypes? kafka = KnownTypes.Create(start.Compilation).Kafka;
                if (kafka?.ConsumerBuilder == null)
                {
                    return;
                }

                start.RegisterOperationAction(c => AnalyzeCreation(c, kafka, kafka.ConsumerBuilder), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, KafkaTypes kafka, INamedTypeSymbol consumerBuilder)
        {
            var builder = (IObjectCreationOperation)context.Operation;
            if (!(builder.Type is INamedTypeSymbol type)
                || !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, consumerBuilder)
                || builder.Arguments.Length != 1)
            {
                return;
            }

            IOperation config = builder.Arguments[0].Value.WalkDownConversions();
            IObjectCreationOperation? creation = config as IObjectCreationOperation;
            ISymbol? tracked = null;
            switch (config)
            {
                case ILocalReferenceOperation local:
                    tracked = local.Local;
                    creation = builder.GetRoot().SingleAssignedValue(local.Local)?.WalkDownConversions() as IObjectCreationOperation;
                    break;
                case IParameterReferenceOperation parameter:
                    tracked = parameter.Parameter;
                    break;
                case IObjectCreationOperation:
                    break;
                default:
                    return;
            }

            Setting autoCommit = Setting.Unknown;
            Setting offsetStore = Setting.Unknown;
            if (creation != null && StartsFromDefaults(creation))
            {
                autoCommit = Setting.Unset;
                offsetStore = Setting.Unset;
                foreach (IOperation initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                {
                    Apply(initializer, kafka, ref autoCommit, ref offsetStore);
                }
            }

            if (tracked != null && !ApplyLaterWrites(builder, tracked, kafka, ref autoCommit, ref offsetStore))
            {
                return;
            }

            if (CommitsBeforeProcessing(autoCommit) && CommitsBeforeProcessing(offsetStore))
            {
                SyntaxNode at = creation?.Syntax ?? builder.Syntax;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KafkaAutoCommit, at.GetLocation()));
            }
        }

        private static bool CommitsBeforeProcessing(Setting setting) => setting == Setting.Unset || setting == Setting.On;

        /// <summary>A configuration made empty (or with a capacity/comparer) starts from the client defaults; a copy of another one does not.</summary>
        private static bool StartsFromDefaults(IObjectCreationOperation creation) =>
            creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32
                                        || (a.Value.Type?.Name.EndsWith("Comparer", StringComparison.Ordinal) ?? false));

        /// <summary>
        /// Applies the statements before the builder that change the tracked configuration.
        /// Returns false when the configuration is handed to code we do not follow.
        /// </summary>
        private static bool ApplyLaterWrites(IObjectCreationOperation builder, ISymbol tracked, KafkaTypes kafka, ref Setting autoCommit, ref Setting offsetStore)
        {
            int builderStart = builder.Syntax.SpanStart;
            foreach (IOperation operation in builder.GetRoot().Descendants().OrderBy(o => o.Syntax.SpanStart))
            {
                if (operation.Syntax.SpanStart >= builderStart)
                {
                    break;
                }

                switch (operation)
                {
                    case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property && property.Instance.References(tracked):
                        Apply(assignment, kafka, ref autoCommit, ref offsetStore);
                        break;
                    case IInvocationOperation invocation when invocation.Instance.References(tracked):
                        Apply(invocation, kafka, ref autoCommit, ref offsetStore);
                        break;
                    case IArgumentOperation argument when argument.Value.References(tracked) && argument.Parent != builder:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Applies one write: a property assignment, an indexer assignment, <c>Set(key, value)</c> or <c>Add(key, value)</c>.</summary>
        private static void Apply(IOperation write, KafkaTypes kafka, ref Setting autoCommit, ref Setting offsetStore)
        {
            switch (write)
            {
                case IAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                    string? name = SettingName(property, kafka);
                    if (name == null)
                    {
                        return;
                    }

                    Setting value = ValueOf(assignment.Value);
                    bool onlyIfUnset = assignment is ICoalesceAssignmentOperation;
                    if (name == AutoCommitKey)
                    {
                        autoCommit = Combine(autoCommit, value, onlyIfUnset);
                    }
                    else
                    {
                        offsetStore = Combine(offsetStore, value, onlyIfUnset);
                    }

                    break;
                case ICompoundAssignmentOperation:
                    break;
                case IInvocationOperation invocation when (invocation.TargetMethod.Name == "Set" || invocation.TargetMethod.Name == "Add")
                                                          && invocation.Arguments.Length == 2:
                    string? key = invocation.Arguments[0].Value.StringConstant();
                    if (key == AutoCommitKey)
                    {
                        autoCommit = ValueOf(invocation.Arguments[1].Value);
                    }
                    else if (key == AutoOffsetStoreKey)
                    {
                        offsetStore = ValueOf(invocation.Arguments[1].Value);
                    }

                    break;
            }
        }

        /// <summary>Which setting a property or indexer write targets, as its configuration key.</summary>
        private static string? SettingName(IPropertyReferenceOperation property, KafkaTypes kafka)
        {
            if (property.Property.IsIndexer)
            {
                string? key = property.Arguments.Length == 1 ? property.Arguments[0].Value.StringConstant() : null;
                return key == AutoCommitKey || key == AutoOffsetStoreKey ? key : null;
            }

            if (kafka.ConsumerConfig == null || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, kafka.ConsumerConfig))
            {
                return null;
            }

            switch (property.Property.Name)
            {
                case AutoCommitProperty:
                    return AutoCommitKey;
                case AutoOffsetStoreProperty:
                    return AutoOffsetStoreKey;
                default:
                    return null;
            }
        }

        /// <summary><c>x ??= value</c> only changes a setting nobody has set yet.</summary>
        private static Setting Combine(Setting current, Setting value, bool onlyIfUnset)
        {
            if (!onlyIfUnset)
            {
                return value;
            }

            return current == Setting.Unset ? value : current;
        }

        /// <summary>A bool, a nullable bool or a "true"/"false" string; null clears the setting back to the default.</summary>
        private static Setting ValueOf(IOperation value)
        {
            Optional<object?> constant = value.WalkDownConversions().ConstantValue;
            if (!constant.HasValue)
            {
                return value.IsNullOrDefault() && value.Type?.SpecialType != SpecialType.System_Boolean ? Setting.Unset : Setting.Unknown;
            }

            switch (constant.Value)
            {
                case null:
                    return Setting.Unset;
                case bool flag:
                    return flag ? Setting.On : Setting.Off;
                case string text when text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase):
                    return Setting.On;
                case string text when text.Trim().Equals("false", StringComparison.OrdinalIgnoreCase):
                    return Setting.Off;
                default:
                    return Setting.Unknown;
            }
        }
    }
}
