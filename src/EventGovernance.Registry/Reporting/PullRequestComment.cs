using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EventGovernance.Compatibility;
using EventGovernance.Registry.Diff;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// The Markdown pull-request comment of eventgov diff: a summary line with counts, a table of the changed
    /// subjects, each breaking change with its place, who it breaks and the migration that fits, removed subjects
    /// called out, compatible changes folded away. It always fits GitHub's comment limit: what does not fit is
    /// counted and left to the SARIF/JSON artifact. The hidden marker lets CI find and update its one comment.
    /// </summary>
    public static class PullRequestComment
    {
        public const string Marker = "<!-- eventgov:schema-review -->";

        /// <summary>GitHub's limit for a comment body, in characters.</summary>
        public const int MaxLength = 65536;

        // Room kept for what is always written after a cut: the note and the closing tags.
        private const int Reserve = 400;

        /// <param name="linkBase">Prepended to repository-relative files in links (<c>https://github.com/o/r/blob/&lt;sha&gt;/</c>); null for relative links.</param>
        public static string Render(DiffReport report, string? linkBase = null, int maxLength = MaxLength)
        {
            var body = new Budget(maxLength - Reserve);
            body.Always(Marker + "\n");
            body.Always($"### Event schema review against {Code(report.Against)}\n\n");
            body.Always(SummaryLine(report) + "\n");

            DiffEntry[] changed = report.Entries.Where(e => e.Changed).ToArray();
            if (changed.Length > 0)
            {
                body.Always("\n| Subject | Status | Format | Level | Changes |\n|---|---|---|---|---|\n");
                foreach (DiffEntry entry in changed) body.Add(Row(entry));
            }

            foreach (DiffEntry entry in changed.Where(e => e.Contract.Status == ContractStatus.Removed))
                body.Add($"\n> [!WARNING]\n> Subject {Code(entry.Contract.Subject)} was removed ({Code(entry.OldFile ?? entry.Contract.File)}): consumers of it stop receiving events, and the registry keeps its versions.\n");

            foreach (DiffEntry entry in changed.Where(e => e.Contract.Status == ContractStatus.Breaking || e.Contract.Status == ContractStatus.Invalid))
            {
                body.Add(item: false, part: $"\n#### {(entry.Contract.Status == ContractStatus.Breaking ? "❌" : "⚠️")} {Code(entry.Contract.Subject)}: {entry.StatusName} at {entry.Contract.Level}{Verdicts(entry)}\n\n");
                foreach (BreakingChange change in entry.Breaks) body.Add(Breaking(change, linkBase));
                foreach (ReportFinding finding in entry.Contract.Findings.Where(f => !entry.Breaks.Any(b => b.Finding == f))) body.Add(Finding(finding, linkBase));
            }

            // Lint findings of breaking contracts are listed with their changes above; those of the other changed contracts here.
            var linted = changed
                .Where(e => e.Contract.Status != ContractStatus.Breaking && e.Contract.Status != ContractStatus.Invalid)
                .SelectMany(e => e.Contract.Findings.Where(f => Lint.LintRules.IsLint(f.Code)).Select(f => (Entry: e, Finding: f)))
                .ToArray();
            if (linted.Length > 0)
            {
                body.Add("\n#### Contract lint\n\n", item: false);
                foreach (var (entry, finding) in linted)
                    body.Add($"- {Code(entry.Contract.Subject)} [{finding.Code}]({finding.HelpLink}){Severity(finding)}{At(finding.File, finding.Line, linkBase)}: {Text(finding.Message)}\n");
            }

            ReportFinding[] others = report.OtherFindings.ToArray();
            if (others.Length > 0)
            {
                body.Add("\n#### Other findings\n\n", item: false);
                foreach (ReportFinding finding in others) body.Add(Finding(finding, linkBase));
            }

            var compatible = changed.SelectMany(e => e.CompatibleDifferences.Select(d => (Entry: e, Difference: d))).ToArray();
            if (compatible.Length > 0)
            {
                bool open = body.Add($"\n<details><summary>Compatible changes ({compatible.Length})</summary>\n\n", item: false);
                foreach (var (entry, difference) in compatible)
                    body.Add($"- {Code(entry.Contract.Subject)} {Code(difference.Path)} `{difference.Type}`{DifferenceAt(report, entry, difference, linkBase)}: {Text(difference.Message)}\n");
                if (open) body.Always("\n</details>\n");
            }

            if (body.Skipped > 0) body.Always($"\n_{body.Skipped} more, see the SARIF/JSON artifact._\n");
            return body.ToString();
        }

        public static void Write(TextWriter writer, DiffReport report, string? linkBase = null) => writer.Write(Render(report, linkBase));

        /// <summary>"❌ 1 breaking, 2 compatible, 1 added, 1 removed, 0 invalid; 3 unchanged".</summary>
        public static string SummaryLine(DiffReport report)
        {
            int breaking = report.Count("BREAKING"), invalid = report.Count("INVALID");
            string verdict = breaking + invalid > 0 ? "❌" : "✅";
            int renamed = report.Entries.Count(e => e.Change == DiffChange.Renamed);
            return $"{verdict} **{breaking} breaking**, {report.Count("COMPATIBLE")} compatible, {report.Count("ADDED")} added, {report.Count("REMOVED")} removed, " +
                $"{renamed} renamed, {invalid} invalid; {report.Entries.Count(e => !e.Changed)} unchanged.";
        }

        private static string Row(DiffEntry entry)
        {
            // A '|' ends a table cell even inside a code span unless escaped.
            string subject = (Code(entry.Contract.Subject) + (entry.Change == DiffChange.Renamed ? $" (moved from {Code(entry.OldFile ?? "")})" : "")).Replace("|", "\\|");
            int changes = entry.Contract.Status == ContractStatus.Invalid ? entry.Contract.Findings.Count : entry.Contract.Differences.Count;
            // A removed subject is checked at no level.
            string level = entry.Contract.Status == ContractStatus.Removed ? "–" : entry.Contract.Level;
            return $"| {subject} | {entry.StatusName} | {entry.Contract.Format} | {level} | {changes} |\n";
        }

        private static string Verdicts(DiffEntry entry) =>
            entry.Verdicts.Count == 0 ? "" : " (" + string.Join(", ", entry.Verdicts.Select(v => $"{v.Level.ToRegistryName()} {(v.Compatible ? "✅" : "❌")}")) + ")";

        private static string Breaking(BreakingChange change, string? linkBase)
        {
            ReportFinding f = change.Finding;
            string old = change.OldLine > 0 ? $" (removed; it was at line {change.OldLine} of the old file)" : "";
            return $"- {Code(f.Path ?? "")} `{f.DifferenceType}`{At(f.File, f.Line, linkBase)}{old}: {Text(f.Message)}\n" +
                $"  - **Breaks:** {change.WhoBreaks}\n" +
                $"  - **Migration:** {Migrations.Text(change.Migration)}\n";
        }

        /// <summary>An element only the old version has is named by its old place, linked to the contract it was removed from.</summary>
        private static string DifferenceAt(DiffReport report, DiffEntry entry, ReportDifference difference, string? linkBase)
        {
            string oldPrefix = report.Against + ":";
            if (difference.File == null || !difference.File.StartsWith(oldPrefix, StringComparison.Ordinal))
                return At(difference.File, difference.Line ?? 0, linkBase);
            string line = difference.Line > 0 ? $" line {difference.Line}" : "";
            return $"{At(entry.Contract.File, 0, linkBase)} (removed; it was at {Code(difference.File)}{line})";
        }

        private static string Finding(ReportFinding f, string? linkBase) =>
            $"- [{f.Code}]({f.HelpLink}){Severity(f)}{At(f.File, f.Line, linkBase)}: {Text(f.Message)}\n";

        /// <summary>A lint finding's severity is configurable, so the comment says which it is; the gate's own codes speak for themselves.</summary>
        private static string Severity(ReportFinding f) => Lint.LintRules.IsLint(f.Code) ? " " + f.Severity.ToString().ToLowerInvariant() : "";

        /// <summary>" at [file#L12](base + file#L12)"; nothing when the finding has no file.</summary>
        private static string At(string? file, int line, string? linkBase)
        {
            if (string.IsNullOrEmpty(file)) return "";
            string path = file!.Replace('\\', '/');
            string anchor = line > 0 ? $"{path}#L{line}" : path;
            string target = linkBase == null ? anchor : linkBase.TrimEnd('/') + "/" + anchor;
            return $" at [{Escape(anchor)}]({target.Replace(" ", "%20").Replace(")", "%29")})";
        }

        private static string Code(string text) => "`" + Echo.Cut(text).Replace("`", "'") + "`";

        /// <summary>Messages come from schemas: one line, no HTML, no table breaks.</summary>
        private static string Text(string message) => Escape(MsBuildFormat.OneLine(message));

        private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("|", "\\|");

        /// <summary>A body that takes parts until its budget is spent, then counts what it left out.</summary>
        private sealed class Budget
        {
            private readonly StringBuilder _text = new StringBuilder();
            private readonly int _limit;

            public Budget(int limit) => _limit = limit;

            public int Skipped { get; private set; }

            private bool _full;

            /// <summary>Adds the part when it fits and nothing was cut before it; false when left out.</summary>
            /// <param name="item">False for a heading: only items (rows, changes, findings) are counted as left out.</param>
            public bool Add(string part, bool item = true)
            {
                _full = _full || _text.Length + part.Length > _limit;
                if (_full)
                {
                    if (item) Skipped++;
                    return false;
                }
                _text.Append(part);
                return true;
            }

            /// <summary>Short parts that are always written (headings, closing tags, the note); the reserve holds them.</summary>
            public void Always(string part) => _text.Append(part);

            public override string ToString() => _text.ToString();
        }
    }
}
