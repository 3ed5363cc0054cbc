using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// EG0005: a RabbitMQ publish whose message is not persistent: no properties (7.x extension overloads),
    /// null properties (6.x), or properties created in the method whose delivery mode is never set to
    /// persistent, also when they come from a local, a private field or a private factory method of the type
    /// (see <see cref="PublishProperties"/>). Properties from a parameter or code we do not follow stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonPersistentPublishAnalyzer : BrokerAnalyzer
    {
        /// <summary>Diagnostic property naming the code fix that applies (see <see cref="PersistentFix"/>).</summary>
        public const string FixProperty = "Fix";

        /// <summary>AMQP delivery mode 2: written to disk by the broker.</summary>
        private const int PersistentDeliveryMode = 2;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.NonPersistentPublish);

        public override BrokerLibrary RequiredLibrary => BrokerLibrary.RabbitMq;

        internal override void Register(CompilationStartAnalysisContext start, KnownTypes types)
        {
            RabbitMqTypes rabbit = types.RabbitMq!;
            start.RegisterOperationAction(c => AnalyzeInvocation(c, rabbit), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RabbitMqTypes rabbit)
        {
            var publish = (IInvocationOperation)context.Operation;
            if (!PublishProperties.IsPublish(publish.TargetMethod, rabbit))
            {
                return;
            }

            PublishProperties properties = PublishProperties.Of(publish, rabbit, context.CancellationToken);
            string what;
            string fix;
            SyntaxNode at;
            switch (properties.Kind)
            {
                case PropertiesKind.None:
                    what = "with no properties";
                    fix = PersistentFix.PassProperties;
                    at = publish.Syntax;
                    break;
                case PropertiesKind.Null:
                    what = "with null properties";
                    fix = PersistentFix.None;
                    at = properties.Argument?.Syntax ?? publish.Syntax;
                    break;
                case PropertiesKind.Created when !MayBePersistent(properties):
                    what = "with properties whose delivery mode is never set to persistent";
                    fix = properties.Followed ? PersistentFix.None
                        : properties.Local != null ? PersistentFix.SetOnLocal
                        : properties.Creation is IObjectCreationOperation ? PersistentFix.AddToInitializer
                        : PersistentFix.None;
                    at = properties.Argument?.Syntax ?? publish.Syntax;
                    break;
                default:
                    return;
            }

            ImmutableDictionary<string, string?> bag = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
            Location[] additional = properties.Creation != null ? new[] { properties.Creation.Syntax.GetLocation() } : Array.Empty<Location>();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NonPersistentPublish, at.GetLocation(), additional, bag, publish.TargetMethod.Name, what));
        }

        /// <summary>True when some write sets <c>Persistent</c> or <c>DeliveryMode</c> to persistent, or to a value not known.</summary>
        private static bool MayBePersistent(PublishProperties properties)
        {
            foreach (IOperation? value in properties.WritesTo("Persistent"))
            {
                Optional<object?> constant = value?.WalkDownConversions().ConstantValue ?? default;
                if (!constant.HasValue || !(constant.Value is bool flag) || flag)
                {
                    return true;
                }
            }

            foreach (IOperation? value in properties.WritesTo("DeliveryMode"))
            {
                Optional<object?> constant = value?.WalkDownConversions().ConstantValue ?? default;
                int? mode = constant.Value is byte small ? small : constant.Value as int?;
                if (!constant.HasValue || mode == null || mode == PersistentDeliveryMode)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Which EG0005 code fix applies to a diagnostic.</summary>
    public static class PersistentFix
    {
        /// <summary>No safe fix (6.x null properties: the channel must create them).</summary>
        public const string None = "None";

        /// <summary>7.x overload without properties: pass <c>new BasicProperties { Persistent = true }</c>.</summary>
        public const string PassProperties = "PassProperties";

        /// <summary>Properties in a local: set <c>local.Persistent = true</c> after they are created.</summary>
        public const string SetOnLocal = "SetOnLocal";

        /// <summary>Inline <c>new BasicProperties { ... }</c>: add <c>Persistent = true</c> to its initializer.</summary>
        public const string AddToInitializer = "AddToInitializer";
    }
}
