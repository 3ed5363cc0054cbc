using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Diff;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>The migration that fits a kind of breaking change, as the pull-request comment proposes it.</summary>
    public enum Migration
    {
        /// <summary>A new required field: make it optional with a default.</summary>
        OptionalWithDefault,

        /// <summary>A field, value or type removed: keep it, deprecate it, remove it once nobody reads it.</summary>
        KeepAndDeprecate,

        /// <summary>A field's type or meaning changed: a new event version, both published during the migration.</summary>
        BumpVersion,

        /// <summary>The event itself changed identity: a new event type on a new subject.</summary>
        NewSubject,
    }

    /// <summary>Which migration fits which difference type, and how it is worded: the one place for both.</summary>
    public static class Migrations
    {
        public static Migration For(string? differenceType)
        {
            string type = differenceType ?? "";
            if (type == "READER_FIELD_MISSING_DEFAULT_VALUE" || (type.Contains("REQUIRED") && type.Contains("ADDED"))) return Migration.OptionalWithDefault;
            if (type == "NAME_MISMATCH" || type == "PACKAGE_CHANGED" || type == "MESSAGE_MOVED" || type == "MESSAGE_REMOVED" || type == "SCHEMA_REMOVED")
                return Migration.NewSubject;
            if (type.Contains("REMOVED") || type.StartsWith("MISSING_", StringComparison.Ordinal)) return Migration.KeepAndDeprecate;
            return type.Length == 0 ? Migration.NewSubject : Migration.BumpVersion;
        }

        public static string Text(Migration migration) => migration switch
        {
            Migration.OptionalWithDefault => "make the new field optional with a default, so data written without it still reads",
            Migration.KeepAndDeprecate => "keep the old field (or value) and mark it deprecated; remove it once no producer writes and no consumer reads it",
            Migration.BumpVersion => "bump the event version and publish both shapes during the migration, until every consumer reads the new one",
            _ => "publish a new event type on a new subject and move consumers over, rather than changing this one",
        };
    }

    /// <summary>One breaking difference of a subject, with what the comment says about it.</summary>
    public sealed class BreakingChange
    {
        public BreakingChange(ReportFinding finding, CheckDirection direction, int oldLine)
        {
            Finding = finding;
            Direction = direction;
            OldLine = oldLine;
            Migration = Migrations.For(finding.DifferenceType);
        }

        public ReportFinding Finding { get; }

        /// <summary>Backward: the new schema cannot read old data; Forward: the old schema cannot read new data.</summary>
        public CheckDirection Direction { get; }

        /// <summary>The element's line in the old file when the new file no longer has it; 0 otherwise.</summary>
        public int OldLine { get; }

        public Migration Migration { get; }

        /// <summary>Who breaks, in the reviewer's terms.</summary>
        public string WhoBreaks => Direction == CheckDirection.Backward
            ? "producers still writing the old shape: consumers on the new schema cannot read what they write (and the topic's history)"
            : "consumers still on the old schema: they cannot read events written with the new one";
    }

    /// <summary>One subject of a diff: the gate's contract report plus how the file moved and the three informational verdicts.</summary>
    public sealed class DiffEntry
    {
        public DiffEntry(ContractReport contract, DiffChange change, string? oldFile, IReadOnlyList<LevelVerdict> verdicts, IReadOnlyList<BreakingChange> breaks)
        {
            Contract = contract;
            Change = change;
            OldFile = oldFile;
            Verdicts = verdicts;
            Breaks = breaks;
        }

        public ContractReport Contract { get; }
        public DiffChange Change { get; }

        /// <summary>The file at the ref (relative to the repository); null for an added subject.</summary>
        public string? OldFile { get; }

        public IReadOnlyList<LevelVerdict> Verdicts { get; }
        public IReadOnlyList<BreakingChange> Breaks { get; }

        /// <summary>ADDED, REMOVED, or the gate's status (UNCHANGED, COMPATIBLE, BREAKING, INVALID).</summary>
        public string StatusName => Change == DiffChange.Added && Contract.Status == ContractStatus.New ? "ADDED" : Contract.StatusName;

        /// <summary>False for a subject that is the same on both sides and did not move.</summary>
        public bool Changed => Contract.Status != ContractStatus.Unchanged || Change == DiffChange.Renamed;

        public IEnumerable<ReportDifference> CompatibleDifferences => Contract.Differences.Where(d => d.Compatible);
    }

    /// <summary>
    /// Everything eventgov diff reports: produced once by <see cref="DiffReportBuilder"/>, printed by any renderer.
    /// Findings are a list, so findings of other kinds (contract lint) slot in beside the breaking changes.
    /// </summary>
    public sealed class DiffReport
    {
        public DiffReport(string against, string? baseCommit, IReadOnlyList<DiffEntry> entries, IReadOnlyList<ReportFinding>? otherFindings = null)
        {
            Against = against;
            BaseCommit = baseCommit;
            Entries = entries;
            OtherFindings = otherFindings ?? Array.Empty<ReportFinding>();
        }

        /// <summary>The ref as given (<c>origin/main</c>), or the registry as displayed.</summary>
        public string Against { get; }

        /// <summary>The commit compared with; null against a registry.</summary>
        public string? BaseCommit { get; }

        public IReadOnlyList<DiffEntry> Entries { get; }

        /// <summary>Findings that are not breaking changes of a subject (lint, ...).</summary>
        public IReadOnlyList<ReportFinding> OtherFindings { get; }

        /// <summary>The same content as the gate's report, for the renderers check uses (text, SARIF, GitHub).</summary>
        public GateReport Gate => new GateReport(Against, Entries.Select(e => e.Contract).ToList(), OtherFindings);

        public IEnumerable<ReportFinding> Findings => Gate.Findings;

        public int Count(string statusName) => Entries.Count(e => e.StatusName == statusName);

        /// <summary>0 when nothing breaks, 1 when a subject breaks, 2 when a contract cannot be read.</summary>
        public int ExitCode => Gate.ExitCode;
    }

    /// <summary>Builds the diff's report from its outcomes with the gate's <see cref="ReportBuilder"/>: the same findings, wording and places as check.</summary>
    public sealed class DiffReportBuilder
    {
        private readonly ReportBuilder _contracts;

        public DiffReportBuilder(DisplayPaths paths)
        {
            _contracts = new ReportBuilder(paths);
        }

        public DiffReport Build(string against, string? baseCommit, IReadOnlyList<DiffOutcome> outcomes, IReadOnlyList<ReportFinding>? otherFindings = null) =>
            new DiffReport(against, baseCommit, outcomes.Select(Entry).ToList(), otherFindings);

        private DiffEntry Entry(DiffOutcome outcome)
        {
            ContractReport contract = _contracts.Contract(outcome.Result);
            var breaks = new List<BreakingChange>();
            foreach (ReportFinding finding in contract.Findings.Where(f => f.DifferenceType != null))
            {
                ContractFinding? source = outcome.Result.Findings.FirstOrDefault(f =>
                    !f.Difference.IsCompatible && f.Difference.Type == finding.DifferenceType && f.Difference.Path == finding.Path);
                if (source == null) continue;
                int oldLine = source.Difference.UpdateLocation == null ? source.Difference.OriginalLocation?.Line ?? 0 : 0;
                breaks.Add(new BreakingChange(finding, source.Direction, oldLine));
            }
            return new DiffEntry(contract, outcome.Change, outcome.OldPath, outcome.Verdicts, breaks);
        }
    }
}
