using System;
using System.IO;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli.Reporting
{
    /// <summary>The forms check and register print their report in (<c>--format</c>).</summary>
    internal enum ReportFormat
    {
        Text,
        Json,
        Markdown,
        Sarif,
        GitHub,
    }

    internal static class ReportFormats
    {
        public static readonly string[] Names = { "text", "json", "markdown", "sarif", "github" };

        public static ReportFormat Parse(string name) => name switch
        {
            "json" => ReportFormat.Json,
            "markdown" => ReportFormat.Markdown,
            "sarif" => ReportFormat.Sarif,
            "github" => ReportFormat.GitHub,
            _ => ReportFormat.Text,
        };

        /// <summary>Prints the report; JSON is the caller's (check and register add their own fields).</summary>
        /// <param name="palette">Colours the text form only: every other form is read by machines.</param>
        public static void Write(ReportFormat format, TextWriter writer, GateReport report, bool registerHint, Func<string> json, Palette palette)
        {
            switch (format)
            {
                case ReportFormat.Json:
                    writer.WriteLine(json());
                    break;
                case ReportFormat.Markdown:
                    MarkdownReport.Write(writer, report);
                    break;
                case ReportFormat.Sarif:
                    writer.WriteLine(SarifReport.Serialize(report));
                    break;
                case ReportFormat.GitHub:
                    GitHubAnnotations.Write(writer, report);
                    break;
                default:
                    TextReport.Write(writer, report, registerHint, palette.Paint);
                    break;
            }
        }
    }
}
