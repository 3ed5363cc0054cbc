using System.Collections.Generic;
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
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            Arguments options = Arguments.Parse(args, CheckCommand.GateOptionNames, flags: CheckCommand.GateFlags);
            if (options.Help)
            {
                stdout.WriteLine(Usage.Register);
                return Program.Ok;
            }
            return GateRun.Execute(options, stdout, stderr, requireExistingRegistry: false, async (registry, gateOptions, contracts) =>
            {
                var registrar = new ContractRegistrar(registry, new ContractGate(registry, gateOptions, Program.Formats));
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
                    TextReport.Write(stdout, report);
                    foreach (RegisteredContract registered in registration.Registered)
                    {
                        string references = registered.References.Count == 0 ? "" :
                            " referencing " + string.Join(", ", registered.References.Select(r => $"{r.Subject} v{r.Version} as '{r.Name}'"));
                        stdout.WriteLine($"registered {registered.Subject} version {registered.Version} from {registered.Contract.DisplayPath}{references}");
                    }
                    stdout.WriteLine(Program.OneLine(registration.Message));
                }
                else
                {
                    GateReport withFailure = failure == null ? report : GateOutput.Report(registration.Results, registry.DisplayName, new[] { failure });
                    ReportFormats.Write(format, stdout, withFailure, registerHint: false, () => JsonReport.Serialize(JsonReport.Register(withFailure, registration)));
                }
                if (failure != null) stderr.WriteLine(MsBuildFormat.Line(failure));
                return exit;
            });
        }
    }
}
