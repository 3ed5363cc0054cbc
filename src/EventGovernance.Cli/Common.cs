using System;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>Options and output shared by the commands.</summary>
    internal static class Common
    {
        public static CompatibilityLevel? Level(ParsedOptions options)
        {
            string? text = options.Get("level");
            if (text == null) return null;
            return CompatibilityLevels.Parse(text)
                ?? throw options.Error($"option '--level' must be {CompatibilityLevels.Choices}, not '{text}'");
        }

        public static CompatibilityOptions Engine(ParsedOptions options) => new CompatibilityOptions
        {
            JsonPolicy = Policy(options) ?? JsonCompatibilityPolicy.Strict,
        };

        /// <summary>The --policy option, or null when not given.</summary>
        public static JsonCompatibilityPolicy? Policy(ParsedOptions options) =>
            options.Get("policy") == null ? (JsonCompatibilityPolicy?)null
                : options.Choice("policy", "strict", "strict", "lenient") == "lenient" ? JsonCompatibilityPolicy.Lenient : JsonCompatibilityPolicy.Strict;

        /// <summary>--timeout and --retries, when given, replace what the options hold.</summary>
        public static void ApplyTuning(ParsedOptions options, RegistryOptions registry)
        {
            if (options.Get("timeout") is string timeout)
            {
                if (!GateTuning.TryParseTimeout(timeout, out TimeSpan value))
                    throw options.Error($"option '--timeout' must be {GateTuning.TimeoutExpected}, not '{Echo.Cut(timeout)}'");
                registry.Timeout = value;
            }
            if (options.Get("retries") is string retries)
            {
                if (!GateTuning.TryParseRetries(retries, out int count))
                    throw options.Error($"option '--retries' must be {GateTuning.RetriesExpected}, not '{Echo.Cut(retries)}'");
                registry.MaxRetries = count;
            }
        }

        public static bool Json(ParsedOptions options) => options.Choice("format", "text", "text", "json") == "json";

        /// <summary>check's and register's --format: text, json, markdown, sarif or github.</summary>
        public static Reporting.ReportFormat Format(ParsedOptions options) =>
            Reporting.ReportFormats.Parse(options.Choice("format", "text", Reporting.ReportFormats.Names));

        /// <summary>The registry options: --registry, else SCHEMA_REGISTRY_URL, else the default directory; credentials from the environment.</summary>
        public static RegistryOptions Registry(ParsedOptions options, string? defaultDirectory)
        {
            RegistryOptions registry = RegistryOptions.FromEnvironment(options.Get("registry"), options.Environment);
            if (string.IsNullOrEmpty(registry.Location))
                registry.Location = defaultDirectory ?? throw options.Error("option '--registry' is required (or set " + RegistryOptions.UrlVariable + ")");
            if (RegistryOptions.LocationProblem(registry.Location) is string problem)
                throw options.Error(problem);
            ApplyTuning(options, registry);
            return registry;
        }

        /// <summary>Writes an error as one line in MSBuild's canonical format, with the code's next step and page.</summary>
        public static void WriteError(TextWriter writer, string? file, int line, int column, string code, string message) =>
            writer.WriteLine(EventGovernance.Registry.Reporting.MsBuildFormat.Line(
                new EventGovernance.Registry.Reporting.ReportFinding(code, EventGovernance.Registry.Reporting.FindingSeverity.Error, null, DisplayPaths.Of(file), line, column, message)));
    }
}
