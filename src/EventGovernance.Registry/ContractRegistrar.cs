using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>One version the registrar registered.</summary>
    public sealed class RegisteredContract
    {
        public RegisteredContract(Contract contract, int version, IReadOnlyList<SchemaReference> references)
        {
            Contract = contract;
            Version = version;
            References = references;
        }

        public Contract Contract { get; }
        public string Subject => Contract.Subject;
        public int Version { get; }
        public IReadOnlyList<SchemaReference> References { get; }
    }

    public sealed class RegistrationReport
    {
        public RegistrationReport(bool succeeded, IReadOnlyList<ContractResult> results, IReadOnlyList<RegisteredContract> registered,
            string message, Exception? error = null)
        {
            Succeeded = succeeded;
            Results = results;
            Registered = registered;
            Message = message;
            Error = error;
        }

        /// <summary>True when every contract passed and every changed one was registered.</summary>
        public bool Succeeded { get; }

        /// <summary>The gate's verdict for every contract.</summary>
        public IReadOnlyList<ContractResult> Results { get; }

        /// <summary>What is registered now because of this run (empty when it failed and was undone).</summary>
        public IReadOnlyList<RegisteredContract> Registered { get; }

        public string Message { get; }

        /// <summary>What stopped the registration half-way, if anything did.</summary>
        public Exception? Error { get; }
    }

    /// <summary>
    /// Registers the changed contracts (New or Compatible) as new versions, but only when every contract
    /// passes the gate. Referenced contracts are registered first and referenced at the version they get.
    /// If a registration fails half-way, the versions registered by this run are taken back where the
    /// registry allows it (the embedded registry); the Confluent client offers no deletion, so there the
    /// report names exactly what stayed registered, and running again completes the rest, because
    /// registering an identical schema again is a no-op that returns its existing version.
    /// </summary>
    public sealed class ContractRegistrar
    {
        private readonly ISchemaRegistry _registry;
        private readonly ContractGate _gate;

        public ContractRegistrar(ISchemaRegistry registry, GateOptions options)
            : this(registry, new ContractGate(registry, options))
        {
        }

        internal ContractRegistrar(ISchemaRegistry registry, ContractGate gate)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _gate = gate;
        }

        public async Task<RegistrationReport> RegisterAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken = default)
        {
            IReadOnlyList<GateEvaluation> evaluations = await _gate.EvaluateAsync(contracts, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ContractResult> results = evaluations.Select(e => e.Result).ToList();

            // An Error-level lint finding (EG1103, EG1105 by default) fails a contract as a breaking change does.
            var failing = results.Where(r => r.Status == ContractStatus.Breaking || r.Status == ContractStatus.Invalid
                || r.Lint.Any(f => f.Severity == Lint.LintSeverity.Error)).ToList();
            if (failing.Count > 0)
            {
                return new RegistrationReport(false, results, Array.Empty<RegisteredContract>(),
                    $"nothing registered: {failing.Count} contract(s) do not pass ({string.Join(", ", failing.Select(f => f.Contract.Subject))})");
            }

            List<GateEvaluation> changed = evaluations
                .Where(e => e.Result.Status == ContractStatus.New || e.Result.Status == ContractStatus.Compatible)
                .ToList();
            List<GateEvaluation> ordered;
            try
            {
                ordered = ReferencedFirst(changed);
            }
            catch (SchemaException e)
            {
                return new RegistrationReport(false, results, Array.Empty<RegisteredContract>(), "nothing registered: " + e.Message, e);
            }

            var registered = new List<RegisteredContract>();
            var created = new List<RegisteredContract>(); // versions that did not exist before this run
            var versionOf = new Dictionary<string, int>(StringComparer.Ordinal);
            try
            {
                foreach (GateEvaluation evaluation in ordered)
                {
                    Contract contract = evaluation.Result.Contract;
                    var references = new List<SchemaReference>();
                    foreach (ContractDependency dependency in evaluation.Dependencies)
                    {
                        string subject = dependency.Contract!.Subject;
                        if (!versionOf.TryGetValue(subject, out int version))
                            version = await LatestVersionAsync(subject, cancellationToken).ConfigureAwait(false);
                        references.Add(new SchemaReference(dependency.Name, subject, version));
                    }
                    IReadOnlyList<int> before = await _registry.GetVersionsAsync(contract.Subject, cancellationToken).ConfigureAwait(false);
                    int registeredVersion = await _registry.RegisterAsync(contract.Subject, contract.Type, evaluation.Text!, references, cancellationToken).ConfigureAwait(false);
                    var entry = new RegisteredContract(contract, registeredVersion, references);
                    registered.Add(entry);
                    if (!before.Contains(registeredVersion)) created.Add(entry);
                    versionOf[contract.Subject] = registeredVersion;
                }
            }
            catch (Exception e) when (e is RegistryUnavailableException || e is IOException || e is UnauthorizedAccessException)
            {
                return await UndoAsync(results, registered, created, e).ConfigureAwait(false);
            }

            string message = registered.Count == 0
                ? "nothing to register: every contract is unchanged"
                : "registered " + string.Join(", ", registered.Select(r => $"{r.Subject} v{r.Version}"));
            return new RegistrationReport(true, results, registered, message);
        }

        private async Task<RegistrationReport> UndoAsync(IReadOnlyList<ContractResult> results, List<RegisteredContract> registered,
            List<RegisteredContract> created, Exception error)
        {
            if (_registry is IRollbackRegistry rollback)
            {
                for (int i = created.Count - 1; i >= 0; i--)
                    await rollback.RemoveVersionAsync(created[i].Subject, created[i].Version).ConfigureAwait(false);
                return new RegistrationReport(false, results, Array.Empty<RegisteredContract>(),
                    $"nothing registered: {error.Message}" + (created.Count > 0 ? $" (undid {string.Join(", ", created.Select(c => $"{c.Subject} v{c.Version}"))})" : ""),
                    error);
            }
            string kept = registered.Count == 0
                ? "nothing was registered"
                : "already registered and kept (the registry cannot take them back; run again to register the rest): " + string.Join(", ", registered.Select(r => $"{r.Subject} v{r.Version}"));
            return new RegistrationReport(false, results, registered, $"registration stopped: {error.Message}; {kept}", error);
        }

        private async Task<int> LatestVersionAsync(string subject, CancellationToken cancellationToken)
        {
            IReadOnlyList<int> versions = await _registry.GetVersionsAsync(subject, cancellationToken).ConfigureAwait(false);
            if (versions.Count == 0)
                throw new RegistryUnavailableException($"referenced subject '{Echo.Cut(subject)}' has no registered version in {_registry.DisplayName}");
            return versions[versions.Count - 1];
        }

        /// <summary>Orders the changed contracts so every referenced contract comes before the contracts that reference it.</summary>
        private static List<GateEvaluation> ReferencedFirst(List<GateEvaluation> changed)
        {
            var bySubject = changed.ToDictionary(e => e.Result.Contract.Subject, StringComparer.Ordinal);
            var ordered = new List<GateEvaluation>();
            var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done

            void Visit(GateEvaluation evaluation)
            {
                Contract contract = evaluation.Result.Contract;
                if (state.TryGetValue(contract.Subject, out bool done))
                {
                    if (!done) throw new SchemaException(contract.DisplayPath, "the contract references itself through other contracts (a reference cycle)");
                    return;
                }
                state[contract.Subject] = false;
                foreach (ContractDependency dependency in evaluation.Dependencies)
                {
                    if (dependency.Contract == null)
                        throw new SchemaException(contract.DisplayPath, dependency.NotAContractProblem());
                    if (bySubject.TryGetValue(dependency.Contract.Subject, out GateEvaluation? referenced)) Visit(referenced);
                }
                state[contract.Subject] = true;
                ordered.Add(evaluation);
            }

            foreach (GateEvaluation evaluation in changed) Visit(evaluation);
            return ordered;
        }
    }
}
