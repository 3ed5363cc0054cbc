using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Diff
{
    /// <summary>The BACKWARD, FORWARD or FULL verdict of one pair, for information beside the subject's own level.</summary>
    public sealed class LevelVerdict
    {
        public LevelVerdict(CompatibilityLevel level, bool compatible)
        {
            Level = level;
            Compatible = compatible;
        }

        public CompatibilityLevel Level { get; }
        public bool Compatible { get; }
    }

    /// <summary>One subject's outcome: the gate's kind of result, how the file moved, and the verdicts at the three levels.</summary>
    public sealed class DiffOutcome
    {
        public DiffOutcome(ContractResult result, DiffChange change, string? oldPath, IReadOnlyList<LevelVerdict> verdicts)
        {
            Result = result;
            Change = change;
            OldPath = oldPath;
            Verdicts = verdicts;
        }

        public ContractResult Result { get; }
        public DiffChange Change { get; }

        /// <summary>The file at the ref, relative to the top level; null for an added contract.</summary>
        public string? OldPath { get; }

        /// <summary>Empty when nothing was compared (added, removed, unchanged, invalid).</summary>
        public IReadOnlyList<LevelVerdict> Verdicts { get; }
    }

    /// <summary>
    /// Compares every contract of the working tree with its file at a git ref: parsed with references resolved on
    /// each side from its own tree, checked at the subject's level (resolved as the gate resolves it: item metadata,
    /// --level or the property, the registry's subject and global config, else BACKWARD), and at BACKWARD, FORWARD
    /// and FULL for information.
    /// </summary>
    public sealed class ContractDiffer
    {
        private static readonly string[] SkippedDirectories = { "bin", "obj", "node_modules" };
        private static readonly CompatibilityLevel[] InformationLevels = { CompatibilityLevel.Backward, CompatibilityLevel.Forward, CompatibilityLevel.Full };

        private readonly GitRepository _repository;
        private readonly GitTree _tree;
        private readonly GateOptions _options;
        private readonly ISchemaRegistry? _levels;
        private readonly Func<SchemaType, ISchemaFormat> _formats;
        private readonly string _versionName;
        private Task<CompatibilityLevel?>? _globalLevel;

        /// <param name="levels">Where subject and global levels are configured (the gate's registry); null for none.</param>
        public ContractDiffer(GitRepository repository, GitTree tree, GateOptions options, ISchemaRegistry? levels, Func<SchemaType, ISchemaFormat> formats)
        {
            _repository = repository;
            _tree = tree;
            _options = options;
            _levels = levels;
            _formats = formats;
            _versionName = $"the version at {tree.Revision.Name}";
        }

        /// <summary>The working tree's path relative to the top level, '/' separated; null outside the repository.</summary>
        public string? RelativePath(string fullPath)
        {
            string top = _repository.TopLevel.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(fullPath);
            return full.StartsWith(top, StringComparison.Ordinal) ? full.Substring(top.Length).Replace('\\', '/') : null;
        }

        /// <param name="registryDirectory">The embedded registry's directory, never a contract directory; null for none.</param>
        public async Task<IReadOnlyList<DiffOutcome>> DiffAsync(IReadOnlyList<Contract> contracts, string? registryDirectory, CancellationToken cancellationToken = default)
        {
            var working = new List<(Contract Contract, string Path)>();
            foreach (Contract contract in contracts)
            {
                string path = RelativePath(contract.FilePath)
                    ?? throw new GitException($"{contract.DisplayPath} is outside the git repository at {_repository.TopLevel}; diff compares files of one repository");
                working.Add((contract, path));
            }
            string? registry = registryDirectory == null ? null : RelativePath(registryDirectory)?.TrimEnd('/') + "/";
            var workingPaths = new HashSet<string>(working.Select(w => w.Path), StringComparer.Ordinal);
            IReadOnlyList<string> oldContracts = _tree.Paths.Where(p => IsOldContract(p, registry, workingPaths)).ToList();

            var outcomes = new List<DiffOutcome>();
            IReadOnlyList<string> newAvroDirectories = contracts.Where(c => c.Type == SchemaType.Avro)
                .Select(c => Path.GetDirectoryName(Path.GetFullPath(c.FilePath))!).Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal).ToList();
            IReadOnlyList<string> oldAvroDirectories = oldContracts.Where(p => SchemaTypes.FromFileName(p) == SchemaType.Avro)
                .Select(p => p.Substring(0, p.LastIndexOf('/') + 1)).Distinct(StringComparer.Ordinal).OrderBy(d => d, StringComparer.Ordinal).ToList();
            foreach (ContractPair pair in ContractPairing.Pair(working, oldContracts))
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(pair.Contract == null
                    ? Removed(pair.OldPath!)
                    : await CompareAsync(pair, pair.Contract, newAvroDirectories, oldAvroDirectories, cancellationToken).ConfigureAwait(false));
            }
            return outcomes;
        }

        /// <summary>
        /// A contract file at the ref, as discovery would have found it then. A file the working tree still has but
        /// does not treat as a contract (a project's items name only some files) is not one either.
        /// </summary>
        private bool IsOldContract(string path, string? registry, HashSet<string> workingPaths)
        {
            if (!ContractDiscovery.IsContractFile(path) || ContractDiscovery.DefaultSubject(path).Length == 0) return false;
            if (registry != null && path.StartsWith(registry, StringComparison.Ordinal)) return false;
            string[] directories = path.Substring(_tree.Root.Length).Split('/');
            if (directories.Take(directories.Length - 1).Any(d => d.StartsWith(".", StringComparison.Ordinal) || SkippedDirectories.Contains(d, StringComparer.OrdinalIgnoreCase)))
                return false;
            return workingPaths.Contains(path) || !File.Exists(Path.Combine(_repository.TopLevel, path));
        }

        private DiffOutcome Removed(string oldPath)
        {
            var contract = new Contract(Path.Combine(_repository.TopLevel, oldPath), ContractDiscovery.DefaultSubject(oldPath), SchemaTypes.FromFileName(oldPath)!.Value,
                displayPath: oldPath);
            string message = $"subject '{Echo.Cut(contract.Subject)}' was removed: {oldPath} is at {_tree.Revision.Name} but not in the working tree, so nothing publishes it any more";
            return new DiffOutcome(new ContractResult(contract, ContractStatus.Removed, CompatibilityLevel.Backward, Array.Empty<Difference>(), message),
                DiffChange.Removed, oldPath, Array.Empty<LevelVerdict>());
        }

        private async Task<DiffOutcome> CompareAsync(ContractPair pair, Contract contract, IReadOnlyList<string> newAvroDirectories,
            IReadOnlyList<string> oldAvroDirectories, CancellationToken cancellationToken)
        {
            string fullPath = Path.GetFullPath(contract.FilePath);
            CompatibilityLevel level = CompatibilityLevel.Backward;
            string moved = pair.Change == DiffChange.Renamed ? $"moved from {pair.OldPath}; " : "";
            try
            {
                level = await LevelAsync(contract, cancellationToken).ConfigureAwait(false);
                ISchemaFormat format = _formats(contract.Type);
                string root = _options.ContractsRoot ?? Path.GetDirectoryName(fullPath)!;
                var recorder = new RecordingResolver(new ContractsRootResolver(root, contract.Type == SchemaType.Avro ? newAvroDirectories : null), avroNames: contract.Type == SchemaType.Avro);
                SchemaSource candidate = SchemaSource.FromFile(fullPath, contract.Type, recorder);
                ParsedSchema parsed = format.Parse(candidate);
                if (contract.Type == SchemaType.Json) UnreachedJsonReferences.Resolve(candidate, recorder);

                if (pair.Change == DiffChange.Added)
                {
                    var added = new ContractResult(contract, ContractStatus.New, level, Array.Empty<Difference>(),
                        $"new subject '{Echo.Cut(contract.Subject)}': it is not at {_tree.Revision.Name}, so there is nothing to break");
                    return new DiffOutcome(Linted(added, parsed, null), pair.Change, null, Array.Empty<LevelVerdict>());
                }

                string oldPath = pair.OldPath!;
                if (SchemaTypes.FromFileName(oldPath) != contract.Type)
                    throw new SchemaException(contract.DisplayPath, $"the contract is {contract.Type.ToRegistryName()} but {_tree.SourceName(oldPath)} is not; a subject cannot change its schema type");
                var oldResolver = new RecordingResolver(new GitTreeResolver(_tree, contract.Type == SchemaType.Avro ? oldAvroDirectories : null), avroNames: contract.Type == SchemaType.Avro);
                SchemaSource old = _tree.Source(oldPath, contract.Type, oldResolver);

                bool sameText = EmbeddedRegistry.SameText(old.Text, candidate.Text);
                if (sameText && SameReferencedFiles(recorder))
                {
                    return new DiffOutcome(new ContractResult(contract, ContractStatus.Unchanged, level, Array.Empty<Difference>(),
                        moved + $"identical to {_versionName}", referencedFiles: recorder.ResolvedFiles()), pair.Change, oldPath, Array.Empty<LevelVerdict>());
                }

                ParsedSchema parsedOld;
                try
                {
                    parsedOld = format.Parse(old);
                }
                catch (Exception e) when (e is SchemaException || e is NotSupportedException)
                {
                    // A broken version at the ref must not fail the change that repairs it: the working tree decides.
                    SchemaException unreadable = e as SchemaException ?? new SchemaException(old.Path, e.Message, e);
                    var repaired = new ContractResult(contract, ContractStatus.New, level, Array.Empty<Difference>(),
                        moved + $"{_versionName} cannot be read, so '{Echo.Cut(contract.Subject)}' is checked as if added: nothing to break",
                        referencedFiles: recorder.ResolvedFiles()) { UnreadableOldVersion = unreadable };
                    return new DiffOutcome(Linted(repaired, parsed, null), DiffChange.Added, oldPath, Array.Empty<LevelVerdict>());
                }
                var history = new[] { parsedOld };
                CompatibilityResult result = CompatibilityChecker.Check(format, parsed, history, level, _options.Engine);
                IReadOnlyList<ContractFinding> findings = result.Checks
                    .SelectMany(check => check.Differences.Select(d => new ContractFinding(ContractGate.ForDisplay(d, contract, fullPath), 1, check.Direction, old.Path, _versionName)))
                    .ToList();
                IReadOnlyList<LevelVerdict> verdicts = InformationLevels
                    .Select(l => new LevelVerdict(l, l == level ? result.IsCompatible : CompatibilityChecker.Check(format, parsed, history, l, _options.Engine).IsCompatible))
                    .ToList();
                string message = moved + Summary(contract, level, result);
                if (sameText) message += "; its own text is unchanged, but the schemas it references changed";
                var changed = new ContractResult(contract, result.IsCompatible ? ContractStatus.Compatible : ContractStatus.Breaking, level, findings, message,
                    referencedFiles: recorder.ResolvedFiles());
                return new DiffOutcome(Linted(changed, parsed, parsedOld), pair.Change, oldPath, verdicts);
            }
            catch (Exception e) when (e is SchemaException || e is NotSupportedException)
            {
                SchemaException error = ContractGate.ForDisplay(e, contract, fullPath);
                return new DiffOutcome(new ContractResult(contract, ContractStatus.Invalid, level, Array.Empty<Difference>(), error.Message, error),
                    pair.Change, pair.OldPath, Array.Empty<LevelVerdict>());
            }
        }

        /// <summary>
        /// An added or changed contract carries its lint findings, as the gate's do: a review sees the design problems
        /// of what the pull request touches (the version at the ref stands in for the registered one).
        /// </summary>
        private ContractResult Linted(ContractResult result, ParsedSchema parsed, ParsedSchema? previous)
        {
            if (_options.Lint)
                result.Lint = Lint.ContractLinter.Lint(new Lint.LintInput(result.Contract, parsed, result.Level, previous, result.Status == ContractStatus.Breaking));
            return result;
        }

        /// <summary>Every file the working contract references has the same text at the ref, at the same path.</summary>
        private bool SameReferencedFiles(RecordingResolver recorder)
        {
            foreach (string file in recorder.ResolvedFiles())
            {
                string? path = RelativePath(file);
                string? old = path == null ? null : _tree.Read(path);
                if (old == null || !EmbeddedRegistry.SameText(old, File.ReadAllText(file))) return false;
            }
            return true;
        }

        private string Summary(Contract contract, CompatibilityLevel level, CompatibilityResult result)
        {
            int breaking = result.BreakingDifferences.Count();
            string subject = Echo.Cut(contract.Subject);
            if (result.IsCompatible) return $"compatible with {_versionName} of '{subject}' at {level.ToRegistryName()}";
            return breaking == 1
                ? $"1 breaking change against {_versionName} of '{subject}' at {level.ToRegistryName()}"
                : $"{breaking} breaking changes against {_versionName} of '{subject}' at {level.ToRegistryName()}";
        }

        /// <summary>The gate's order: item metadata, the run's level, the registry's subject config, its global config, BACKWARD.</summary>
        private async Task<CompatibilityLevel> LevelAsync(Contract contract, CancellationToken cancellationToken)
        {
            if (contract.Compatibility != null) return contract.Compatibility.Value;
            if (_options.Compatibility != null) return _options.Compatibility.Value;
            if (_levels == null) return CompatibilityLevel.Backward;
            CompatibilityLevel? subject = await _levels.GetCompatibilityAsync(contract.Subject, cancellationToken).ConfigureAwait(false);
            if (subject != null) return subject.Value;
            _globalLevel ??= _levels.GetCompatibilityAsync(null, cancellationToken);
            return await _globalLevel.ConfigureAwait(false) ?? CompatibilityLevel.Backward;
        }
    }
}
