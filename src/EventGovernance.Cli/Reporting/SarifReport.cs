using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli.Reporting
{
    /// <summary>
    /// The report as a SARIF 2.1.0 log for code scanning: one result per finding, rule ids EG1xxx with their pages,
    /// a region when the line is known, and a fingerprint (code, subject, path) that survives moved lines.
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static string Serialize(GateReport report) => JsonReport.Serialize(Log(report));

        public static SarifLog Log(GateReport report)
        {
            List<ReportFinding> findings = report.Findings.ToList();
            List<SarifRule> rules = findings.Select(f => f.Code).Distinct().OrderBy(c => c, System.StringComparer.Ordinal)
                .Select(code => new SarifRule(code, new SarifText(ErrorCodes.Title(code)), new SarifText(ErrorCodes.NextStep(code)),
                    new SarifText(ErrorCodes.NextStep(code)), ErrorCodes.HelpLink(code))).ToList();
            var driver = new SarifDriver("eventgov", Program.Version, ErrorCodes.DocsBase, rules);
            return new SarifLog(SchemaUri, "2.1.0", new List<SarifRun> { new SarifRun(new SarifTool(driver), findings.Select(Result).ToList()) });
        }

        private static SarifResult Result(ReportFinding f)
        {
            List<SarifLocation>? locations = f.File == null ? null : new List<SarifLocation>
            {
                new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(f.File.Replace('\\', '/')),
                    f.Line > 0 ? new SarifRegion(f.Line, f.Column > 0 ? f.Column : null, f.EndLine > 0 ? f.EndLine : null, f.EndColumn > 0 ? f.EndColumn : null) : null)),
            };
            var fingerprint = new Dictionary<string, string> { ["eventgov/v1"] = $"{f.Code}|{f.Subject}|{f.DifferenceType}|{f.Path}" };
            return new SarifResult(f.Code, MsBuildFormat.Category(f.Severity) == "info" ? "note" : MsBuildFormat.Category(f.Severity),
                new SarifText(f.FullMessage), locations, fingerprint);
        }
    }

    internal sealed record SarifLog([property: JsonPropertyName("$schema")] string Schema, string Version, List<SarifRun> Runs);

    internal sealed record SarifRun(SarifTool Tool, List<SarifResult> Results);

    internal sealed record SarifTool(SarifDriver Driver);

    internal sealed record SarifDriver(string Name, string Version, string InformationUri, List<SarifRule> Rules);

    /// <summary>A rule: its title (what it finds) as the short description; the next step as the full description and help.</summary>
    internal sealed record SarifRule(string Id, SarifText ShortDescription, SarifText FullDescription, SarifText Help, string HelpUri);

    internal sealed record SarifText(string Text);

    internal sealed record SarifResult(string RuleId, string Level, SarifText Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<SarifLocation>? Locations,
        Dictionary<string, string> PartialFingerprints);

    internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

    internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifRegion? Region);

    internal sealed record SarifArtifactLocation(string Uri);

    internal sealed record SarifRegion(int StartLine,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? StartColumn,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EndLine,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EndColumn);
}
