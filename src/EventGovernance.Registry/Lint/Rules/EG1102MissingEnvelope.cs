using System.Collections.Generic;
using System.Linq;
using EventGovernance.Registry.Lint.Shapes;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1102: a contract without the standard envelope fields (EG0004's names) and a payload field, inline or through
    /// a reference to the envelope (JSON $ref, Avro named type, Protobuf import). The envelope's own definition (every
    /// envelope field, no payload) is not an event and is not flagged.
    /// </summary>
    internal sealed class EG1102MissingEnvelope : ILintRule
    {
        public string Id => LintRules.MissingEnvelope;

        public void Check(LintContext context)
        {
            ContractShape? shape = context.Shape;
            if (shape == null) return;
            EnvelopeFields envelope = context.Envelope;
            List<string> missing = envelope.Required.Where(f => shape.FindInEnvelope(f, envelope.Data) == null).Select(f => f.Key).ToList();
            bool hasData = shape.Find(envelope.Data) != null;
            if (missing.Count == 0 && (hasData || IsEnvelopeDefinition(shape, envelope))) return;
            if (!hasData) missing.Add(envelope.Data.Key);
            context.Report(shape.Location,
                $"'{context.Subject}' does not carry the standard envelope: no {string.Join(", ", missing)} " +
                "(inline, or through a reference to the envelope schema: a JSON $ref, an Avro named type, a Protobuf import); consumers need them to deduplicate, route, order and trace events",
                "#");
        }

        /// <summary>Defines every envelope field itself, at the top level, and no payload: the envelope, not an event.</summary>
        private static bool IsEnvelopeDefinition(ContractShape shape, EnvelopeFields envelope) =>
            envelope.Required.Count > 0 && envelope.Required.All(f => shape.Find(f) is ShapeField field && field.DefinedHere);
    }
}
