using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov check</c>: the contract gate outside MSBuild.</summary>
    internal static class CheckCommand
    {
        internal static readonly string[] GateOptionNames = { "contracts", "registry", "level", "policy", "format", "timeout", "retries" };

        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            Arguments options = Arguments.Parse(args, GateOptionNames);
            if (options.Help)
            {
                stdout.WriteLine(Usage.Check);
                return Program.Ok;
            }
            return GateRun.Execute(options, stdout, stderr, requireExistingRegistry: true, async (registry, gateOptions, contracts) =>
            {
                var gate = new ContractGate(registry, gateOptions, Program.Formats);
                IReadOnlyList<ContractResult> results = await gate.CheckAsync(contracts).ConfigureAwait(false);
                if (Common.Json(options))
                {
                    stdout.WriteLine(Common.ToJson(new Dictionary<string, object?>
                    {
                        ["compatible"] = GateOutput.ExitCode(results) == Program.Ok,
                        ["registry"] = DisplayPaths.Of(registry.DisplayName),
                        ["contracts"] = results.Select(GateOutput.ResultJson).ToList(),
                    }));
                }
                else
                {
                    GateOutput.WriteText(stdout, results, registerHint: true);
                }
                return GateOutput.ExitCode(results);
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
        public static int Execute(Arguments options, TextWriter stdout, TextWriter stderr, bool requireExistingRegistry,
            Func<ISchemaRegistry, GateOptions, IReadOnlyList<Contract>, Task<int>> body)
        {
            string contractsRoot = options.Get("contracts") ?? "contracts";
            var gateOptions = new GateOptions
            {
                Compatibility = Common.Level(options),
                Engine = Common.Engine(options),
                ContractsRoot = Path.GetFullPath(contractsRoot),
            };
            Common.Json(options); // validates --format before any work
            string defaultRegistry = Path.Combine(contractsRoot, "registry");
            RegistryOptions registryOptions = Common.Registry(options, defaultRegistry);
            if (requireExistingRegistry && !registryOptions.IsRemote && registryOptions.Location != defaultRegistry && !Directory.Exists(registryOptions.Location))
            {
                Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, $"the registry directory '{registryOptions.Location}' does not exist");
                return Program.Failed;
            }
            try
            {
                string? registryDirectory = registryOptions.IsRemote ? null : registryOptions.Location;
                IReadOnlyList<Contract> contracts = ContractDiscovery.Find(contractsRoot, registryDirectory);
                ISchemaRegistry registry = SchemaRegistries.Open(registryOptions);
                try
                {
                    return body(registry, gateOptions, contracts).GetAwaiter().GetResult();
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
}
