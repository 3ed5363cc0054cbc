using System.Linq;
using EventGovernance.Compatibility.Avro;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1104 (Avro): a field without a default can never be removed under FORWARD (old readers need a value for it), an
    /// enum without a default symbol breaks old readers on the first new symbol, and a record without a namespace
    /// collides with any other record of the same name.
    /// </summary>
    internal sealed class EG1104AvroEvolution : ILintRule
    {
        public string Id => LintRules.AvroEvolution;

        public void Check(LintContext context)
        {
            if (!(context.Input.Schema is AvroParsedSchema avro)) return;
            string? home = avro.Root.Resolved.Location.File ?? avro.Source.Path;
            // Types defined in this file, in the order they are written; referenced types are linted under their own subject.
            foreach (AvroNamed named in avro.NamedTypes.Values.Where(t => t.Location.File == home)
                         .OrderBy(t => t.Location.Line).ThenBy(t => t.Location.Column))
            {
                switch (named)
                {
                    case AvroRecord record:
                        if (string.IsNullOrEmpty(record.Name.Space))
                            context.Report(record.NameLocation.Line > 0 ? record.NameLocation : record.Location,
                                $"record {record.Name.Full} has no namespace: another team's {record.Name.Short} would collide with it in the registry and in generated code",
                                "#");
                        foreach (AvroField field in record.Fields.Where(f => !f.HasDefault))
                            context.Report(field.Location,
                                $"field {field.Name} of record {record.Name.Full} has no default: under FORWARD it can never be removed, and a reader added later cannot fill it in",
                                "#/fields/" + field.Name);
                        break;
                    case AvroEnum enumType when enumType.DefaultSymbol == null:
                        context.Report(enumType.NameLocation.Line > 0 ? enumType.NameLocation : enumType.Location,
                            $"enum {enumType.Name.Full} has no default symbol: a symbol added later makes old readers fail on data that uses it",
                            "#");
                        break;
                }
            }
        }
    }
}
