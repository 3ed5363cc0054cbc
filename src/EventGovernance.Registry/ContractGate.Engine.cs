using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>
    /// The gate: for each contract, read and parse it, compare it with what the registry holds at the
    /// subject's level, and (for a remote registry) ask the registry for its own verdict, which wins.
    /// </summary>
    public sealed class ContractGate : IContractGate
    {
        private const int MaxReferenceDepth = 32;

        private readonly ISchemaRegistry _registry;
        private readonly GateOptions _options;
        private readonly Func<SchemaType, ISchemaFormat> _formats;

        public ContractGate(ISchemaRegistry registry, GateOptions options)
            : this(registry, options, SchemaFormats.For)
        {
        }

        /// <summary>With another source of formats (tests exercise the gate with a small format of their own).</summary>
        internal ContractGate(ISchemaRegistry registry, GateOptions options, Func<SchemaType, ISchemaFormat> formats)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _options = options ?? new GateOptions();
            _formats = formats;
        }

        public async Task<IReadOnlyList<ContractResult>> CheckAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken = default) =>
            (await EvaluateAsync(contracts, cancellationToken).ConfigureAwait(false)).Select(e => e.Result).ToList();

        internal async Task<IReadOnlyList<GateEvaluation>> EvaluateAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
        {
            var byPath = new Dictionary<string, Contract>(StringComparer.Ordinal);
            foreach (Contract contract in contracts) byPath[Path.GetFullPath(contract.FilePath)] = contract;

            var evaluations = new List<GateEvaluation>();
            var run = new RunCache();
            foreach (Contract contract in contracts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                evaluations.Add(await EvaluateAsync(contract, byPath, run, cancellationToken).ConfigureAwait(false));
            }
            return evaluations;
        }

        private async Task<GateEvaluation> EvaluateAsync(Contract contract, IReadOnlyDictionary<string, Contract> byPath, RunCache run, CancellationToken cancellationToken)
        {
            string fullPath = Path.GetFullPath(contract.FilePath);
            CompatibilityLevel? level = null;
            try
            {
                level = await ResolveLevelAsync(contract, run, cancellationToken).ConfigureAwait(false);
                GateEvaluation evaluation = await EvaluateAsync(contract, fullPath, level.Value, byPath, cancellationToken).ConfigureAwait(false);
                if (_options.Lint && evaluation.Parsed != null)
                {
                    evaluation.Result.Lint = Lint.ContractLinter.Lint(new Lint.LintInput(contract, evaluation.Parsed, level.Value, evaluation.Previous,
                        evaluation.Result.Status == ContractStatus.Breaking));
                }
                return evaluation;
            }
            catch (Exception e) when (e is SchemaException || e is NotSupportedException)
            {
                // Bad input (the contract, a registered version, a registry file) fails this contract only;
                // a registry that cannot be reached fails the whole run (RegistryUnavailableException).
                return Invalid(contract, level ?? CompatibilityLevel.Backward, ForDisplay(e, contract, fullPath));
            }
        }

        private async Task<GateEvaluation> EvaluateAsync(Contract contract, string fullPath, CompatibilityLevel level,
            IReadOnlyDictionary<string, Contract> byPath, CancellationToken cancellationToken)
        {
            IReadOnlyList<int> versions = await _registry.GetVersionsAsync(contract.Subject, cancellationToken).ConfigureAwait(false);

            // The candidate: read and parsed with references resolved inside the contracts root only.
            string root = _options.ContractsRoot ?? Path.GetDirectoryName(fullPath)!;
            var local = new ContractsRootResolver(root, AvroSearchDirectories(contract, byPath));
            var recorder = new RecordingResolver(local, avroNames: contract.Type == SchemaType.Avro);
            // Looks up referenced files by the names the registry uses, without adding to what the recorder learnt.
            var lookup = new RecordingResolver(local, avroNames: contract.Type == SchemaType.Avro);
            ISchemaFormat format = _formats(contract.Type);
            if (SymbolicLinks.FirstBelow(root, fullPath) is string link)
                throw new SchemaException(contract.DisplayPath,
                    $"the contract passes through the symbolic link '{link}' and is refused: contracts are read only inside the contracts root ({root})");
            SchemaSource candidate = SchemaSource.FromFile(fullPath, contract.Type, recorder);
            ParsedSchema parsed = format.Parse(candidate);
            if (contract.Type == SchemaType.Json) UnreachedJsonReferences.Resolve(candidate, recorder);

            if (versions.Count == 0)
            {
                IReadOnlyList<ContractDependency> newDependencies = Dependencies(recorder, fullPath, byPath);
                RequireRegistrableReferences(contract, newDependencies, null);
                return new GateEvaluation(
                    new ContractResult(contract, ContractStatus.New, level, Array.Empty<Difference>(),
                        $"new subject '{contract.Subject}': nothing registered to break", referencedFiles: recorder.ResolvedFiles()),
                    candidate.Text, newDependencies, null) { Parsed = parsed };
            }

            int latestVersion = versions[versions.Count - 1];
            RegisteredSchema latest = await _registry.GetSchemaAsync(contract.Subject, latestVersion, cancellationToken).ConfigureAwait(false);
            // The registry identifies a schema by its text and its references: unchanged means the same text
            // and every reference resolving here to the content it names there, all the way down.
            bool sameText = latest.Type == contract.Type && EmbeddedRegistry.SameText(latest.Text, candidate.Text);
            if (sameText && await SameResolvedContentAsync(candidate, latest, lookup, 0, cancellationToken).ConfigureAwait(false))
            {
                return new GateEvaluation(
                    new ContractResult(contract, ContractStatus.Unchanged, level, Array.Empty<Difference>(),
                        $"identical to version {latestVersion} of '{contract.Subject}'", referencedFiles: recorder.ResolvedFiles()),
                    candidate.Text, Dependencies(recorder, fullPath, byPath), latestVersion) { Parsed = parsed };
            }

            // Non-transitive levels only ever look at the latest version: do not fetch the rest.
            IReadOnlyList<int> checkedVersions = level.IsTransitive() ? versions : new[] { latestVersion };
            var history = new List<ParsedSchema>();
            var registeredLocations = new List<string?>();
            foreach (int version in checkedVersions)
            {
                RegisteredSchema registered = version == latestVersion
                    ? latest
                    : await _registry.GetSchemaAsync(contract.Subject, version, cancellationToken).ConfigureAwait(false);
                if (registered.Type != contract.Type)
                    throw new SchemaException(contract.DisplayPath,
                        $"the contract is {contract.Type.ToRegistryName()} but version {version} of '{contract.Subject}' is {registered.Type.ToRegistryName()}; a subject cannot change its schema type");
                SchemaSource source = new SchemaSource(registered.Text, registered.Type, registered.Location,
                    await ResolverForAsync(registered, 0, cancellationToken).ConfigureAwait(false));
                history.Add(format.Parse(source));
                registeredLocations.Add(registered.Location);
            }
            CompatibilityResult result = CompatibilityChecker.Check(format, parsed, history, level, _options.Engine);

            IReadOnlyList<ContractDependency> dependencies = Dependencies(recorder, fullPath, byPath);
            // Each difference keeps the registered version and direction of the check that found it, so a
            // TRANSITIVE finding can say which version it breaks and who breaks.
            IReadOnlyList<ContractFinding> findings = result.Checks
                .SelectMany(check => check.Differences.Select(d => new ContractFinding(ForDisplay(d, contract, fullPath),
                    checkedVersions[check.HistoryIndex], check.Direction, registeredLocations[check.HistoryIndex])))
                .ToList();
            bool ours = result.IsCompatible;
            bool? theirs = null;
            IReadOnlyList<SchemaReference>? references = await RegisteredReferencesAsync(dependencies, cancellationToken).ConfigureAwait(false);
            // The registry resolves references at their registered versions: when a referenced contract changed
            // here, its verdict would be about the old referenced content, so it is not asked at all.
            IReadOnlyList<string> changedHere = references == null || !RegistryJudges
                ? Array.Empty<string>()
                : await ChangedReferencedSubjectsAsync(candidate, references, lookup, cancellationToken).ConfigureAwait(false);
            if (references != null && changedHere.Count == 0)
                theirs = await _registry.TestCompatibilityAsync(contract.Subject, contract.Type, candidate.Text, references, cancellationToken).ConfigureAwait(false);

            bool compatible = theirs ?? ours;
            if (compatible) RequireRegistrableReferences(contract, dependencies, latest); // a breaking change is reported as such first
            string message = Summary(contract, level, result, latestVersion, compatible);
            if (sameText) message += "; its own text is unchanged, but the schemas it references changed";
            if (changedHere.Count > 0)
            {
                message += $"; the registry {_registry.DisplayName} was not asked: it would judge against the registered version of "
                    + string.Join(", ", changedHere.Select(s => $"'{s}'"))
                    + ", which changed here and is not registered yet, so our engine's verdict stands";
            }
            if (theirs != null && theirs != ours)
            {
                message += theirs.Value
                    ? $"; the registry {_registry.DisplayName} accepts it although our engine found breaking changes: the registry's verdict wins"
                    : $"; the registry {_registry.DisplayName} rejects it although our engine found no breaking change: the registry's verdict wins";
            }
            return new GateEvaluation(
                new ContractResult(contract, compatible ? ContractStatus.Compatible : ContractStatus.Breaking, level, findings, message, theirs,
                    recorder.ResolvedFiles()),
                candidate.Text, dependencies, latestVersion) { Parsed = parsed, Previous = history[history.Count - 1] };
        }

        /// <summary>The embedded registry has no verdict of its own (our engine is the judge there): nothing to ask it.</summary>
        private bool RegistryJudges => !(_registry is EmbeddedRegistry);

        /// <summary>
        /// An Avro contract names another contract's type by full name, not by path, so the file named after
        /// the type (<c>com.acme.Address.avsc</c>) may sit in any directory holding an Avro contract of this run
        /// (e.g. a shared envelope in <c>contracts/envelope/</c> used from <c>contracts/orders/</c>).
        /// The referencing file's own directory and the contracts root are still searched first.
        /// </summary>
        private static IEnumerable<string>? AvroSearchDirectories(Contract contract, IReadOnlyDictionary<string, Contract> byPath) =>
            contract.Type != SchemaType.Avro
                ? null
                : byPath.Where(c => c.Value.Type == SchemaType.Avro)
                    .Select(c => Path.GetDirectoryName(c.Key)!)
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(d => d, StringComparer.Ordinal)
                    .ToList();

        private static string Summary(Contract contract, CompatibilityLevel level, CompatibilityResult result, int latestVersion, bool compatible)
        {
            int breaking = result.BreakingDifferences.Count();
            string against = level.IsTransitive() ? $"every version up to {latestVersion}" : $"version {latestVersion}";
            if (compatible)
                return $"compatible with {against} of '{contract.Subject}' at {level.ToRegistryName()}";
            return breaking == 1
                ? $"1 breaking change against {against} of '{contract.Subject}' at {level.ToRegistryName()}"
                : $"{breaking} breaking changes against {against} of '{contract.Subject}' at {level.ToRegistryName()}";
        }

        /// <summary>contract.Compatibility ?? options ?? subject config ?? global config ?? BACKWARD.</summary>
        private async Task<CompatibilityLevel> ResolveLevelAsync(Contract contract, RunCache run, CancellationToken cancellationToken)
        {
            if (contract.Compatibility != null) return contract.Compatibility.Value;
            if (_options.Compatibility != null) return _options.Compatibility.Value;
            CompatibilityLevel? subject = await _registry.GetCompatibilityAsync(contract.Subject, cancellationToken).ConfigureAwait(false);
            if (subject != null) return subject.Value;
            // One question per run for the global level, not one per contract.
            run.GlobalLevel ??= _registry.GetCompatibilityAsync(null, cancellationToken);
            CompatibilityLevel? global = await run.GlobalLevel.ConfigureAwait(false);
            return global ?? CompatibilityLevel.Backward;
        }

        /// <summary>Resolves a registered version's references from the registry, recursively, by the names it uses.</summary>
        private async Task<IReferenceResolver> ResolverForAsync(RegisteredSchema schema, int depth, CancellationToken cancellationToken)
        {
            if (schema.References.Count == 0) return ReferenceResolvers.None;
            if (depth >= MaxReferenceDepth)
                throw new SchemaException(schema.Location, $"schema references nest deeper than {MaxReferenceDepth} levels (a cycle?)");
            var sources = new Dictionary<string, SchemaSource>(StringComparer.Ordinal);
            foreach (SchemaReference reference in schema.References)
            {
                RegisteredSchema target = await ReferencedAsync(schema, reference, cancellationToken).ConfigureAwait(false);
                sources[reference.Name] = new SchemaSource(target.Text, target.Type, target.Location,
                    await ResolverForAsync(target, depth + 1, cancellationToken).ConfigureAwait(false));
            }
            return new InMemoryReferenceResolver(sources);
        }

        /// <summary>
        /// True when <paramref name="local"/> has the registered version's text and each of its references
        /// (by name) resolves here to a file with the same content as the version it names, recursively.
        /// </summary>
        private async Task<bool> SameResolvedContentAsync(SchemaSource local, RegisteredSchema registered, IReferenceResolver lookup,
            int depth, CancellationToken cancellationToken)
        {
            if (!EmbeddedRegistry.SameText(registered.Text, local.Text)) return false;
            if (registered.References.Count == 0) return true;
            if (depth >= MaxReferenceDepth)
                throw new SchemaException(registered.Location, $"schema references nest deeper than {MaxReferenceDepth} levels (a cycle?)");
            foreach (SchemaReference reference in registered.References)
            {
                SchemaSource? here = LocalReference(lookup, reference.Name, local);
                // Not a file here, yet the same text parsed: the name is one the engine supplies (a well-known import).
                if (here == null) continue;
                RegisteredSchema there = await ReferencedAsync(registered, reference, cancellationToken).ConfigureAwait(false);
                if (!await SameResolvedContentAsync(here, there, lookup, depth + 1, cancellationToken).ConfigureAwait(false)) return false;
            }
            return true;
        }

        /// <summary>The referenced subjects whose content here differs from the version the references name.</summary>
        private async Task<IReadOnlyList<string>> ChangedReferencedSubjectsAsync(SchemaSource candidate, IReadOnlyList<SchemaReference> references,
            IReferenceResolver lookup, CancellationToken cancellationToken)
        {
            var changed = new List<string>();
            foreach (SchemaReference reference in references)
            {
                SchemaSource? here = LocalReference(lookup, reference.Name, candidate);
                RegisteredSchema there = await _registry.GetSchemaAsync(reference.Subject, reference.Version, cancellationToken).ConfigureAwait(false);
                if (here == null || !await SameResolvedContentAsync(here, there, lookup, 1, cancellationToken).ConfigureAwait(false))
                    changed.Add(reference.Subject);
            }
            return changed;
        }

        private static SchemaSource? LocalReference(IReferenceResolver lookup, string name, SchemaSource from)
        {
            try
            {
                return lookup.Resolve(name, from);
            }
            catch (SchemaException)
            {
                return null;
            }
        }

        private async Task<RegisteredSchema> ReferencedAsync(RegisteredSchema schema, SchemaReference reference, CancellationToken cancellationToken)
        {
            try
            {
                return await _registry.GetSchemaAsync(reference.Subject, reference.Version, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryUnavailableException e)
            {
                throw new SchemaException(schema.Location, $"reference '{Echo.Cut(reference.Name)}' names version {reference.Version} of '{Echo.Cut(reference.Subject)}', which cannot be read: {Echo.Cut(e.Message)}");
            }
        }

        /// <summary>
        /// The registry references for the candidate: each referenced contract's subject at its latest
        /// registered version; null when one of them is not registered yet (the registry could not resolve it).
        /// </summary>
        private async Task<IReadOnlyList<SchemaReference>?> RegisteredReferencesAsync(IReadOnlyList<ContractDependency> dependencies, CancellationToken cancellationToken)
        {
            var references = new List<SchemaReference>();
            foreach (ContractDependency dependency in dependencies)
            {
                if (dependency.Contract == null) return null;
                IReadOnlyList<int> versions = await _registry.GetVersionsAsync(dependency.Contract.Subject, cancellationToken).ConfigureAwait(false);
                if (versions.Count == 0) return null;
                references.Add(new SchemaReference(dependency.Name, dependency.Contract.Subject, versions[versions.Count - 1]));
            }
            return references;
        }

        private static IReadOnlyList<ContractDependency> Dependencies(RecordingResolver recorder, string fullPath, IReadOnlyDictionary<string, Contract> byPath) =>
            recorder.ReferencesFrom(fullPath)
                .Select(r => new ContractDependency(r.Name, r.ResolvedPath, r.ResolvedPath != null && byPath.TryGetValue(r.ResolvedPath, out Contract? c) ? c : null))
                .ToList();

        /// <summary>
        /// A new or changed contract that references a file which is not a contract, under a name the latest
        /// registered version does not already map to a subject, could never be registered: the registry
        /// resolves references by subject and version. Say so when checking, not only when registering.
        /// </summary>
        private static void RequireRegistrableReferences(Contract contract, IReadOnlyList<ContractDependency> dependencies, RegisteredSchema? latest)
        {
            ContractDependency? orphan = dependencies.FirstOrDefault(d =>
                d.Contract == null && (latest == null || !latest.References.Any(r => r.Name == d.Name)));
            if (orphan != null) throw new SchemaException(contract.DisplayPath, orphan.NotAContractProblem());
        }

        private static GateEvaluation Invalid(Contract contract, CompatibilityLevel level, SchemaException error) =>
            new GateEvaluation(new ContractResult(contract, ContractStatus.Invalid, level, Array.Empty<Difference>(), error.Message, error),
                null, Array.Empty<ContractDependency>(), null);

        /// <summary>Errors about the candidate name it by its display path rather than the full path used to resolve references.</summary>
        internal static SchemaException ForDisplay(Exception e, Contract contract, string fullPath)
        {
            if (e is SchemaException schema)
            {
                return schema.File == fullPath
                    ? new SchemaException(contract.DisplayPath, schema.Line, schema.Column, schema.Problem, schema)
                    : schema;
            }
            return new SchemaException(contract.DisplayPath, e.Message, e);
        }

        internal static Difference ForDisplay(Difference d, Contract contract, string fullPath) =>
            new Difference(d.Type, d.Path, d.IsCompatible, d.Message,
                ForDisplay(d.OriginalLocation, contract, fullPath), ForDisplay(d.UpdateLocation, contract, fullPath));

        private static SourceLocation? ForDisplay(SourceLocation? location, Contract contract, string fullPath) =>
            location != null && location.File == fullPath ? new SourceLocation(contract.DisplayPath, location.Line, location.Column) : location;
    }

    /// <summary>What one gate run asks the registry only once.</summary>
    internal sealed class RunCache
    {
        public Task<CompatibilityLevel?>? GlobalLevel { get; set; }
    }

    /// <summary>What the gate learnt about one contract, beyond the public result: what the registrar needs.</summary>
    internal sealed class GateEvaluation
    {
        public GateEvaluation(ContractResult result, string? text, IReadOnlyList<ContractDependency> dependencies, int? latestVersion)
        {
            Result = result;
            Text = text;
            Dependencies = dependencies;
            LatestVersion = latestVersion;
        }

        public ContractResult Result { get; }
        public string? Text { get; }
        public IReadOnlyList<ContractDependency> Dependencies { get; }
        public int? LatestVersion { get; }

        /// <summary>The contract as parsed (null when it could not be read), and the latest registered version compared with it: what the lint reads.</summary>
        public ParsedSchema? Parsed { get; set; }
        public ParsedSchema? Previous { get; set; }
    }

    /// <summary>A reference the contract makes, by the name it uses, and the contract it resolved to (null when the file is not a contract).</summary>
    internal sealed class ContractDependency
    {
        public ContractDependency(string name, string? resolvedPath, Contract? contract)
        {
            Name = name;
            ResolvedPath = resolvedPath;
            Contract = contract;
        }

        public string Name { get; }
        public string? ResolvedPath { get; }
        public Contract? Contract { get; }

        /// <summary>Why a reference to a file that is not a contract cannot be registered.</summary>
        public string NotAContractProblem() =>
            $"reference '{Name}' resolves to {(ResolvedPath == null ? "a schema" : ContractDiscovery.DisplayPathOf(ResolvedPath))}, which is not a contract (*.schema.json, *.avsc, *.proto under the contracts root), so it has no subject to register it under";
    }

    /// <summary>Remembers which references each schema resolved, so the gate learns a contract's references from the engine itself.</summary>
    internal sealed class RecordingResolver : IReferenceResolver
    {
        private readonly IReferenceResolver _inner;
        private readonly bool _avroNames;
        private readonly List<(string? From, string Name, string? ResolvedPath)> _resolved = new List<(string?, string, string?)>();

        /// <param name="avroNames">
        /// Resolve an Avro full name (<c>com.acme.Address</c>) to the file named after it (<c>com.acme.Address.avsc</c>,
        /// else <c>Address.avsc</c>), so the reference is recorded under the full name, as the registry names Avro references.
        /// </param>
        public RecordingResolver(IReferenceResolver inner, bool avroNames = false)
        {
            _inner = inner;
            _avroNames = avroNames;
        }

        public SchemaSource Resolve(string reference, SchemaSource from)
        {
            SchemaSource found = _avroNames && IsAvroFullName(reference) ? ResolveAvroName(reference, from) : _inner.Resolve(reference, from);
            string? resolved = found.Path == null ? null : Path.GetFullPath(found.Path);
            lock (_resolved) _resolved.Add((from.Path == null ? null : Path.GetFullPath(from.Path), reference, resolved));
            // The referenced file's own references resolve through here too, so files further down are recorded.
            return new SchemaSource(found.Text, found.Type, found.Path, this);
        }

        /// <summary>Every file resolved so far, at any depth, in first-use order.</summary>
        public IReadOnlyList<string> ResolvedFiles()
        {
            lock (_resolved)
            {
                return _resolved.Where(r => r.ResolvedPath != null).Select(r => r.ResolvedPath!).Distinct(StringComparer.Ordinal).ToList();
            }
        }

        private SchemaSource ResolveAvroName(string fullName, SchemaSource from)
        {
            string shortName = fullName.Substring(fullName.LastIndexOf('.') + 1);
            SchemaException? first = null;
            foreach (string candidate in new[] { fullName + ".avsc", shortName + ".avsc" })
            {
                try
                {
                    return _inner.Resolve(candidate, from);
                }
                catch (SchemaException e)
                {
                    first ??= e;
                }
            }
            throw first!;
        }

        /// <summary>Dotted identifiers only, and not a file name: "com.acme.Address", never "address.avsc" or "../x".</summary>
        private static bool IsAvroFullName(string name) =>
            !name.EndsWith(".avsc", StringComparison.OrdinalIgnoreCase)
            && name.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

        /// <summary>Distinct references made directly by the schema at <paramref name="fullPath"/>, in first-use order.</summary>
        public IEnumerable<(string Name, string? ResolvedPath)> ReferencesFrom(string fullPath)
        {
            lock (_resolved)
            {
                return _resolved.Where(r => r.From == fullPath)
                    .GroupBy(r => r.Name, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.First().ResolvedPath))
                    .ToList();
            }
        }
    }
}
