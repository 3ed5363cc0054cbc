using System.IO;
using System.Text;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=EG1001::…</c>): each finding becomes an
    /// annotation on the pull request's diff. The summary line follows as plain log text.
    /// </summary>
    public static class GitHubAnnotations
    {
        public static void Write(TextWriter writer, GateReport report)
        {
            foreach (ReportFinding finding in report.Findings) writer.WriteLine(Line(finding));
            writer.WriteLine(TextReport.Summary(report));
        }

        public static string Line(ReportFinding finding)
        {
            var properties = new StringBuilder();
            if (finding.File != null) properties.Append("file=").Append(Property(finding.File.Replace('\\', '/'))).Append(',');
            if (finding.File != null && finding.Line > 0)
            {
                properties.Append("line=").Append(finding.Line).Append(',');
                if (finding.Column > 0) properties.Append("col=").Append(finding.Column).Append(',');
            }
            properties.Append("title=").Append(Property(finding.Code));
            return $"::{Command(finding.Severity)} {properties}::{Data(finding.FullMessage)}";
        }

        private static string Command(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Warning => "warning",
            FindingSeverity.Note => "notice",
            _ => "error",
        };

        // The runner's escaping (actions/toolkit command.ts): data escapes %, CR and LF; properties also ':' and ','.
        private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
    }
}
