using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
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
        /// <summary>The command, printing to the given writers; its action returns the exit code.</summary>
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var project = new Option<string?>("--" + ProjectMode.ProjectOption) { Description = "The project (a .csproj/.fsproj/.vbproj, or a directory holding one)." };
            var noProject = new Option<bool>("--" + ProjectMode.NoProjectFlag) { Description = "Ignore a project in the current directory; use --contracts." };
            var contracts = new Option<string?>("--contracts") { Description = "Where the contracts are without a project (default: contracts)." };
            var registry = new Option<string?>("--registry") { Description = "An embedded registry directory or a Schema Registry URL: the levels and registered versions the rules compare with." };
            var level = new Option<string?>("--level") { Description = "Lint every contract as if at this level instead of the registry's." };
            var policy = new Option<string?>("--policy") { Description = "strict (default) | lenient: the JSON Schema policy." };
            var format = new Option<string>("--format") { Description = "text (default) | json | markdown | sarif | github.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong(ReportFormats.Names);
            var timeout = new Option<string?>("--timeout") { Description = "How long one registry request may take (default 5)." };
            var retries = new Option<string?>("--retries") { Description = "How often a failing request is tried again (default 1)." };

            var command = new Command("lint", "Lint the event contracts (EG1101-EG1108) with their .editorconfig settings.")
            {
                project, noProject, contracts, registry, level, policy, format, timeout, retries,
            };
            command.SetAction(parsed =>
            {
                // The gate's inputs (project mode, registry, levels) are check's: hand them over in check's form.
                var args = new List<string>();
                void Add(string name, string? value)
                {
                    if (value != null) args.Add($"--{name}={value}");
                }
                Add(ProjectMode.ProjectOption, parsed.GetValue(project));
                if (parsed.GetValue(noProject)) args.Add("--" + ProjectMode.NoProjectFlag);
                Add("contracts", parsed.GetValue(contracts));
                Add("registry", parsed.GetValue(registry));
                Add("level", parsed.GetValue(level));
                Add("policy", parsed.GetValue(policy));
                Add("format", parsed.GetValue(format));
                Add("timeout", parsed.GetValue(timeout));
                Add("retries", parsed.GetValue(retries));
                return Lint(Arguments.Parse(args, CheckCommand.GateOptionNames, flags: CheckCommand.GateFlags), stdout, stderr);
            });
            return command;
        }

        /// <summary>Until the whole CLI moves to System.CommandLine: parses <paramref name="args"/> with this command alone.</summary>
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand("eventgov") { Create(stdout, stderr) };
            ParseResult parsed = root.Parse(new[] { "lint" }.Concat(args).ToArray());
            if (parsed.Errors.Count > 0)
            {
                foreach (ParseError error in parsed.Errors)
                    stderr.WriteLine(Program.OneLine($"eventgov: {string.Join(" ", error.Message.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))} (see 'eventgov lint --help')"));
                return Program.Failed;
            }
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        private static int Lint(Arguments options, TextWriter stdout, TextWriter stderr) =>
            GateRun.Execute(options, stdout, stderr, requireExistingRegistry: true, async (registry, gateOptions, contracts) =>
            {
                gateOptions.Lint = true; // asked for by name: EventGovernanceLint=false does not apply
                var gate = new ContractGate(registry, gateOptions, Program.Formats);
                IReadOnlyList<ContractResult> results = await gate.CheckAsync(contracts).ConfigureAwait(false);
                GateReport report = LintOnly(GateOutput.Report(results, registry.DisplayName));
                ReportFormat chosen = Common.Format(options);
                ReportFormats.Write(chosen, stdout, report, registerHint: false, () => JsonReport.Serialize(JsonReport.Lint(report)));
                if (chosen == ReportFormat.Text) stdout.WriteLine(Summary(report));
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
