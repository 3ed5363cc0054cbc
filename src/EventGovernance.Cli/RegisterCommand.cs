using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

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
                RegistrationReport report = await registrar.RegisterAsync(contracts).ConfigureAwait(false);
                int exit = GateOutput.ExitCode(report.Results);
                if (exit == Program.Ok && !report.Succeeded) exit = Program.Failed;

                if (Common.Json(options))
                {
                    stdout.WriteLine(Common.ToJson(new Dictionary<string, object?>
                    {
                        ["registered"] = report.Succeeded,
                        ["message"] = report.Message,
                        ["registry"] = DisplayPaths.Of(registry.DisplayName),
                        ["versions"] = report.Registered.Select(r => new Dictionary<string, object?>
                        {
                            ["subject"] = r.Subject,
                            ["version"] = r.Version,
                            ["file"] = r.Contract.DisplayPath,
                            ["references"] = r.References.Select(x => new Dictionary<string, object?> { ["name"] = x.Name, ["subject"] = x.Subject, ["version"] = x.Version }).ToList(),
                        }).ToList(),
                        ["contracts"] = report.Results.Select(GateOutput.ResultJson).ToList(),
                    }));
                }
                else
                {
                    GateOutput.WriteText(stdout, report.Results);
                    foreach (RegisteredContract registered in report.Registered)
                    {
                        string references = registered.References.Count == 0 ? "" :
                            " referencing " + string.Join(", ", registered.References.Select(r => $"{r.Subject} v{r.Version} as '{r.Name}'"));
                        stdout.WriteLine($"registered {registered.Subject} version {registered.Version} from {registered.Contract.DisplayPath}{references}");
                    }
                    stdout.WriteLine(Program.OneLine(report.Message));
                }
                // A contract that cannot be registered as it is (a reference with no subject) is bad input, not an unavailable registry.
                if (!report.Succeeded && report.Error != null)
                    Common.WriteError(stderr, null, 0, 0, report.Error is SchemaException ? GateOutput.MalformedCode : GateOutput.UnavailableCode, report.Message);
                return exit;
            });
        }
    }
}
