using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Cli.Reporting;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov register</c>: registers changed contracts when every contract passes.</summary>
    internal static class RegisterCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            // Every new or changed contract, referenced contracts first, with the same contracts, subjects and levels as
            // check (in a project: as dotnet build -t:EventGovernanceRegister).
            var command = new Command("register", "Register changed contracts as new versions when every contract passes the check (options as for check).");
            GateCommandOptions.AddTo(command);
            command.SetAction(parsed => Run(new ParsedOptions(parsed, context), context));
            return command;
        }

        private static int Run(ParsedOptions options, CliContext context)
        {
            TextWriter stdout = context.Out;
            TextWriter stderr = context.Error;
            return GateRun.Execute(options, context, requireExistingRegistry: false, async (registry, gateOptions, contracts) =>
            {
                var registrar = new ContractRegistrar(registry, new ContractGate(registry, gateOptions, context.Formats));
                RegistrationReport registration = await registrar.RegisterAsync(contracts).ConfigureAwait(false);
                // A contract that cannot be registered as it is (a reference with no subject) is bad input, not an unavailable registry.
                ReportFinding? failure = !registration.Succeeded && registration.Error != null
                    ? ReportBuilder.General(registration.Error is SchemaException ? GateOutput.MalformedCode : GateOutput.UnavailableCode, registration.Message)
                    : null;
                GateReport report = GateOutput.Report(registration.Results, registry.DisplayName);
                int exit = report.ExitCode;
                if (exit == Program.Ok && !registration.Succeeded) exit = Program.Failed;

                ReportFormat format = Common.Format(options);
                if (format == ReportFormat.Text)
                {
                    TextReport.Write(stdout, report, paint: context.Palette.Paint);
                    foreach (RegisteredContract registered in registration.Registered)
                    {
                        string references = registered.References.Count == 0 ? "" :
                            " referencing " + string.Join(", ", registered.References.Select(r => $"{r.Subject} v{r.Version} as '{r.Name}'"));
                        stdout.WriteLine($"registered {registered.Subject} version {registered.Version} from {registered.Contract.DisplayPath}{references}");
                    }
                    stdout.WriteLine(context.Palette.Paint(Program.OneLine(registration.Message), registration.Succeeded ? TextTone.Good : TextTone.Bad));
                }
                else
                {
                    GateReport withFailure = failure == null ? report : GateOutput.Report(registration.Results, registry.DisplayName, new[] { failure });
                    ReportFormats.Write(format, stdout, withFailure, registerHint: false, () => JsonReport.Serialize(JsonReport.Register(withFailure, registration)), context.Palette);
                }
                if (failure != null) stderr.WriteLine(MsBuildFormat.Line(failure));
                return exit;
            });
        }
    }
}
