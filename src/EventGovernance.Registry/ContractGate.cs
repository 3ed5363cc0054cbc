using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>One event contract file in the repository and the subject it is registered under.</summary>
    public sealed class Contract
    {
        public Contract(string filePath, string subject, SchemaType type, CompatibilityLevel? compatibility = null, string? displayPath = null)
        {
            FilePath = filePath;
            Subject = subject;
            Type = type;
            Compatibility = compatibility;
            DisplayPath = displayPath ?? filePath;
        }

        /// <summary>Full path of the contract file.</summary>
        public string FilePath { get; }

        /// <summary>The path as it should appear in messages (relative to the project or repository).</summary>
        public string DisplayPath { get; }

        public string Subject { get; }
        public SchemaType Type { get; }

        /// <summary>Overrides the registry's level for this subject when set.</summary>
        public CompatibilityLevel? Compatibility { get; }
    }

    public enum ContractStatus
    {
        /// <summary>The subject is not registered yet: nothing to break.</summary>
        New,

        /// <summary>Identical to the latest registered version.</summary>
        Unchanged,

        Compatible,
        Breaking,

        /// <summary>The contract (or a version it is checked against) could not be read; see <see cref="ContractResult.Error"/>.</summary>
        Invalid,

        /// <summary>eventgov diff only: the contract existed at the compared ref and is gone from the working tree.</summary>
        Removed,
    }

    /// <summary>One difference and the registered version it was found against, in the direction that found it.</summary>
    public sealed class ContractFinding
    {
        /// <param name="versionName">How the compared version is named when it is not a registered one ("the version at origin/main").</param>
        public ContractFinding(Difference difference, int version, CheckDirection direction, string? registeredLocation = null, string? versionName = null)
        {
            Difference = difference;
            Version = version;
            Direction = direction;
            RegisteredLocation = registeredLocation;
            VersionName = versionName ?? $"version {version}";
        }

        /// <summary>"version 2", or what the version compared with is called (eventgov diff compares with a git ref).</summary>
        public string VersionName { get; }

        public Difference Difference { get; }

        /// <summary>The registered version the contract was compared with.</summary>
        public int Version { get; }

        public CheckDirection Direction { get; }

        /// <summary>Where that version is stored (<see cref="RegisteredSchema.Location"/>), to name positions inside it.</summary>
        public string? RegisteredLocation { get; }

        /// <summary>"consumers using the new schema reading data written with version 2" (the same line compat prints).</summary>
        public string WhoBreaks => Direction.WhoBreaks(VersionName);
    }

    public sealed class ContractResult
    {
        public ContractResult(Contract contract, ContractStatus status, CompatibilityLevel level,
            IReadOnlyList<Difference> differences, string message, SchemaException? error = null, bool? registryVerdict = null,
            IReadOnlyList<string>? referencedFiles = null)
            : this(contract, status, level, differences, message, error, registryVerdict, null, referencedFiles)
        {
        }

        /// <summary>With the differences found against each registered version (<see cref="Findings"/>).</summary>
        public ContractResult(Contract contract, ContractStatus status, CompatibilityLevel level,
            IReadOnlyList<ContractFinding> findings, string message, bool? registryVerdict = null, IReadOnlyList<string>? referencedFiles = null)
            : this(contract, status, level, findings.Select(f => f.Difference).ToList(), message, null, registryVerdict, findings, referencedFiles)
        {
        }

        private ContractResult(Contract contract, ContractStatus status, CompatibilityLevel level, IReadOnlyList<Difference> differences,
            string message, SchemaException? error, bool? registryVerdict, IReadOnlyList<ContractFinding>? findings, IReadOnlyList<string>? referencedFiles)
        {
            ReferencedFiles = referencedFiles ?? Array.Empty<string>();
            Contract = contract;
            Status = status;
            Level = level;
            Differences = differences;
            Message = message;
            Error = error;
            RegistryVerdict = registryVerdict;
            Findings = findings ?? Array.Empty<ContractFinding>();
        }

        /// <summary>The differences with the registered version each was found against; empty when nothing was compared.</summary>
        public IReadOnlyList<ContractFinding> Findings { get; }

        public Contract Contract { get; }
        public ContractStatus Status { get; }

        /// <summary>The level the contract was checked at.</summary>
        public CompatibilityLevel Level { get; }

        /// <summary>Every difference found, compatible ones included; locations point into the contract file where possible.</summary>
        public IReadOnlyList<Difference> Differences { get; }

        /// <summary>A one-line summary for people.</summary>
        public string Message { get; }

        public SchemaException? Error { get; }

        /// <summary>A remote registry's own verdict (null for the embedded registry). When it disagrees with ours, it wins and <see cref="Message"/> says so.</summary>
        public bool? RegistryVerdict { get; }

        /// <summary>
        /// Full paths of the files the contract references, at any depth, whether they are contracts or not:
        /// a change to any of them changes the contract (the build's incremental check watches them).
        /// </summary>
        public IReadOnlyList<string> ReferencedFiles { get; }

        /// <summary>The contract lint's findings (EG11xx) when the gate ran it (<see cref="GateOptions.Lint"/>); else empty.</summary>
        public IReadOnlyList<Lint.LintFinding> Lint { get; internal set; } = Array.Empty<Lint.LintFinding>();

        /// <summary>
        /// Set by eventgov diff when the version it compares with (a file at a git ref) cannot be read: the contract is
        /// then checked as if added, and the report carries one warning naming that file, so a change that repairs a
        /// broken contract can pass.
        /// </summary>
        public SchemaException? UnreadableOldVersion { get; internal set; }
    }

    public sealed class GateOptions
    {
        /// <summary>Overrides every subject's level when set (the registry's config applies otherwise, else BACKWARD).</summary>
        public CompatibilityLevel? Compatibility { get; set; }

        public CompatibilityOptions Engine { get; set; } = CompatibilityOptions.Default;

        /// <summary>References resolve only inside this directory.</summary>
        public string? ContractsRoot { get; set; }

        /// <summary>Also lint every readable contract (EG1101–EG1108, settings from .editorconfig); off unless asked for.</summary>
        public bool Lint { get; set; }
    }

    /// <summary>
    /// Checks contracts against what a registry holds. Used by the CLI (<c>eventgov check</c> / <c>register</c>)
    /// and by the MSBuild task, so both give the same verdicts.
    /// </summary>
    public interface IContractGate
    {
        Task<IReadOnlyList<ContractResult>> CheckAsync(IReadOnlyList<Contract> contracts, CancellationToken cancellationToken = default);
    }
}
