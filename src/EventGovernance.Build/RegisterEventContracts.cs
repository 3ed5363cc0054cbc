using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using Microsoft.Build.Framework;
using Tasks = System.Threading.Tasks;

namespace EventGovernance.Build
{
    /// <summary>
    /// Registers the project's changed event contracts (<c>dotnet build -t:EventGovernanceRegister</c>) with
    /// the very items, subjects and levels the check uses, and only when every contract passes: it is
    /// <see cref="CheckEventContracts"/> with <see cref="ContractRegistrar"/> in place of the bare gate, so
    /// a breaking change is reported as the same EG1001 errors and nothing is registered.
    /// </summary>
    public sealed class RegisterEventContracts : CheckEventContracts
    {
        private RegistrationReport? _report;

        // Registering nothing because the registry was down must never look like success.
        protected override bool UnavailableIsAlwaysError => true;

        // Registering a project of C# types only: say why nothing is registered, rather than nothing at all.
        protected override string? OnlyEventTypesMessage => "EventGovernance: " + GateMessages.OnlyEventTypes(null) + ".";

        protected override async Tasks.Task<IReadOnlyList<ContractResult>> RunGateAsync(ISchemaRegistry registry, GateOptions options,
            IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
        {
            _report = await new ContractRegistrar(registry, options).RegisterAsync(contracts, cancellationToken).ConfigureAwait(false);
            return _report.Results;
        }

        protected override bool Conclude(bool passed, string registryName)
        {
            RegistrationReport? report = _report;
            if (report == null) return passed; // no contracts: nothing to register
            if (report.Succeeded)
            {
                foreach (RegisteredContract registered in report.Registered)
                {
                    string references = registered.References.Count == 0 ? "" :
                        " referencing " + string.Join(", ", registered.References.Select(r => $"{r.Subject} v{r.Version} as '{r.Name}'"));
                    Log.LogMessage(MessageImportance.High,
                        $"{registered.Contract.DisplayPath}: registered subject '{registered.Subject}' version {registered.Version} in {registryName}{references}.");
                }
                Log.LogMessage(MessageImportance.High, "EventGovernance: " + Secrets.Scrub(report.Message));
                return true;
            }
            if (!passed)
            {
                // The check's errors above say what breaks; this says what it means for the registry.
                Log.LogMessage(MessageImportance.High, "EventGovernance: " + Secrets.Scrub(report.Message));
                return false;
            }
            // Every contract passed but registering failed half-way (a reference with no subject, the registry refusing).
            if (report.Error is SchemaException schemaError)
                LogSchemaError(schemaError, null);
            else
                LogGateError(ErrorCodes.RegistryUnavailable, null, 0, 0, Secrets.Scrub(report.Message));
            return false;
        }
    }
}
