using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Registry.Lint
{
    /// <summary>
    /// The lint settings for one contract, from its .editorconfig properties: each rule's severity
    /// (<c>dotnet_diagnostic.EG1101.severity</c>) and the rule options (<c>eventgov.EG1106.max_properties</c>, ...).
    /// </summary>
    public sealed class LintSettings
    {
        private readonly IReadOnlyDictionary<string, string> _properties;

        public LintSettings(IReadOnlyDictionary<string, string> properties)
        {
            _properties = new Dictionary<string, string>(properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Every rule at its default.</summary>
        public static LintSettings Defaults { get; } = new LintSettings(new Dictionary<string, string>());

        /// <summary>The settings .editorconfig gives the contract file.</summary>
        public static LintSettings ForFile(string filePath) => new LintSettings(EditorConfig.For(filePath));

        public LintSeverity Severity(LintRuleInfo rule)
        {
            string? value = Get($"dotnet_diagnostic.{rule.Id}.severity");
            switch ((value ?? "").Trim().ToLowerInvariant())
            {
                case "none":
                case "silent":
                    return LintSeverity.None;
                case "suggestion":
                    return LintSeverity.Suggestion;
                case "warning":
                    return LintSeverity.Warning;
                case "error":
                    return LintSeverity.Error;
                default:
                    return rule.DefaultSeverity; // "default", absent or unknown
            }
        }

        public string? Get(string key) => _properties.TryGetValue(key, out string? value) ? value : null;

        /// <summary>A positive whole number option, else the default.</summary>
        public int Number(string key, int defaultValue) =>
            int.TryParse(Get(key)?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : defaultValue;

        /// <summary>A comma-separated list option; <c>none</c> or empty is an empty list; absent is the default.</summary>
        public IReadOnlyList<string> List(string key, IReadOnlyList<string> defaultValue)
        {
            string? value = Get(key);
            if (value == null) return defaultValue;
            if (value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return Array.Empty<string>();
            return value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        }
    }
}
