using System.Collections.Generic;
using System.Threading.Tasks;
using EventGovernance.Registry;

namespace EventGovernance.TestSupport
{
    /// <summary>Runs the gate and the registrar over the contracts a test wrote under <c>&lt;dir&gt;/contracts</c>.</summary>
    internal static class ContractRuns
    {
        /// <summary>Gate options whose contracts root is <c>&lt;dir&gt;/contracts</c>.</summary>
        public static GateOptions ContractsRootOptions(this TempDirectory dir) =>
            new GateOptions { ContractsRoot = dir.Combine("contracts") };

        public static IReadOnlyList<Contract> Contracts(this TempDirectory dir) =>
            ContractDiscovery.Find(dir.Combine("contracts"), null);

        public static Task<IReadOnlyList<ContractResult>> CheckContractsAsync(this TempDirectory dir, ISchemaRegistry registry, GateOptions options) =>
            new ContractGate(registry, options).CheckAsync(dir.Contracts());

        public static Task<RegistrationReport> RegisterContractsAsync(this TempDirectory dir, ISchemaRegistry registry, GateOptions options) =>
            new ContractRegistrar(registry, options).RegisterAsync(dir.Contracts());
    }
}
