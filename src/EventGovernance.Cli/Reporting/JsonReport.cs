using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli.Reporting
{
    /// <summary>
    /// The JSON report's shape (documented in docs/report-json.md): typed records serialized with System.Text.Json,
    /// camelCase names, nulls written so every field is always present.
    /// </summary>
    internal static class JsonReport
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Messages hold quotes and angle brackets; keep them readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

        public static CheckJson Check(GateReport report) =>
            new CheckJson(report.Passed, report.Registry, report.Contracts.Select(Contract).ToList(), report.OtherFindings.Select(Finding).ToList());

        /// <summary><c>eventgov lint --format json</c>: clean is false when an Error-level rule fired or a contract could not be read.</summary>
        public static LintJson Lint(GateReport report) =>
            new LintJson(report.Contracts.All(c => c.Status != ContractStatus.Invalid && !c.HasLintErrors), report.Registry,
                report.Contracts.Select(Contract).ToList(), report.OtherFindings.Select(Finding).ToList());

        public static RegisterJson Register(GateReport report, RegistrationReport registration) =>
            new RegisterJson(registration.Succeeded, registration.Message, report.Registry,
                registration.Registered.Select(r => new VersionJson(r.Subject, r.Version, r.Contract.DisplayPath,
                    r.References.Select(x => new ReferenceJson(x.Name, x.Subject, x.Version)).ToList())).ToList(),
                report.Contracts.Select(Contract).ToList(), report.OtherFindings.Select(Finding).ToList());

        public static DiffJson Diff(DiffReport report) =>
            new DiffJson(report.ExitCode == 0, report.Against, report.BaseCommit,
                report.Entries.Select(e => new DiffContractJson(e.Contract.Subject, e.Contract.Format, e.Contract.File, e.OldFile,
                    ChangeName(e.Change), e.StatusName, e.Contract.Level, e.Contract.Message,
                    e.Verdicts.Count == 0 ? null : e.Verdicts.ToDictionary(v => EventGovernance.Compatibility.CompatibilityLevels.ToRegistryName(v.Level), v => v.Compatible),
                    e.Contract.Differences.Select(d => new DifferenceJson(d.Type, d.Path, d.Compatible, d.Message, d.File, d.Line, d.Column)).ToList(),
                    e.Contract.Findings.Select(Finding).ToList(),
                    e.Breaks.Select(b => new BreakJson(b.Finding.DifferenceType, b.Finding.Path, b.Direction == EventGovernance.Compatibility.CheckDirection.Backward ? "backward" : "forward",
                        b.OldLine, MigrationName(b.Migration))).ToList(),
                    e.Contract.Error == null ? null : new ErrorJson(e.Contract.Error.File, e.Contract.Error.Line, e.Contract.Error.Column, e.Contract.Error.Problem))).ToList(),
                report.OtherFindings.Select(Finding).ToList());

        private static string ChangeName(EventGovernance.Registry.Diff.DiffChange change) => change switch
        {
            EventGovernance.Registry.Diff.DiffChange.Added => "added",
            EventGovernance.Registry.Diff.DiffChange.Removed => "removed",
            EventGovernance.Registry.Diff.DiffChange.Renamed => "renamed",
            _ => "kept",
        };

        private static string MigrationName(Migration migration) => migration switch
        {
            Migration.OptionalWithDefault => "optional-with-default",
            Migration.KeepAndDeprecate => "keep-and-deprecate",
            Migration.BumpVersion => "bump-event-version",
            _ => "new-subject",
        };

        public static ContractJson Contract(ContractReport c) =>
            new ContractJson(c.Subject, c.Format, c.File, c.StatusName, c.Level, c.Message, c.RegistryVerdict,
                c.Differences.Select(d => new DifferenceJson(d.Type, d.Path, d.Compatible, d.Message, d.File, d.Line, d.Column)).ToList(),
                c.Findings.Select(Finding).ToList(),
                c.Error == null ? null : new ErrorJson(c.Error.File, c.Error.Line, c.Error.Column, c.Error.Problem));

        /// <summary>An engine difference as compat prints it, its file shown relative to the current directory.</summary>
        public static DifferenceJson Difference(EventGovernance.Compatibility.Difference d) =>
            new DifferenceJson(d.Type, d.Path, d.IsCompatible, d.Message, DisplayPaths.Of(d.Location?.File), d.Location?.Line, d.Location?.Column);

        public static FindingJson Finding(ReportFinding f) =>
            new FindingJson(f.Code, MsBuildFormat.Category(f.Severity), f.Subject, f.File, f.Line, f.Column, f.EndLine, f.EndColumn,
                f.Message, f.DifferenceType, f.Path, f.HelpLink);
    }

    /// <summary><c>eventgov compat --format json</c>.</summary>
    internal sealed record CompatJson(bool Compatible, string Level, List<DifferenceJson> Differences);

    internal sealed record CheckJson(bool Compatible, string Registry, List<ContractJson> Contracts, List<FindingJson> Findings);

    internal sealed record LintJson(bool Clean, string Registry, List<ContractJson> Contracts, List<FindingJson> Findings);

    internal sealed record RegisterJson(bool Registered, string Message, string Registry, List<VersionJson> Versions,
        List<ContractJson> Contracts, List<FindingJson> Findings);

    internal sealed record VersionJson(string Subject, int Version, string File, List<ReferenceJson> References);

    internal sealed record ReferenceJson(string Name, string Subject, int Version);

    internal sealed record ContractJson(string Subject, string Format, string File, string Status, string Level, string Message,
        bool? RegistryVerdict, List<DifferenceJson> Differences, List<FindingJson> Findings, ErrorJson? Error);

    internal sealed record DifferenceJson(string Type, string Path, bool Compatible, string Message, string? File, int? Line, int? Column);

    /// <summary>Severity is error, warning or info; line and column 0 mean unknown.</summary>
    internal sealed record FindingJson(string Code, string Severity, string? Subject, string? File, int Line, int Column, int EndLine, int EndColumn,
        string Message, string? DifferenceType, string? Path, string HelpLink);

    /// <summary><c>eventgov diff --format json</c>: base is the compared commit (null against a registry); findings are those of no subject.</summary>
    internal sealed record DiffJson(bool Compatible, string Against, string? Base, List<DiffContractJson> Contracts, List<FindingJson> Findings);

    /// <summary>One subject of a diff: change is added, removed, renamed or kept; verdicts are BACKWARD, FORWARD and FULL (null when nothing was compared).</summary>
    internal sealed record DiffContractJson(string Subject, string Format, string File, string? OldFile, string Change, string Status, string Level, string Message,
        Dictionary<string, bool>? Verdicts, List<DifferenceJson> Differences, List<FindingJson> Findings, List<BreakJson> Breaking, ErrorJson? Error);

    /// <summary>One breaking difference: direction backward (new readers, old data) or forward (old readers, new data), and the migration that fits.</summary>
    internal sealed record BreakJson(string? Type, string? Path, string Direction, int OldLine, string Migration);

    /// <summary>What check and register print in project mode when the project turned the gate off.</summary>
    internal sealed record DisabledJson(bool Compatible, bool Disabled, string Project, string Message);

    internal sealed record ErrorJson(string? File, int Line, int Column, string Message);
}
