using System;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>The text report: a line per contract, the findings in MSBuild's canonical form, a summary line.</summary>
    public static class TextReport
    {
        /// <param name="registerHint">True for check: a new subject says how to register it (register itself does).</param>
        /// <param name="paint">Colours a line by its tone (a terminal); null writes every line as it is.</param>
        public static void Write(TextWriter writer, GateReport report, bool registerHint = false, Func<string, TextTone, string>? paint = null)
        {
            paint ??= (text, _) => text;
            foreach (ContractReport contract in report.Contracts)
            {
                string line = $"{contract.StatusName,-10} {Echo.Cut(contract.Subject)} ({contract.File})";
                if (contract.Status == ContractStatus.Invalid)
                {
                    // The finding below says what is wrong; the contract's line only names it.
                    writer.WriteLine(paint(line, TextTones.Of(contract.Status)));
                }
                else
                {
                    string hint = registerHint && contract.Status == ContractStatus.New ? "; " + GateMessages.RegisterHint : "";
                    writer.WriteLine(paint($"{line}: {MsBuildFormat.OneLine(contract.Message)}{hint}", TextTones.Of(contract.Status)));
                }
                foreach (ReportFinding finding in contract.Findings) writer.WriteLine(paint(MsBuildFormat.Line(finding), TextTones.Of(finding.Severity)));
            }
            writer.WriteLine(paint(Summary(report), report.Contracts.All(c => c.Passed) ? TextTone.Good : TextTone.Bad));
        }

        /// <summary>"3 contract(s): 2 pass, 1 breaking, 0 invalid".</summary>
        public static string Summary(GateReport report)
        {
            string summary = $"{report.Contracts.Count} contract(s): {report.PassedCount} pass, {report.Count(ContractStatus.Breaking)} breaking, {report.Count(ContractStatus.Invalid)} invalid";
            // Only when it happens, so reports without lint errors read as before.
            int lintFailed = System.Linq.Enumerable.Count(report.Contracts, c => c.HasLintErrors && c.Status != ContractStatus.Breaking && c.Status != ContractStatus.Invalid);
            return lintFailed > 0 ? summary + $", {lintFailed} failing lint" : summary;
        }
    }
}
