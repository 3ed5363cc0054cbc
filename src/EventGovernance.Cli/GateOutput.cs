using System.Collections.Generic;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary>How check and register print the gate's verdicts: the shared report model and its renderers.</summary>
    internal static class GateOutput
    {
        public const string BreakingCode = ErrorCodes.BreakingChange;
        public const string MalformedCode = ErrorCodes.MalformedContract;
        public const string UnavailableCode = ErrorCodes.RegistryUnavailable;
        public const string InvalidConfigurationCode = ErrorCodes.InvalidConfiguration;

        /// <summary>The report, files relative to the current directory as everything eventgov prints.</summary>
        public static GateReport Report(IReadOnlyList<ContractResult> results, string registryName, IReadOnlyList<ReportFinding>? otherFindings = null) =>
            new ReportBuilder(Registry.Reporting.DisplayPaths.FromCurrentDirectory()).Build(results, DisplayPaths.Of(registryName) ?? registryName, otherFindings);

    }
}
