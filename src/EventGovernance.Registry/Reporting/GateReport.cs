using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>How serious a finding is; every EG1xxx the gate reports today is an error.</summary>
    public enum FindingSeverity
    {
        Error,
        Warning,
        Note,
    }

    /// <summary>
    /// One thing the gate reports with an EG code, located where the user fixes it: the file, line and column in
    /// the contract they edit (never the registry's copy). Every renderer prints these same fields.
    /// </summary>
    public sealed class ReportFinding
    {
        public ReportFinding(string code, FindingSeverity severity, string? subject, string? file, int line, int column,
            string message, string? differenceType = null, string? path = null, int endLine = 0, int endColumn = 0)
        {
            Code = code;
            Severity = severity;
            Subject = subject;
            File = file;
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
            Message = message;
            DifferenceType = differenceType;
            Path = path;
        }

        /// <summary>EG1001 and friends (<see cref="ErrorCodes"/>).</summary>
        public string Code { get; }

        public FindingSeverity Severity { get; }

        /// <summary>The contract's subject; null for a finding that belongs to no contract.</summary>
        public string? Subject { get; }

        /// <summary>As displayed (relative to the project or current directory); null when it belongs to no file.</summary>
        public string? File { get; }

        /// <summary>1-based; 0 when unknown. The engines give start positions only, so the end is 0 today.</summary>
        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        /// <summary>What is wrong, without the next step (see <see cref="FullMessage"/>).</summary>
        public string Message { get; }

        /// <summary>The engine's difference type (<c>REQUIRED_ATTRIBUTE_ADDED</c>) for a breaking change, else null.</summary>
        public string? DifferenceType { get; }

        /// <summary>Where in the schema, as a JSON pointer (<c>#/properties/total</c>), for a breaking change.</summary>
        public string? Path { get; }

        public string HelpLink => ErrorCodes.HelpLink(Code);

        /// <summary>The message with the next step and the page, as every surface prints it.</summary>
        public string FullMessage => ErrorCodes.WithNextStep(Code, Message);
    }

    /// <summary>One difference the engine found (compatible ones included), for the machine-readable reports.</summary>
    public sealed class ReportDifference
    {
        public ReportDifference(string type, string path, bool compatible, string message, string? file, int? line, int? column)
        {
            Type = type;
            Path = path;
            Compatible = compatible;
            Message = message;
            File = file;
            Line = line;
            Column = column;
        }

        public string Type { get; }
        public string Path { get; }
        public bool Compatible { get; }
        public string Message { get; }
        public string? File { get; }
        public int? Line { get; }
        public int? Column { get; }
    }

    /// <summary>Why a contract could not be read: the place and the problem, without the contract's subject.</summary>
    public sealed class ReportError
    {
        public ReportError(string? file, int line, int column, string problem)
        {
            File = file;
            Line = line;
            Column = column;
            Problem = problem;
        }

        public string? File { get; }
        public int Line { get; }
        public int Column { get; }
        public string Problem { get; }
    }

    /// <summary>The verdict for one contract.</summary>
    public sealed class ContractReport
    {
        public ContractReport(string subject, string format, string file, ContractStatus status, string level, bool? registryVerdict,
            string message, IReadOnlyList<ReportDifference> differences, IReadOnlyList<ReportFinding> findings, ReportError? error = null)
        {
            Error = error;
            Subject = subject;
            Format = format;
            File = file;
            Status = status;
            Level = level;
            RegistryVerdict = registryVerdict;
            Message = message;
            Differences = differences;
            Findings = findings;
        }

        public string Subject { get; }

        /// <summary>The registry's name of the schema type: JSON, AVRO or PROTOBUF.</summary>
        public string Format { get; }

        public string File { get; }
        public ContractStatus Status { get; }

        /// <summary>NEW, UNCHANGED, COMPATIBLE, BREAKING or INVALID.</summary>
        public string StatusName => ReportNames.Status(Status);

        /// <summary>The level it was checked at, as the registry names it (BACKWARD, ...).</summary>
        public string Level { get; }

        /// <summary>A remote registry's own verdict; null for the embedded registry.</summary>
        public bool? RegistryVerdict { get; }

        /// <summary>The one-line summary.</summary>
        public string Message { get; }

        public IReadOnlyList<ReportDifference> Differences { get; }

        /// <summary>The EG errors for this contract, repeats removed.</summary>
        public IReadOnlyList<ReportFinding> Findings { get; }

        /// <summary>Set for an invalid contract whose schema could not be read.</summary>
        public ReportError? Error { get; }

        /// <summary>Neither breaking nor invalid, and no lint rule at Error level fired.</summary>
        public bool Passed => Status != ContractStatus.Breaking && Status != ContractStatus.Invalid && !HasLintErrors;

        /// <summary>An EG11xx finding at Error level (EG1103, EG1105 by default): it fails the contract as a breaking change does.</summary>
        public bool HasLintErrors => Findings.Any(f => f.Severity == FindingSeverity.Error && Lint.LintRules.IsLint(f.Code));
    }

    /// <summary>Everything one check reports: produced once by <see cref="ReportBuilder"/>, printed by any renderer.</summary>
    public sealed class GateReport
    {
        public GateReport(string registry, IReadOnlyList<ContractReport> contracts, IReadOnlyList<ReportFinding>? otherFindings = null)
        {
            Registry = registry;
            Contracts = contracts;
            OtherFindings = otherFindings ?? new ReportFinding[0];
        }

        /// <summary>The registry as displayed (credentials removed).</summary>
        public string Registry { get; }

        public IReadOnlyList<ContractReport> Contracts { get; }

        /// <summary>Findings that belong to no contract (a registration that failed after every contract passed).</summary>
        public IReadOnlyList<ReportFinding> OtherFindings { get; }

        /// <summary>Every finding, contract by contract, then the others.</summary>
        public IEnumerable<ReportFinding> Findings => Contracts.SelectMany(c => c.Findings).Concat(OtherFindings);

        public int Count(ContractStatus status) => Contracts.Count(c => c.Status == status);

        public int PassedCount => Contracts.Count(c => c.Passed);

        /// <summary>True when no contract breaks or is invalid.</summary>
        public bool Passed => Contracts.All(c => c.Passed);

        /// <summary>0 when everything passes, 2 when a contract could not be read, else 1 when one breaks or an Error-level lint rule fires.</summary>
        public int ExitCode => Count(ContractStatus.Invalid) > 0 ? 2 : Count(ContractStatus.Breaking) > 0 || Contracts.Any(c => c.HasLintErrors) ? 1 : 0;
    }
}
