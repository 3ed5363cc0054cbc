using System;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Build
{
    /// <summary>How an unreachable registry is reported.</summary>
    public enum UnavailableSeverity
    {
        Error,
        Warning,
    }

    /// <summary>The registry request and engine settings, parsed; null members mean the default.</summary>
    public sealed class RemoteSettings
    {
        public TimeSpan? Timeout { get; set; }
        public int? Retries { get; set; }
        public JsonCompatibilityPolicy Policy { get; set; } = JsonCompatibilityPolicy.Strict;
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

        /// <summary>
        /// Parses <c>EventGovernanceRegistryTimeout</c>, <c>EventGovernanceRegistryRetries</c> and
        /// <c>EventGovernancePolicy</c> with the rules of the CLI's <c>--timeout</c>, <c>--retries</c> and
        /// <c>--policy</c>. Empty values keep the defaults. On a bad value, <paramref name="problem"/> names the property.
        /// </summary>
        public static bool TryParseRemoteSettings(string? timeout, string? retries, string? policy, out RemoteSettings settings, out string? problem)
        {
            settings = new RemoteSettings();
            problem = null;
            if (!string.IsNullOrWhiteSpace(timeout))
            {
                if (GateTuning.TryParseTimeout(timeout!, out TimeSpan parsedTimeout)) settings.Timeout = parsedTimeout;
                else problem = GateTuning.Problem("EventGovernanceRegistryTimeout", timeout!, GateTuning.TimeoutExpected);
            }
            if (problem == null && !string.IsNullOrWhiteSpace(retries))
            {
                if (GateTuning.TryParseRetries(retries!, out int parsedRetries)) settings.Retries = parsedRetries;
                else problem = GateTuning.Problem("EventGovernanceRegistryRetries", retries!, GateTuning.RetriesExpected);
            }
            if (problem == null && !string.IsNullOrWhiteSpace(policy))
            {
                if (GateTuning.TryParsePolicy(policy!, out JsonCompatibilityPolicy parsedPolicy)) settings.Policy = parsedPolicy;
                else problem = GateTuning.Problem("EventGovernancePolicy", policy!, GateTuning.PolicyExpected);
            }
            return problem == null;
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
