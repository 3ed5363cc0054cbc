using System;
using System.Globalization;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>
    /// Parses the gate's tuning values (registry timeout and retries, JSON Schema policy) the same way
    /// wherever they come from: MSBuild properties of the check and register tasks, the project's
    /// properties read by eventgov, or eventgov's own options. Each caller words its own message around
    /// the <c>...Expected</c> text.
    /// </summary>
    public static class GateTuning
    {
        public const string TimeoutExpected = "a positive number of seconds";
        public static readonly string RetriesExpected = $"a whole number from 0 to {RegistryOptions.MaxRetriesAllowed}";
        public const string PolicyExpected = "strict or lenient";

        /// <summary>Seconds per registry request, invariant culture (a build on a German machine reads "2.5" too).</summary>
        /// <summary>The one wording of a bad tuning value, whoever read it: "EventGovernanceRegistryTimeout is 'soon'; expected ...".</summary>
        public static string Problem(string property, string value, string expected) =>
            $"{property} is '{Echo.Cut(value)}'; expected {expected}";

        public static bool TryParseTimeout(string text, out TimeSpan timeout)
        {
            TimeSpan? parsed = RegistryOptions.ParseTimeout(text);
            timeout = parsed ?? TimeSpan.Zero;
            return parsed != null;
        }

        /// <summary>Retries of a request that failed for a transient reason; more than the maximum would only hide an outage.</summary>
        public static bool TryParseRetries(string text, out int retries)
        {
            int? parsed = RegistryOptions.ParseRetries(text);
            retries = parsed ?? 0;
            return parsed != null;
        }

        public static bool TryParsePolicy(string text, out JsonCompatibilityPolicy policy)
        {
            JsonCompatibilityPolicy? parsed = JsonCompatibilityPolicies.Parse(text);
            policy = parsed ?? JsonCompatibilityPolicy.Strict;
            return parsed != null;
        }
    }
}
