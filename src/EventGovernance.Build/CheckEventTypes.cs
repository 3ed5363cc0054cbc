using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;
using Microsoft.Build.Framework;
using Tasks = System.Threading.Tasks;

namespace EventGovernance.Build
{
    /// <summary>
    /// The build gate for C# types (<c>EventType</c> items): after the project's build, derives the schema each
    /// type's Confluent serializer registers (out of process, see <see cref="EventTypeDerivation"/>) and checks it
    /// against the registry exactly as <see cref="CheckEventContracts"/> checks a contract file, at the same levels.
    /// Findings are reported at the C# declarations, verdicts in a producer's terms.
    /// </summary>
    public sealed class CheckEventTypes : CheckEventContracts
    {
        public const string SettingsMetadata = "Settings";

        private readonly Dictionary<string, DerivedType> _byFile = new Dictionary<string, DerivedType>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _latestVersions = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The <c>EventType</c> items: full type names with Subject, SchemaType, Compatibility and Settings metadata.</summary>
        public ITaskItem[] EventTypes { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The project's built assembly in its output folder (beside its deps.json, dependencies and XML docs).</summary>
        [Required]
        public string AssemblyPath { get; set; } = "";

        /// <summary>The deriver shipped in the package (tasks/net10.0/EventGovernance.CodeFirst.Host.dll).</summary>
        [Required]
        public string DeriverPath { get; set; } = "";

        /// <summary>The dotnet executable (<c>DOTNET_HOST_PATH</c>); empty means <c>dotnet</c> from the PATH.</summary>
        public string? DotnetHost { get; set; }

        /// <summary>Where the request, the response and the derived schema files go (under obj/).</summary>
        [Required]
        public string WorkDirectory { get; set; } = "";

        protected override string CheckedNoun => "event type(s)";

        protected override IReadOnlyList<Contract>? MapContracts()
        {
            List<(ITaskItem Item, string Subject, SchemaType Type, CompatibilityLevel? Level)>? items = ValidItems();
            if (items == null) return null;
            if (!File.Exists(AssemblyPath))
            {
                LogGateError(ErrorCodes.InvalidConfiguration, null, 0, 0, $"EventType items need the built assembly, and {AssemblyPath} does not exist");
                return null;
            }

            var request = new DeriveRequest
            {
                Assembly = Path.GetFullPath(AssemblyPath),
                OutputDirectory = Path.Combine(Path.GetFullPath(WorkDirectory), "schemas"),
                Types = items.Select(i => new RequestedType
                {
                    Type = i.Item.ItemSpec,
                    Format = i.Type.ToRegistryName(),
                    Settings = string.IsNullOrWhiteSpace(i.Item.GetMetadata(SettingsMetadata)) ? null : i.Item.GetMetadata(SettingsMetadata).Trim(),
                }).ToList(),
            };
            DeriveResponse response;
            try
            {
                response = EventTypeDerivation.Run(string.IsNullOrWhiteSpace(DotnetHost) ? "dotnet" : DotnetHost!, DeriverPath, request, WorkDirectory, Cancellation);
            }
            catch (DeriverFailedException e)
            {
                LogGateError(ErrorCodes.UnexpectedFailure, null, 0, 0, Echo.Cut(e.Message));
                return null;
            }
            foreach (string note in response.Notes) Log.LogMessage(MessageImportance.High, "EventGovernance: note: " + note);

            var contracts = new List<Contract>();
            bool failed = false;
            for (int i = 0; i < items.Count && i < response.Types.Count; i++)
            {
                DerivedType derived = response.Types[i];
                if (derived.SchemaFile == null)
                {
                    LogGateError(ErrorCodes.InvalidConfiguration, null, 0, 0, $"EventType '{Echo.Cut(items[i].Item.ItemSpec)}': {derived.Error}");
                    failed = true;
                    continue;
                }
                _byFile[derived.SchemaFile] = derived;
                contracts.Add(new Contract(derived.SchemaFile, items[i].Subject, items[i].Type, items[i].Level,
                    ContractItems.DisplayPath(derived.SchemaFile, ProjectDirectory)));
            }
            return failed ? null : contracts;
        }

        /// <summary>The items with their metadata parsed; null when any is bad (each logged as EG1004).</summary>
        private List<(ITaskItem Item, string Subject, SchemaType Type, CompatibilityLevel? Level)>? ValidItems()
        {
            var valid = new List<(ITaskItem, string, SchemaType, CompatibilityLevel?)>();
            var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
            bool ok = true;
            foreach (ITaskItem item in EventTypes)
            {
                string name = Echo.Cut(item.ItemSpec);
                string subject = item.GetMetadata(ContractItems.SubjectMetadata).Trim();
                string typeText = item.GetMetadata(ContractItems.SchemaTypeMetadata).Trim();
                string levelText = item.GetMetadata(ContractItems.CompatibilityMetadata).Trim();
                SchemaType? type = typeText.Length == 0 ? SchemaType.Json : SchemaTypes.Parse(typeText);
                CompatibilityLevel? level = levelText.Length == 0 ? null : CompatibilityLevels.Parse(levelText);
                string? problem =
                    subject.Length == 0 ? "has no Subject metadata; set it to the subject the producer registers under (the topic name and -value with Confluent's default strategy)"
                    : subjects.TryGetValue(subject, out string? other) ? $"uses subject '{Echo.Cut(subject)}' as EventType '{other}' does; give one of them another Subject"
                    : type == null || type == SchemaType.Protobuf ? $"SchemaType metadata '{Echo.Cut(typeText)}' cannot be derived from a C# type here; expected JSON (default) or AVRO"
                    : level == null && levelText.Length > 0 ? $"Compatibility metadata '{Echo.Cut(levelText)}' is not a compatibility level ({CompatibilityLevels.Choices})"
                    : null;
                if (problem != null)
                {
                    LogGateError(ErrorCodes.InvalidConfiguration, null, 0, 0, $"EventType '{name}' {problem}");
                    ok = false;
                    continue;
                }
                subjects[subject] = name;
                valid.Add((item, subject, type!.Value, level));
            }
            return ok ? valid : null;
        }

        protected override async Tasks.Task<IReadOnlyList<ContractResult>> RunGateAsync(ISchemaRegistry registry, GateOptions options,
            IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
        {
            IReadOnlyList<ContractResult> results = await base.RunGateAsync(registry, options, contracts, cancellationToken).ConfigureAwait(false);
            // The verdicts name the version the producer reuses or follows.
            foreach (ContractResult result in results.Where(r => r.Status == ContractStatus.Unchanged || r.Status == ContractStatus.Compatible))
            {
                IReadOnlyList<int> versions = await registry.GetVersionsAsync(result.Contract.Subject, cancellationToken).ConfigureAwait(false);
                if (versions.Count > 0) _latestVersions[result.Contract.Subject] = versions[versions.Count - 1];
            }
            return results;
        }

        protected override void LogVerdict(ContractReport contract, string registryName)
        {
            string type = TypeOf(contract)?.Source?.Name ?? TypeOf(contract)?.Type ?? contract.File;
            string subject = Echo.Cut(contract.Subject);
            string version = _latestVersions.TryGetValue(contract.Subject, out int latest) ? latest.ToString(System.Globalization.CultureInfo.InvariantCulture) : "the latest";
            string next = _latestVersions.TryGetValue(contract.Subject, out latest) ? (latest + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "a new";
            switch (contract.Status)
            {
                case ContractStatus.New:
                    Log.LogMessage(MessageImportance.High,
                        $"{type}: subject '{subject}' is new: it is not in {registryName} yet, so there is nothing to break; the producer will register version 1 at its first send; {GateMessages.RegisterHint}");
                    break;
                case ContractStatus.Unchanged:
                    Log.LogMessage(MessageImportance.High,
                        $"{type}: exact match with version {version} of subject '{subject}': the producer reuses the registered version.");
                    break;
                case ContractStatus.Compatible:
                    Log.LogMessage(MessageImportance.High,
                        $"{type}: compatible ({contract.Level}) with version {version} of subject '{subject}', but not the same text: the producer will register version {next} at its first send ({EventTypeFindings.UsualCauses})");
                    break;
                case ContractStatus.Breaking:
                    Log.LogMessage(MessageImportance.High,
                        $"{type}: breaking ({contract.Level}) for subject '{subject}': the registry will refuse the producer's schema at its first send ({EventTypeFindings.UsualCauses})");
                    break;
            }
        }

        protected override ReportFinding Place(ContractReport contract, ReportFinding finding) =>
            TypeOf(contract) is DerivedType type ? EventTypeFindings.Place(finding, type, new DisplayPaths(ProjectDirectory)) : finding;

        private DerivedType? TypeOf(ContractReport contract) =>
            _byFile.Values.FirstOrDefault(t => t.SchemaFile != null && ContractItems.DisplayPath(t.SchemaFile, ProjectDirectory) == contract.File);
    }
}
