using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Cli.Reporting;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov check</c>: the contract gate outside MSBuild.</summary>
    internal static class CheckCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var command = new Command("check", "Check the repository's contracts against the registry (the build gate, outside MSBuild).");
            GateCommandOptions.AddTo(command);
            command.SetAction(parsed => Run(new ParsedOptions(parsed, context), context));
            return command;
        }

        private static int Run(ParsedOptions options, CliContext context)
        {
            return GateRun.Execute(options, context, requireExistingRegistry: true, async (registry, gateOptions, contracts) =>
            {
                var gate = new ContractGate(registry, gateOptions, context.Formats);
                IReadOnlyList<ContractResult> results = await gate.CheckAsync(contracts).ConfigureAwait(false);
                GateReport report = GateOutput.Report(results, registry.DisplayName);
                ReportFormats.Write(Common.Format(options), context.Out, report, registerHint: true, () => JsonReport.Serialize(JsonReport.Check(report)), context.Palette);
                return report.ExitCode;
            });
        }
    }

    /// <summary>What check and register share: finding the contracts, opening the registry, and turning failures into exit code 2.</summary>
    internal static class GateRun
    {
        /// <param name="requireExistingRegistry">
        /// True for check: a registry directory named explicitly must exist, or a mistyped path would pass every
        /// contract as new. The default directory may be absent (a repository with nothing registered yet),
        /// and register creates the directory it is given.
        /// </param>
        public static int Execute(ParsedOptions options, CliContext context, bool requireExistingRegistry,
            Func<ISchemaRegistry, GateOptions, IReadOnlyList<Contract>, Task<int>> body)
        {
            TextWriter stdout = context.Out;
            TextWriter stderr = context.Error;
            Common.Format(options); // validates --format before any work
            string? project = ProjectMode.Find(options);
            GateInputs? inputs = project != null
                ? GateInputs.FromProject(options, project, stdout, stderr, requireExistingRegistry, out int exit)
                : GateInputs.FromDirectory(options, requireExistingRegistry, out exit);
            if (inputs == null) return exit;

            RegistryOptions registryOptions = inputs.Registry;
            if (inputs.RequireExistingRegistry && !registryOptions.IsRemote && !Directory.Exists(registryOptions.Location))
            {
                Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, $"the registry directory '{registryOptions.Location}' does not exist");
                return Program.Failed;
            }
            try
            {
                IReadOnlyList<Contract> contracts = inputs.FindContracts();
                if (contracts.Count == 0 && inputs.EventTypes > 0 && Common.Format(options) == ReportFormat.Text)
                {
                    // C# types only: nothing for check or register to do, and "0 contract(s)" would read as a mistake.
                    stdout.WriteLine(GateMessages.OnlyEventTypes(inputs.EventTypes));
                    return Program.Ok;
                }
                ISchemaRegistry registry = SlowRegistryNotice.Open(registryOptions, context);
                try
                {
                    return body(registry, inputs.Gate, contracts).GetAwaiter().GetResult();
                }
                finally
                {
                    (registry as IDisposable)?.Dispose();
                }
            }
            catch (SchemaException e)
            {
                Common.WriteError(stderr, e.File, e.Line, e.Column, GateOutput.MalformedCode, e.Problem);
                return Program.Failed;
            }
            catch (RegistryUnavailableException e)
            {
                Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, e.Message);
                return Program.Failed;
            }
        }
    }

    /// <summary>The contracts, registry and gate options one check or registration runs with.</summary>
    internal sealed class GateInputs
    {
        private GateInputs(RegistryOptions registry, GateOptions gate, Func<IReadOnlyList<Contract>> findContracts, bool requireExistingRegistry, int eventTypes = 0)
        {
            EventTypes = eventTypes;
            Registry = registry;
            Gate = gate;
            FindContracts = findContracts;
            RequireExistingRegistry = requireExistingRegistry;
        }

        public RegistryOptions Registry { get; }
        public GateOptions Gate { get; }

        /// <summary>Deferred: discovery reports a bad contracts directory as a SchemaException, handled with the gate's.</summary>
        public Func<IReadOnlyList<Contract>> FindContracts { get; }

        public bool RequireExistingRegistry { get; }

        /// <summary>The project's EventType items (project mode); 0 in directory mode.</summary>
        public int EventTypes { get; }

        /// <summary>Directory mode: every contract file under --contracts (default contracts), registry in it by default.</summary>
        public static GateInputs FromDirectory(ParsedOptions options, bool requireExistingRegistry, out int exit)
        {
            exit = Program.Ok;
            string contractsRoot = options.Get("contracts") ?? "contracts";
            var gateOptions = new GateOptions
            {
                Compatibility = Common.Level(options),
                Engine = Common.Engine(options),
                ContractsRoot = Path.GetFullPath(contractsRoot),
                Lint = true,
            };
            string defaultRegistry = Path.Combine(contractsRoot, "registry");
            RegistryOptions registryOptions = Common.Registry(options, defaultRegistry);
            string? registryDirectory = registryOptions.IsRemote ? null : registryOptions.Location;
            return new GateInputs(registryOptions, gateOptions, () => ContractDiscovery.Find(contractsRoot, registryDirectory),
                requireExistingRegistry && registryOptions.Location != defaultRegistry);
        }

        /// <summary>
        /// Project mode: the project's EventContract items and EventGovernance properties, as the build uses them.
        /// Null (with the exit code) when the gate is disabled for the project or a setting is bad.
        /// </summary>
        public static GateInputs? FromProject(ParsedOptions options, string projectFile, TextWriter stdout, TextWriter stderr, bool requireExistingRegistry, out int exit)
        {
            ProjectSettings settings = ProjectSettings.Of(options, ProjectEvaluation.Evaluate(projectFile));
            if (!settings.Enabled)
            {
                string message = $"the event contract gate is disabled for {settings.DisplayName} ({ProjectProperties.Enabled} is not true); nothing checked";
                stdout.WriteLine(Common.Format(options) == ReportFormat.Json
                    ? JsonReport.Serialize(new DisabledJson(Compatible: true, Disabled: true, settings.DisplayName, message))
                    : message);
                exit = Program.Ok;
                return null;
            }
            RegistryOptions registry = settings.Registry();
            GateOptions gate = settings.Gate();
            IReadOnlyList<Contract> contracts = settings.Contracts();
            if (settings.WriteProblems(stderr))
            {
                exit = Program.Failed;
                return null;
            }
            exit = Program.Ok;
            return new GateInputs(registry, gate, () => contracts, requireExistingRegistry && settings.RegistryGivenExplicitly, settings.Project.EventTypes);
        }
    }
}
