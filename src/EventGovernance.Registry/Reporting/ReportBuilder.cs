using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// Turns the gate's results into a <see cref="GateReport"/>: the one place that decides where a finding is
    /// reported, how it is worded (<see cref="GateMessages"/>), and which repeats are dropped.
    /// </summary>
    public sealed class ReportBuilder
    {
        private readonly DisplayPaths _paths;

        /// <param name="paths">How files are displayed: relative to the project (build) or the current directory (eventgov).</param>
        public ReportBuilder(DisplayPaths paths)
        {
            _paths = paths;
        }

        public GateReport Build(IReadOnlyList<ContractResult> results, string registryName, IReadOnlyList<ReportFinding>? otherFindings = null) =>
            new GateReport(registryName, results.Select(Contract).ToList(), otherFindings);

        public ContractReport Contract(ContractResult result)
        {
            Contract contract = result.Contract;
            IReadOnlyList<ReportFinding> findings = result.Status switch
            {
                ContractStatus.Breaking => Breaking(result),
                ContractStatus.Invalid => new[] { Invalid(result) },
                _ => Array.Empty<ReportFinding>(),
            };
            if (result.UnreadableOldVersion != null)
            {
                findings = findings.Concat(new[]
                {
                    new ReportFinding(ErrorCodes.MalformedContract, FindingSeverity.Warning, contract.Subject, contract.DisplayPath, 0, 0,
                        GateMessages.UnreadableOldVersion(contract, result.UnreadableOldVersion)),
                }).ToList();
            }
            // Lint findings follow the gate's own, in rule order (they never repeat: one per element and rule).
            if (result.Lint.Count > 0)
                findings = findings.Concat(result.Lint.Select(f => Lint.ContractLinter.ToReport(f, contract, _paths))).ToList();
            return new ContractReport(contract.Subject, contract.Type.ToRegistryName(), contract.DisplayPath, result.Status,
                ReportNames.Level(result.Level), result.RegistryVerdict, Message(result),
                result.Differences.Select(Difference).ToList(), findings,
                result.Error == null ? null : new ReportError(_paths.Of(result.Error.File), result.Error.Line, result.Error.Column, result.Error.Problem));
        }

        /// <summary>An EG1002 for a schema that cannot be read, at the place the error names (or the contract).</summary>
        public ReportFinding Malformed(SchemaException error, Contract? contract)
        {
            string? file = error.File != null ? FileFor(error.File, contract) : contract?.DisplayPath;
            return new ReportFinding(ErrorCodes.MalformedContract, FindingSeverity.Error, contract?.Subject,
                string.IsNullOrEmpty(file) ? null : file, error.Line, error.Column, GateMessages.Malformed(contract, error.Problem));
        }

        /// <summary>A finding that belongs to no file (the build puts it on the project file).</summary>
        public static ReportFinding General(string code, string message) =>
            new ReportFinding(code, FindingSeverity.Error, null, null, 0, 0, message);

        private ReportFinding Invalid(ContractResult result) =>
            result.Error != null
                ? Malformed(result.Error, result.Contract)
                : new ReportFinding(ErrorCodes.MalformedContract, FindingSeverity.Error, result.Contract.Subject, result.Contract.DisplayPath, 0, 0,
                    GateMessages.Malformed(result.Contract, result.Message));

        /// <summary>One finding per distinct breaking difference, at its place in the contract file.</summary>
        private IReadOnlyList<ReportFinding> Breaking(ContractResult result)
        {
            Contract contract = result.Contract;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var findings = new List<ReportFinding>();
            foreach (ContractFinding finding in result.Findings.Where(f => !f.Difference.IsCompatible))
            {
                SourceLocation where = GateMessages.Location(finding, contract);
                string file = where.File == null ? contract.DisplayPath : FileFor(where.File, contract);
                string message = GateMessages.Breaking(result, finding);
                if (!seen.Add($"{file}|{where.Line}|{where.Column}|{message}")) continue;
                findings.Add(new ReportFinding(ErrorCodes.BreakingChange, FindingSeverity.Error, contract.Subject, file, where.Line, where.Column,
                    message, finding.Difference.Type, finding.Difference.Path));
            }
            // The registry's own verdict can fail a contract our engine passed; the message says why.
            if (findings.Count == 0)
                findings.Add(new ReportFinding(ErrorCodes.BreakingChange, FindingSeverity.Error, contract.Subject, contract.DisplayPath, 0, 0,
                    GateMessages.BreakingByRegistryVerdict(result)));
            return findings;
        }

        private ReportDifference Difference(Difference d) =>
            new ReportDifference(d.Type, d.Path, d.IsCompatible, d.Message, _paths.Of(d.Location?.File), d.Location?.Line, d.Location?.Column);

        /// <summary>The result's message; for an unreadable contract, its error with the file shown as everywhere else.</summary>
        private string Message(ContractResult result) =>
            result.Status == ContractStatus.Invalid && result.Error != null && result.Message == result.Error.Message
                ? new SchemaException(_paths.Of(result.Error.File), result.Error.Line, result.Error.Column, result.Error.Problem).Message
                : result.Message;

        /// <summary>A location's file as displayed: the contract's own display path when it is the contract.</summary>
        private string FileFor(string file, Contract? contract)
        {
            if (file.Length == 0) return contract?.DisplayPath ?? "";
            if (contract != null && (file == contract.DisplayPath || file == contract.FilePath)) return contract.DisplayPath;
            return _paths.Of(file) ?? file;
        }
    }
}
