using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Registry.Lint
{
    /// <summary>One envelope field and the names that count for it.</summary>
    public sealed class EnvelopeField
    {
        public EnvelopeField(string key, IReadOnlyList<string> names)
        {
            Key = key;
            Names = names;
        }

        /// <summary>event_id, event_type, event_version, occurred_at, correlation_id or data.</summary>
        public string Key { get; }

        public IReadOnlyList<string> Names { get; }

        /// <summary>Compared as EG0004 compares them: ignoring case, '_' and '-' (EventId, eventId, event_id).</summary>
        public bool Accepts(string name) => Names.Any(n => Normalize(n) == Normalize(name));

        internal static string Normalize(string name) => new string(name.Where(c => c != '_' && c != '-').Select(char.ToLowerInvariant).ToArray());
    }

    /// <summary>
    /// The envelope fields EG1102 asks for, with the analyzers' EG0004 keys and defaults (docs/rules/EG0004.md), so one
    /// .editorconfig setting covers C# types and schema files alike; the payload field is EG1102's own option.
    /// </summary>
    public sealed class EnvelopeFields
    {
        public const string EventId = "event_id";
        public const string EventType = "event_type";
        public const string EventVersion = "event_version";
        public const string OccurredAt = "occurred_at";
        public const string CorrelationId = "correlation_id";
        public const string DataKey = "data";

        public const string RequiredFieldsKey = "eventgov.EG0004.required_fields";
        public const string DataNamesKey = "eventgov.EG1102.data_names";

        private static readonly IReadOnlyDictionary<string, string[]> DefaultNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [EventId] = new[] { "EventId", "Id", "MessageId" },
            [EventType] = new[] { "EventType", "Type" },
            [EventVersion] = new[] { "EventVersion", "Version", "SchemaVersion" },
            [OccurredAt] = new[] { "OccurredAt", "OccurredOn", "Timestamp", "CreatedAt", "CreationDate", "EventTime", "Time" },
            [CorrelationId] = new[] { "CorrelationId" },
        };

        private EnvelopeFields(IReadOnlyList<EnvelopeField> required, EnvelopeField version, EnvelopeField type, EnvelopeField data)
        {
            Required = required;
            Version = version;
            Type = type;
            Data = data;
        }

        /// <summary>The envelope fields every contract must have (not the payload).</summary>
        public IReadOnlyList<EnvelopeField> Required { get; }

        public EnvelopeField Version { get; }
        public EnvelopeField Type { get; }

        /// <summary>The payload field (default <c>data</c>).</summary>
        public EnvelopeField Data { get; }

        public static EnvelopeFields From(LintSettings settings)
        {
            EnvelopeField Field(string key) =>
                new EnvelopeField(key, settings.List($"eventgov.EG0004.{key}_names", DefaultNames[key]));
            IReadOnlyList<string> required = settings.List(RequiredFieldsKey, DefaultNames.Keys.ToList());
            var fields = DefaultNames.Keys.Where(k => required.Any(r => EnvelopeField.Normalize(r) == EnvelopeField.Normalize(k))).Select(Field).ToList();
            return new EnvelopeFields(fields, Field(EventVersion), Field(EventType),
                new EnvelopeField(DataKey, settings.List(DataNamesKey, new[] { DataKey })));
        }
    }
}
