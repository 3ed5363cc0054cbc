using EventGovernance.Registry.Lint.Shapes;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1107 (off by default): a property or field defined in the contract with no description (JSON
    /// <c>description</c>, Avro <c>doc</c>, a Protobuf comment above it or after it on its line).
    /// </summary>
    internal sealed class EG1107MissingDescription : ILintRule
    {
        public string Id => LintRules.MissingDescription;

        public void Check(LintContext context)
        {
            ContractShape? shape = context.Shape;
            if (shape == null) return;
            foreach (ShapeField field in shape.AllDefinedHere())
            {
                if (field.Documented) continue;
                context.Report(field.Location, $"{field.Name} at {field.Path} has no description: consumers read the contract to learn what it means", field.Path);
            }
        }
    }
}
