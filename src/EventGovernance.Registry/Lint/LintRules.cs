using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Registry.Lint
{
    /// <summary>How loud a lint rule is, as <c>dotnet_diagnostic.EG11xx.severity</c> spells it.</summary>
    public enum LintSeverity
    {
        /// <summary><c>none</c> or <c>silent</c>: the rule does not run.</summary>
        None,
        /// <summary><c>suggestion</c>: a note (MSBuild message, SARIF note).</summary>
        Suggestion,
        Warning,
        Error,
    }

    /// <summary>One lint rule's id, default severity, title and next step.</summary>
    public sealed class LintRuleInfo
    {
        public LintRuleInfo(string id, LintSeverity defaultSeverity, string title, string nextStep)
        {
            Id = id;
            DefaultSeverity = defaultSeverity;
            Title = title;
            NextStep = nextStep;
        }

        public string Id { get; }
        public LintSeverity DefaultSeverity { get; }
        public string Title { get; }
        public string NextStep { get; }
    }

    /// <summary>
    /// The central list of contract lint rules (EG1101–EG1108). Pages live in docs/rules/; keep this list, the pages
    /// and the rule table in docs/rules/README.md in step.
    /// </summary>
    public static class LintRules
    {
        public const string OpenContentModel = "EG1101";
        public const string MissingEnvelope = "EG1102";
        public const string VersionNotBumped = "EG1103";
        public const string AvroEvolution = "EG1104";
        public const string ProtobufFieldNotReserved = "EG1105";
        public const string FatEvent = "EG1106";
        public const string MissingDescription = "EG1107";
        public const string NoCompatibility = "EG1108";

        public const string DocsBase = "https://github.com/eventgovernance/eventgovernance/blob/main/docs/rules/";

        public static readonly IReadOnlyList<LintRuleInfo> All = new[]
        {
            new LintRuleInfo(OpenContentModel, LintSeverity.Warning, "JSON Schema object with an open content model",
                "close the object with \"additionalProperties\": false, open it partially with \"patternProperties\", or check with the LENIENT policy"),
            new LintRuleInfo(MissingEnvelope, LintSeverity.Warning, "Contract without the standard envelope",
                "add the missing fields or reference the envelope schema"),
            new LintRuleInfo(VersionNotBumped, LintSeverity.Error, "Breaking change without a new event_version",
                "bump event_version and publish both shapes during the migration, or make the change compatible"),
            new LintRuleInfo(AvroEvolution, LintSeverity.Suggestion, "Avro element that cannot evolve",
                "give fields and enums a default, and records a namespace"),
            new LintRuleInfo(ProtobufFieldNotReserved, LintSeverity.Error, "Protobuf field or enum value removed without reserving it",
                "reserve the removed number and name, and never reuse a number for another type"),
            new LintRuleInfo(FatEvent, LintSeverity.Suggestion, "Fat event",
                "prefer small events that say what changed"),
            new LintRuleInfo(MissingDescription, LintSeverity.None, "Property or field without a description",
                "describe it (JSON \"description\", Avro \"doc\", a Protobuf comment)"),
            new LintRuleInfo(NoCompatibility, LintSeverity.Warning, "Subject at compatibility level NONE",
                "set the subject's level to BACKWARD (or FORWARD, FULL) unless every consumer is upgraded in step"),
        };

        public static LintRuleInfo? Find(string code) => All.FirstOrDefault(r => r.Id == code);

        public static bool IsLint(string code) => Find(code) != null;

        /// <summary>The rule's page: <c>.../docs/rules/EG1101.md</c>.</summary>
        public static string HelpLink(string code) => DocsBase + code + ".md";
    }
}
