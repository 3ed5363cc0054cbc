using EventGovernance.Registry.Lint.Shapes;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1103: a breaking change to a subject whose event_version (the const, default or enum the contract pins) is the
    /// registered version's. Consumers route and upcast on that value; a new shape under the old number cannot be told apart.
    /// A contract that pins no value is left to EG1102 (there is nothing to compare).
    /// </summary>
    internal sealed class EG1103VersionNotBumped : ILintRule
    {
        public string Id => LintRules.VersionNotBumped;

        public void Check(LintContext context)
        {
            if (!context.Input.Breaking || context.Input.Previous == null) return;
            ContractShape? now = context.Shape;
            ContractShape? before = ContractShape.Of(context.Input.Previous);
            if (now == null || before == null) return;
            EnvelopeField version = context.Envelope.Version;
            ShapeField? current = now.FindInEnvelope(version, context.Envelope.Data);
            ShapeField? previous = before.FindInEnvelope(version, context.Envelope.Data);
            if (current?.VersionValue == null || previous?.VersionValue == null || current.VersionValue != previous.VersionValue) return;
            context.Report(current.DefinedHere ? current.Location : now.Location,
                $"'{context.Subject}' changes in a breaking way but its {current.Name} is still {Echo(current.VersionValue)}, as in the registered version: " +
                "consumers cannot tell the new shape from the old one",
                current.Path);
        }

        private static string Echo(string value) => Compatibility.Echo.Cut(value);
    }
}
