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
            Common.Format(options); // validates --format before any work
            GateInputs? inputs = Inputs(options, context, requireExistingRegistry, out _, out int exit);
            if (inputs == null) return exit;

            RegistryOptions registryOptions = inputs.Registry;
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
            catch (Exception e) when (ReportedFailure(e, context.Error))
            {
                return Program.Failed;
            }
        }

        /// <summary>
        /// The contracts, registry and options of the project in effect (or of the contracts directory), exactly as
        /// every gate command resolves them; null, with <paramref name="exit"/> set and the reason printed, when they
        /// cannot be had or a registry directory that must exist does not.
        /// </summary>
        public static GateInputs? Inputs(ParsedOptions options, CliContext context, bool requireExistingRegistry, out string? project, out int exit)
        {
            project = ProjectMode.Find(options);
            GateInputs? inputs = project != null
                ? GateInputs.FromProject(options, project, context.Out, context.Error, requireExistingRegistry, out exit)
                : GateInputs.FromDirectory(options, requireExistingRegistry, out exit);
            if (inputs == null) return null;

            RegistryOptions registry = inputs.Registry;
            if (inputs.RequireExistingRegistry && !registry.IsRemote && !Directory.Exists(registry.Location))
            {
                Common.WriteError(context.Error, null, 0, 0, GateOutput.UnavailableCode, $"the registry directory '{registry.Location}' does not exist");
                exit = Program.Failed;
                return null;
            }
            return inputs;
        }

        /// <summary>A malformed contract (EG1002) or an unavailable registry (EG1003): one line on stderr, then exit 2.</summary>
        public static bool ReportedFailure(Exception e, TextWriter stderr)
        {
            switch (e)
            {
                case SchemaException schema:
                    Common.WriteError(stderr, schema.File, schema.Line, schema.Column, GateOutput.MalformedCode, schema.Problem);
                    return true;
                case RegistryUnavailableException unavailable:
                    Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, unavailable.Message);
                    return true;
                default:
                    return false;
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
