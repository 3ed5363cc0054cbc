using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>How check and register print the gate's verdicts.</summary>
    internal static class GateOutput
    {
        public const string BreakingCode = "EG1001";
        public const string MalformedCode = "EG1002";
        public const string UnavailableCode = "EG1003";
        public const string InvalidConfigurationCode = "EG1004";

        /// <summary>0 when everything passes, 2 when a contract could not be read, else 1 when one breaks.</summary>
        public static int ExitCode(IReadOnlyList<ContractResult> results)
        {
            if (results.Any(r => r.Status == ContractStatus.Invalid)) return Program.Failed;
            if (results.Any(r => r.Status == ContractStatus.Breaking)) return Program.Breaking;
            return Program.Ok;
        }

        public static void WriteText(TextWriter stdout, IReadOnlyList<ContractResult> results)
        {
            foreach (ContractResult result in results)
            {
                stdout.WriteLine($"{Status(result.Status),-10} {Echo.Cut(result.Contract.Subject)} ({result.Contract.DisplayPath}): {Program.OneLine(Message(result))}");
                if (result.Status == ContractStatus.Invalid && result.Error != null)
                {
                    Common.WriteError(stdout, result.Error.File, result.Error.Line, result.Error.Column, MalformedCode, result.Error.Problem);
                }
                if (result.Status == ContractStatus.Breaking)
                {
                    foreach (Difference d in result.Differences.Where(d => !d.IsCompatible))
                    {
                        SourceLocation? at = d.Location;
                        Common.WriteError(stdout, at?.File ?? result.Contract.DisplayPath, at?.Line ?? 0, at?.Column ?? 0, BreakingCode,
                            $"{d.Type} at {d.Path}: {d.Message} [{Echo.Cut(result.Contract.Subject)}, {result.Level.ToRegistryName()}]");
                    }
                }
            }
            int passed = results.Count(r => r.Status != ContractStatus.Breaking && r.Status != ContractStatus.Invalid);
            stdout.WriteLine($"{results.Count} contract(s): {passed} pass, {results.Count(r => r.Status == ContractStatus.Breaking)} breaking, {results.Count(r => r.Status == ContractStatus.Invalid)} invalid");
        }

        public static Dictionary<string, object?> ResultJson(ContractResult result) => new Dictionary<string, object?>
        {
            ["subject"] = result.Contract.Subject,
            ["file"] = result.Contract.DisplayPath,
            ["status"] = Status(result.Status),
            ["level"] = result.Level.ToRegistryName(),
            ["message"] = Message(result),
            ["registryVerdict"] = result.RegistryVerdict,
            ["differences"] = result.Differences.Select(Common.DifferenceJson).ToList(),
            ["error"] = result.Error == null ? null : new Dictionary<string, object?>
            {
                ["file"] = DisplayPaths.Of(result.Error.File),
                ["line"] = result.Error.Line,
                ["column"] = result.Error.Column,
                ["message"] = result.Error.Problem,
            },
        };

        /// <summary>The result's message; for an unreadable contract, its error with the file shown as everywhere else.</summary>
        private static string Message(ContractResult result) =>
            result.Status == ContractStatus.Invalid && result.Error != null && result.Message == result.Error.Message
                ? DisplayPaths.Of(result.Error)
                : result.Message;

        public static string Status(ContractStatus status) => status switch
        {
            ContractStatus.New => "NEW",
            ContractStatus.Unchanged => "UNCHANGED",
            ContractStatus.Compatible => "COMPATIBLE",
            ContractStatus.Breaking => "BREAKING",
            _ => "INVALID",
        };
    }
}
