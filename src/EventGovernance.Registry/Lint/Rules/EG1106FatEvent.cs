using System;
using System.Collections.Generic;
using EventGovernance.Registry.Lint.Shapes;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1106: a fat event. More than <c>eventgov.EG1106.max_properties</c> (30) top-level payload properties, or an
    /// "updated" event (<c>order.updated</c>, <c>OrderUpdated</c>) whose payload is the whole entity: more than
    /// <c>eventgov.EG1106.max_updated_properties</c> (10) properties, directly or in the one object it wraps.
    /// </summary>
    internal sealed class EG1106FatEvent : ILintRule
    {
        public const string MaxPropertiesKey = "eventgov.EG1106.max_properties";
        public const string MaxUpdatedPropertiesKey = "eventgov.EG1106.max_updated_properties";
        public const int DefaultMaxProperties = 30;
        public const int DefaultMaxUpdatedProperties = 10;

        public string Id => LintRules.FatEvent;

        public void Check(LintContext context)
        {
            ContractShape? shape = context.Shape;
            if (shape == null) return;
            ShapeField? data = shape.Find(context.Envelope.Data);
            IReadOnlyList<ShapeField> payload = data?.Children ?? shape.Fields;
            int max = context.Settings.Number(MaxPropertiesKey, DefaultMaxProperties);
            if (payload.Count > max)
            {
                context.Report(data?.Location ?? shape.Location,
                    $"'{context.Subject}' carries {payload.Count} top-level payload properties (more than {max}): every consumer depends on all of them, " +
                    "and each change touches every consumer",
                    data?.Path ?? "#");
                return;
            }
            if (!IsUpdatedEvent(shape.TypeName)) return;
            // "Updated" with the entity inside: { data: { order: { ...every field... } } }
            IReadOnlyList<ShapeField> entity = payload.Count == 1 && payload[0].Children.Count > 0 ? payload[0].Children : payload;
            int maxUpdated = context.Settings.Number(MaxUpdatedPropertiesKey, DefaultMaxUpdatedProperties);
            if (entity.Count > maxUpdated)
                context.Report(data?.Location ?? shape.Location,
                    $"'{context.Subject}' is an updated event ({Compatibility.Echo.Cut(shape.TypeName)}) carrying {entity.Count} properties, the whole entity: " +
                    "consumers cannot tell what changed; publish events that say what happened (OrderAddressChanged) with the changed fields",
                    data?.Path ?? "#");
        }

        /// <summary><c>order.updated</c>, <c>order_updated</c>, <c>OrderUpdated</c>.</summary>
        internal static bool IsUpdatedEvent(string? name) =>
            name != null && (name.EndsWith("Updated", StringComparison.Ordinal) || name.EndsWith(".updated", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith("_updated", StringComparison.OrdinalIgnoreCase));
    }
}
