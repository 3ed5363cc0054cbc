using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using EventGovernance.Cli.Reporting;
using EventGovernance.Registry;
using EventGovernance.Registry.Lint;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary>
    /// <c>eventgov lint</c>: the contract lint (EG1101–EG1108) over the same contracts, levels and registry as
    /// <c>eventgov check</c> (project mode included), printed with the same renderers. Exit codes: 0 no Error-level
    /// finding, 1 an Error-level finding, 2 bad input (a contract that cannot be read, a bad option).
    /// </summary>
    internal static class LintCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var command = new Command("lint", "Lint the event contracts (EG1101-EG1108) with their .editorconfig settings.");
            // The gate's inputs (project mode, registry, levels) are check's: the registry gives the levels and registered versions the rules compare with.
            GateCommandOptions.AddTo(command);
            command.SetAction(parsed => Lint(new ParsedOptions(parsed, context), context));
            return command;
        }

        private static int Lint(ParsedOptions options, CliContext context) =>
            GateRun.Execute(options, context, requireExistingRegistry: true, async (registry, gateOptions, contracts) =>
            {
                gateOptions.Lint = true; // asked for by name: EventGovernanceLint=false does not apply
                var gate = new ContractGate(registry, gateOptions, context.Formats);
                IReadOnlyList<ContractResult> results = await gate.CheckAsync(contracts).ConfigureAwait(false);
                GateReport report = LintOnly(GateOutput.Report(results, registry.DisplayName));
                ReportFormat chosen = Common.Format(options);
                ReportFormats.Write(chosen, context.Out, report, registerHint: false, () => JsonReport.Serialize(JsonReport.Lint(report)), context.Palette);
                if (chosen == ReportFormat.Text) context.Out.WriteLine(Summary(report));
                return ExitCode(report);
            });

        /// <summary>The report with each contract's lint findings only; an unreadable contract keeps its EG1002 (it could not be linted).</summary>
        internal static GateReport LintOnly(GateReport report) =>
            new GateReport(report.Registry, report.Contracts.Select(c => new ContractReport(c.Subject, c.Format, c.File, c.Status, c.Level, c.RegistryVerdict,
                c.Message, c.Differences, c.Status == ContractStatus.Invalid ? c.Findings : c.Findings.Where(f => LintRules.IsLint(f.Code)).ToList(), c.Error)).ToList(),
                report.OtherFindings);

        /// <summary>2 when a contract could not be read, 1 when an Error-level rule fired, else 0.</summary>
        internal static int ExitCode(GateReport report) =>
            report.Count(ContractStatus.Invalid) > 0 ? Program.Failed : report.Contracts.Any(c => c.HasLintErrors) ? Program.Breaking : Program.Ok;

        /// <summary>"lint: 1 error(s), 2 warning(s), 0 note(s)".</summary>
        internal static string Summary(GateReport report)
        {
            List<ReportFinding> lint = report.Findings.Where(f => LintRules.IsLint(f.Code)).ToList();
            return $"lint: {lint.Count(f => f.Severity == FindingSeverity.Error)} error(s), {lint.Count(f => f.Severity == FindingSeverity.Warning)} warning(s), " +
                $"{lint.Count(f => f.Severity == FindingSeverity.Note)} note(s)";
        }
    }
}
