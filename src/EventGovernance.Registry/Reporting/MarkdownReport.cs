using System.IO;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// A Markdown report: a summary line, a table with a row per subject, and each breaking finding with its place,
    /// code and page. Simple on purpose; the pull-request comment builds on it.
    /// </summary>
    public static class MarkdownReport
    {
        public static void Write(TextWriter writer, GateReport report)
        {
            string verdict = report.Passed ? "✅ every contract passes" : "❌ some contracts do not pass";
            writer.WriteLine($"**Event contracts against {Cell(report.Registry)}**: {verdict} ({TextReport.Summary(report)}).");
            writer.WriteLine();
            writer.WriteLine("| Subject | Status | Format | Level | File | Findings |");
            writer.WriteLine("|---|---|---|---|---|---|");
            foreach (ContractReport contract in report.Contracts)
                writer.WriteLine($"| {Cell(contract.Subject)} | {contract.StatusName} | {contract.Format} | {contract.Level} | {Code(contract.File)} | {contract.Findings.Count} |");

            ReportFinding[] findings = report.Findings.ToArray();
            if (findings.Length == 0) return;
            writer.WriteLine();
            writer.WriteLine("### Findings");
            writer.WriteLine();
            foreach (ReportFinding finding in findings)
            {
                string where = finding.File == null ? "" : Code(finding.Line > 0 ? $"{finding.File}:{finding.Line}" : finding.File) + " ";
                writer.WriteLine($"- {where}[{finding.Code}]({finding.HelpLink}): {Cell(MsBuildFormat.OneLine(finding.Message))}; {ErrorCodes.NextStep(finding.Code)}");
            }
        }

        /// <summary>Table cells cannot hold a bare '|'; subjects and messages come from users and schemas.</summary>
        private static string Cell(string text) => Echo.Cut(text).Replace("|", "\\|");

        private static string Code(string text) => "`" + text.Replace("`", "'") + "`";
    }
}
