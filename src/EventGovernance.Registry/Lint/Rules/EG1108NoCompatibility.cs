using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>EG1108: a subject at level NONE: the registry accepts any change, and nothing protects its consumers.</summary>
    internal sealed class EG1108NoCompatibility : ILintRule
    {
        public string Id => LintRules.NoCompatibility;

        public void Check(LintContext context)
        {
            if (context.Input.Level != CompatibilityLevel.None) return;
            context.Report(context.ContractFile,
                $"subject '{context.Subject}' is at compatibility level NONE: the registry accepts any change to it, and nothing protects its consumers");
        }
    }
}
