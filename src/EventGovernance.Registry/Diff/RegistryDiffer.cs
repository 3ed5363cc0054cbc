using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Diff
{
    /// <summary>
    /// <c>eventgov diff --registry</c>: the gate's verdict for every contract against the latest registered version,
    /// the BACKWARD, FORWARD and FULL verdicts beside it for information (as against a git ref), and the subjects
    /// registered but no longer in the working tree, when that can be known.
    /// </summary>
    public sealed class RegistryDiffer
    {
        private static readonly CompatibilityLevel[] InformationLevels = { CompatibilityLevel.Backward, CompatibilityLevel.Forward, CompatibilityLevel.Full };

        private readonly ISchemaRegistry _registry;
        private readonly GateOptions _options;
        private readonly Func<SchemaType, ISchemaFormat> _formats;

        public RegistryDiffer(ISchemaRegistry registry, GateOptions options, Func<SchemaType, ISchemaFormat> formats)
        {
            _registry = registry;
            _options = options;
            _formats = formats;
        }

        /// <param name="contractsRoot">
        /// Where this repository's contracts live. Only an embedded registry inside it holds this repository's subjects
        /// alone, so only then is a registered subject without a contract called out as removed; a remote registry (or
        /// an embedded one elsewhere) is shared with other repositories, and its other subjects are not ours to report.
        /// </param>
        public async Task<IReadOnlyList<DiffOutcome>> DiffAsync(IReadOnlyList<Contract> contracts, string? contractsRoot, CancellationToken cancellationToken = default)
        {
            IReadOnlyList<GateEvaluation> evaluations = await new ContractGate(_registry, _options, _formats)
                .EvaluateAsync(contracts, cancellationToken).ConfigureAwait(false);
            var outcomes = evaluations.Select(Outcome).ToList();
            if (OwnsEveryRegisteredSubject(contractsRoot))
                outcomes.AddRange(await RemovedAsync(contracts, cancellationToken).ConfigureAwait(false));
            return outcomes;
        }

        private DiffOutcome Outcome(GateEvaluation evaluation)
        {
            ContractResult result = evaluation.Result;
            DiffChange change = result.Status == ContractStatus.New ? DiffChange.Added : DiffChange.Kept;
            if (evaluation.Parsed == null || evaluation.Previous == null || (result.Status != ContractStatus.Compatible && result.Status != ContractStatus.Breaking))
                return new DiffOutcome(result, change, null, Array.Empty<LevelVerdict>());

            // The subject's own level keeps the gate's verdict (a remote registry's wins); the others are our engine's, against the latest version.
            ISchemaFormat format = _formats(result.Contract.Type);
            var history = new[] { evaluation.Previous };
            IReadOnlyList<LevelVerdict> verdicts = InformationLevels
                .Select(l => new LevelVerdict(l, l == result.Level
                    ? result.Status == ContractStatus.Compatible
                    : CompatibilityChecker.Check(format, evaluation.Parsed, history, l, _options.Engine).IsCompatible))
                .ToList();
            return new DiffOutcome(result, change, null, verdicts);
        }

        private bool OwnsEveryRegisteredSubject(string? contractsRoot)
        {
            if (contractsRoot == null || !(_registry is EmbeddedRegistry embedded)) return false;
            string root = Path.GetFullPath(contractsRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return Path.GetFullPath(embedded.Root).StartsWith(root, StringComparison.Ordinal);
        }

        private async Task<IReadOnlyList<DiffOutcome>> RemovedAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
        {
            var published = new HashSet<string>(contracts.Select(c => c.Subject), StringComparer.Ordinal);
            var removed = new List<DiffOutcome>();
            foreach (string subject in await _registry.GetSubjectsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (published.Contains(subject)) continue;
                IReadOnlyList<int> versions = await _registry.GetVersionsAsync(subject, cancellationToken).ConfigureAwait(false);
                int latest = versions[versions.Count - 1];
                RegisteredSchema schema = await _registry.GetSchemaAsync(subject, latest, cancellationToken).ConfigureAwait(false);
                string file = schema.Location ?? subject;
                var contract = new Contract(file, subject, schema.Type);
                string message = $"subject '{Echo.Cut(subject)}' was removed: version {latest} is registered but no contract in the working tree publishes it any more";
                removed.Add(new DiffOutcome(new ContractResult(contract, ContractStatus.Removed, CompatibilityLevel.Backward, Array.Empty<Difference>(), message),
                    DiffChange.Removed, null, Array.Empty<LevelVerdict>()));
            }
            return removed;
        }
    }
}
