using System.Collections.Immutable;
using System.Linq;

namespace EventGovernance.Analyzers
{
    /// <summary>One envelope field every event contract carries, with the member names that count as it.</summary>
    public sealed class EnvelopeField
    {
        private EnvelopeField(string key, string displayName, string pascalName, ImmutableArray<string> defaultNames)
        {
            Key = key;
            DisplayName = displayName;
            PascalName = pascalName;
            DefaultNames = defaultNames;
        }

        public static EnvelopeField EventId { get; } = new EnvelopeField("event_id", "event id", "EventId", ImmutableArray.Create("EventId", "Id", "MessageId"));

        public static EnvelopeField EventType { get; } = new EnvelopeField("event_type", "event type", "EventType", ImmutableArray.Create("EventType", "Type"));

        public static EnvelopeField EventVersion { get; } = new EnvelopeField("event_version", "event version", "EventVersion", ImmutableArray.Create("EventVersion", "Version", "SchemaVersion"));

        public static EnvelopeField OccurredAt { get; } = new EnvelopeField("occurred_at", "occurred-at timestamp", "OccurredAt", ImmutableArray.Create("OccurredAt", "OccurredOn", "Timestamp", "CreatedAt", "CreationDate", "EventTime", "Time"));

        public static EnvelopeField CorrelationId { get; } = new EnvelopeField("correlation_id", "correlation id", "CorrelationId", ImmutableArray.Create("CorrelationId"));

        /// <summary>Every field, in the order they are reported and added.</summary>
        public static ImmutableArray<EnvelopeField> All { get; } = ImmutableArray.Create(EventId, EventType, EventVersion, OccurredAt, CorrelationId);

        /// <summary>The key used in .editorconfig and in the diagnostic's properties, e.g. <c>event_id</c>.</summary>
        public string Key { get; }

        /// <summary>How the diagnostic message names the field.</summary>
        public string DisplayName { get; }

        /// <summary>The member name the code fix adds, in PascalCase.</summary>
        public string PascalName { get; }

        /// <summary>Member names that count as this field unless .editorconfig says otherwise.</summary>
        public ImmutableArray<string> DefaultNames { get; }

        public static EnvelopeField? FromKey(string key) =>
            All.FirstOrDefault(f => f.Key == NormalizeKey(key));

        /// <summary>Folds case and drops '_' and '-', so EventId, event_id and eventId compare equal.</summary>
        public static string NormalizeName(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (c != '_' && c != '-')
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        private static string NormalizeKey(string key) => key.Trim().Replace('-', '_').ToLowerInvariant();
    }
}
