using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EventGovernance.Analyzers
{
    /// <summary>
    /// What every rule shares: concurrent execution, generated code skipped, the broker types resolved once
    /// per compilation, and silence when the rule's library is not referenced. A rule says which library it
    /// needs and registers its actions in <see cref="Register"/>.
    /// </summary>
    public abstract class BrokerAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The library the rule is about; <see cref="BrokerLibrary.None"/> for a rule that applies everywhere.</summary>
        public abstract BrokerLibrary RequiredLibrary { get; }

        /// <summary>
        /// True for a rule about any one of the libraries in <see cref="RequiredLibrary"/> (say a publish on
        /// Kafka or on RabbitMQ): it runs when at least one of them is referenced, not only when all are.
        /// </summary>
        public virtual bool AnyRequiredLibrary => false;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                KnownTypes types = KnownTypes.For(start.Compilation);
                if (AnyRequiredLibrary ? types.ReferencesAny(RequiredLibrary) : types.References(RequiredLibrary))
                {
                    Register(start, types);
                }
            });
        }

        /// <summary>Registers the rule's actions; called once per compilation that references <see cref="RequiredLibrary"/>.</summary>
        internal abstract void Register(CompilationStartAnalysisContext start, KnownTypes types);
    }
}
