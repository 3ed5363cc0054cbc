using System;
using EventGovernance.Compatibility;

namespace EventGovernance.Build
{
    /// <summary>How an unreachable registry is reported.</summary>
    public enum UnavailableSeverity
    {
        Error,
        Warning,
    }

    /// <summary>Reads the gate's MSBuild properties. Pure functions, so they are tested without MSBuild.</summary>
    public static class GateSettings
    {
        /// <summary>
        /// <c>Error</c> or <c>Warning</c> when set (case-insensitive); otherwise Error on CI (where a silent
        /// skip would let a breaking change through) and Warning on a developer's machine (where working
        /// offline is normal). Returns null for a value it does not understand.
        /// </summary>
        public static UnavailableSeverity? SelectUnavailableSeverity(string? setting, string? continuousIntegration)
        {
            string value = (setting ?? "").Trim();
            if (value.Length == 0)
                return IsTrue(continuousIntegration) ? UnavailableSeverity.Error : UnavailableSeverity.Warning;
            if (value.Equals("Error", StringComparison.OrdinalIgnoreCase)) return UnavailableSeverity.Error;
            if (value.Equals("Warning", StringComparison.OrdinalIgnoreCase)) return UnavailableSeverity.Warning;
            return null;
        }

        /// <summary>Parses an optional compatibility level; <paramref name="valid"/> is false for an unknown spelling.</summary>
        public static CompatibilityLevel? ParseLevel(string? text, out bool valid)
        {
            valid = true;
            if (string.IsNullOrWhiteSpace(text)) return null;
            CompatibilityLevel? level = CompatibilityLevels.Parse(text);
            valid = level != null;
            return level;
        }

        /// <summary>True for an http(s) URL, which means a remote registry; anything else is a directory.</summary>
        public static bool IsRemote(string? registry) =>
            registry != null &&
            (registry.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || registry.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

        /// <summary>CI systems set CI to "true" (GitHub Actions, GitLab) or "1"; both count.</summary>
        private static bool IsTrue(string? value)
        {
            string v = (value ?? "").Trim();
            return v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1";
        }
    }
}
