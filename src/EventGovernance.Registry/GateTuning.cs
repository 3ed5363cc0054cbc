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
        public const string RetriesExpected = "a whole number from 0 to 10";
        public const string PolicyExpected = "strict or lenient";

        /// <summary>Seconds per registry request, invariant culture (a build on a German machine reads "2.5" too).</summary>
        public static bool TryParseTimeout(string text, out TimeSpan timeout)
        {
            timeout = TimeSpan.Zero;
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
                || seconds <= 0 || double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds)
                return false;
            timeout = TimeSpan.FromSeconds(seconds);
            return true;
        }

        /// <summary>Retries of a request that failed for a transient reason; more than 10 would only hide an outage.</summary>
        public static bool TryParseRetries(string text, out int retries) =>
            int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out retries) && retries <= 10;

        public static bool TryParsePolicy(string text, out JsonCompatibilityPolicy policy)
        {
            string value = text.Trim();
            policy = JsonCompatibilityPolicy.Strict;
            if (value.Equals("strict", StringComparison.OrdinalIgnoreCase)) return true;
            if (!value.Equals("lenient", StringComparison.OrdinalIgnoreCase)) return false;
            policy = JsonCompatibilityPolicy.Lenient;
            return true;
        }
    }
}
