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
        public const string BreakingCode = ErrorCodes.BreakingChange;
        public const string MalformedCode = ErrorCodes.MalformedContract;
        public const string UnavailableCode = ErrorCodes.RegistryUnavailable;
        public const string InvalidConfigurationCode = ErrorCodes.InvalidConfiguration;

        /// <summary>0 when everything passes, 2 when a contract could not be read, else 1 when one breaks.</summary>
        public static int ExitCode(IReadOnlyList<ContractResult> results)
        {
            if (results.Any(r => r.Status == ContractStatus.Invalid)) return Program.Failed;
            if (results.Any(r => r.Status == ContractStatus.Breaking)) return Program.Breaking;
            return Program.Ok;
        }

        /// <param name="registerHint">True for check: a new subject says how to register it (register itself does).</param>
        public static void WriteText(TextWriter stdout, IReadOnlyList<ContractResult> results, bool registerHint = false)
        {
            foreach (ContractResult result in results)
            {
                string line = $"{Status(result.Status),-10} {Echo.Cut(result.Contract.Subject)} ({result.Contract.DisplayPath})";
                if (result.Status == ContractStatus.Invalid && result.Error != null)
                {
                    // The error line below says what is wrong; the list line only names the contract.
                    stdout.WriteLine(line);
                    Common.WriteError(stdout, result.Error.File, result.Error.Line, result.Error.Column, MalformedCode,
                        GateMessages.Malformed(result.Contract, result.Error.Problem));
                    continue;
                }
                string hint = registerHint && result.Status == ContractStatus.New ? "; " + GateMessages.RegisterHint : "";
                stdout.WriteLine($"{line}: {Program.OneLine(Message(result))}{hint}");
                if (result.Status == ContractStatus.Breaking) WriteBreaking(stdout, result);
            }
            int passed = results.Count(r => r.Status != ContractStatus.Breaking && r.Status != ContractStatus.Invalid);
            stdout.WriteLine($"{results.Count} contract(s): {passed} pass, {results.Count(r => r.Status == ContractStatus.Breaking)} breaking, {results.Count(r => r.Status == ContractStatus.Invalid)} invalid");
        }

        /// <summary>One error per distinct breaking finding, worded as the build words it.</summary>
        private static void WriteBreaking(TextWriter stdout, ContractResult result)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            int written = 0;
            foreach (ContractFinding finding in result.Findings.Where(f => !f.Difference.IsCompatible))
            {
                SourceLocation at = GateMessages.Location(finding, result.Contract);
                string message = GateMessages.Breaking(result, finding);
                if (!seen.Add($"{at}|{message}")) continue;
                Common.WriteError(stdout, at.File ?? result.Contract.DisplayPath, at.Line, at.Column, BreakingCode, message);
                written++;
            }
            if (written == 0) Common.WriteError(stdout, result.Contract.DisplayPath, 0, 0, BreakingCode, GateMessages.BreakingByRegistryVerdict(result));
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
