using System;
using System.Globalization;

namespace EventGovernance.Compatibility.Tests
{
    /// <summary>
    /// How long the CsCheck fuzz tests of the parsers and differs run. In CI each runs the small count it names
    /// (a few seconds for all of them together). For a long run set <c>EVENTGOV_FUZZ_ITERATIONS</c> (a factor:
    /// <c>100</c> runs each test 100 times as long); to replay a failure set <c>EVENTGOV_FUZZ_SEED</c> to the seed
    /// CsCheck printed with it. Process-wide environment, read only: safe across parallel test classes.
    /// </summary>
    internal static class Fuzz
    {
        public const string IterationsVariable = "EVENTGOV_FUZZ_ITERATIONS";
        public const string SeedVariable = "EVENTGOV_FUZZ_SEED";

        /// <summary>The CI count times the factor in <see cref="IterationsVariable"/> (1 when unset or not a positive whole number).</summary>
        public static long Iterations(long ci)
        {
            string? text = Environment.GetEnvironmentVariable(IterationsVariable);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int factor) && factor > 0
                ? ci * factor
                : ci;
        }

        /// <summary>The seed to replay, or null for fresh random inputs.</summary>
        public static string? Seed => Environment.GetEnvironmentVariable(SeedVariable) is string seed && seed.Trim().Length > 0 ? seed.Trim() : null;
    }
}
