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
    /// Checks the project's event contracts against the schema registry and fails the build on a
    /// breaking change. The verdicts come from <see cref="ContractGate"/>, the same gate as
    /// <c>eventgov check</c>, so the build and the CLI always agree.
    /// </summary>
    /// <remarks>
    /// <see cref="RegisterEventContracts"/> derives from it and replaces only the step that runs the gate, so a
    /// registration reports exactly as a check does.
    /// </remarks>
    public class CheckEventContracts : Microsoft.Build.Utilities.Task, ICancelableTask
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The <c>EventContract</c> items (not [Required]: MSBuild rejects an empty list for a required parameter).</summary>
        public ITaskItem[] Contracts { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>
        /// The value of EnableDefaultEventContractItems (the default items exist only when it is 'true'); only changes
        /// what the "no contracts" message suggests. A string, so an odd value never fails the build here.
        /// </summary>
        public string? DefaultItemsEnabled { get; set; } = "true";

        /// <summary>Paths in messages are relative to this directory.</summary>
        [Required]
        public string ProjectDirectory { get; set; } = "";

        /// <summary>The project file: problems that belong to no contract (properties, the registry) are reported against it.</summary>
        public string? ProjectFile { get; set; }

        /// <summary>References between contracts resolve only inside this directory.</summary>
        public string? ContractsRoot { get; set; }

        /// <summary>A registry directory or an http(s) URL.</summary>
        [Required]
        public string Registry { get; set; } = "";

        /// <summary>Overrides every subject's level when set.</summary>
        public string? Compatibility { get; set; }

        /// <summary><c>Error</c> or <c>Warning</c>; empty means Error on CI, Warning elsewhere.</summary>
        public string? RegistryUnavailable { get; set; }

        /// <summary>The value of the <c>CI</c> environment variable.</summary>
        public string? ContinuousIntegration { get; set; }

        public string? BasicAuth { get; set; }
        public string? BearerToken { get; set; }

        /// <summary>Seconds one registry request may take (<c>EventGovernanceRegistryTimeout</c>); empty means the default.</summary>
        public string? RegistryTimeout { get; set; }

        /// <summary>How often a request failing for a transient reason is tried again (<c>EventGovernanceRegistryRetries</c>).</summary>
        public string? RegistryRetries { get; set; }

        /// <summary>The JSON Schema policy, <c>strict</c> or <c>lenient</c> (<c>EventGovernancePolicy</c>); empty means strict.</summary>
        public string? Policy { get; set; }

        /// <summary><c>EventGovernanceLint</c>: anything but <c>false</c> lints the contracts too (EG1101–EG1108).</summary>
        public string? Lint { get; set; }

        /// <summary>True when every contract was checked and passed; the targets touch the stamp file only then.</summary>
        [Output]
        public bool Checked { get; set; }

        /// <summary>
        /// Every file the checked contracts reference, at any depth (full paths). The targets feed them back
        /// as inputs of the incremental check, since a referenced file need not be an EventContract item.
        /// </summary>
        [Output]
        public ITaskItem[] ReferencedFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>True when the project has <c>EventType</c> items, so a project without contract files is not told it has nothing to check.</summary>
        public bool HasEventTypes { get; set; }

        /// <summary>Said when the project has EventType items only; the check says nothing (CheckEventTypes reports them).</summary>
        protected virtual string? OnlyEventTypesMessage => null;

        public void Cancel() => _cancel.Cancel();

        /// <summary>Set when the build is cancelled.</summary>
        protected CancellationToken Cancellation => _cancel.Token;

        /// <summary>Masks credentials in anything logged.</summary>
        protected Secrets Secrets { get; private set; } = new Secrets();

        public override bool Execute()
        {
            var secrets = Secrets = new Secrets(BasicAuth, BearerToken,
                Environment.GetEnvironmentVariable("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"),
                Environment.GetEnvironmentVariable("SCHEMA_REGISTRY_BEARER_TOKEN"));
            try
            {
                return Run(secrets);
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                // Never a stack trace in the build output: one line that says what failed.
                LogError(ErrorCodes.UnexpectedFailure, null, 0, 0,
                    "the event contract check failed unexpectedly: " + Echo.Cut(secrets.Scrub(e.GetType().Name + ": " + e.Message)));
                return false;
            }
        }

        private bool Run(Secrets secrets)
        {
            UnavailableSeverity? severity = GateSettings.SelectUnavailableSeverity(RegistryUnavailable, ContinuousIntegration);
            if (severity == null)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0,
                    $"EventGovernanceRegistryUnavailable is '{Echo.Cut(RegistryUnavailable)}'; expected Error or Warning");
                return false;
            }
            CompatibilityLevel? level = GateSettings.ParseLevel(Compatibility, out bool levelValid);
            if (!levelValid)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0,
                    $"EventGovernanceCompatibility is '{Echo.Cut(Compatibility)}'; expected {CompatibilityLevels.Choices}");
                return false;
            }

            if (!GateSettings.TryParseRemoteSettings(RegistryTimeout, RegistryRetries, Policy, out RemoteSettings remote, out string? settingProblem))
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0, settingProblem!);
                return false;
            }

            if (RegistryOptions.LocationProblem(Registry) is string registryProblem)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0, $"EventGovernanceRegistry: {registryProblem}");
                return false;
            }

            IReadOnlyList<Contract>? contracts = MapContracts();
            if (contracts == null) return false;
            if (contracts.Count == 0)
            {
                // EventType items are checked after the build by CheckEventTypes: then no contract file is normal.
                if (!HasEventTypes) Log.LogMessage(MessageImportance.High, NoContractsMessageFor());
                else if (OnlyEventTypesMessage is string onlyTypes) Log.LogMessage(MessageImportance.High, onlyTypes);
                Checked = true;
                return true;
            }

            RegistryOptions registryOptions = RegistryOptionsFor(remote);
            var options = new GateOptions
            {
                Compatibility = level,
                Engine = new CompatibilityOptions { JsonPolicy = remote.Policy },
                ContractsRoot = string.IsNullOrWhiteSpace(ContractsRoot) ? null : ContractItems.FullPath(ContractsRoot!, ProjectDirectory),
                Lint = !string.Equals((Lint ?? "").Trim(), "false", StringComparison.OrdinalIgnoreCase),
            };
            if (!Configure(registryOptions, options)) return false;

            IReadOnlyList<ContractResult> results;
            ISchemaRegistry? registry = null;
            string registryName = "";
            try
            {
                registry = SchemaRegistries.Open(registryOptions);
                // An embedded registry is named like the contracts: relative to the project when inside it.
                registryName = Echo.Cut(secrets.Scrub(registry is EmbeddedRegistry embedded ? ContractItems.DisplayPath(embedded.Root, ProjectDirectory) : registry.DisplayName));
                ISchemaRegistry opened = registry;
                // MSBuild calls Execute on a thread of its own; running the gate on the thread pool and
                // blocking here cannot deadlock because there is no synchronization context to return to.
                results = Tasks.Task.Run(() => RunGateAsync(opened, options, contracts, _cancel.Token), _cancel.Token).GetAwaiter().GetResult();
            }
            catch (RegistryUnavailableException e)
            {
                string where = registryName.Length > 0 ? registryName : GateSettings.IsRemote(Registry) ? "remote registry" : Echo.Cut(secrets.Scrub(Registry));
                string message = $"the schema registry is unavailable ({where}): {secrets.Scrub(e.Message)}; contracts were not checked";
                if (UnavailableIsAlwaysError)
                {
                    LogError(ErrorCodes.RegistryUnavailable, null, 0, 0, message);
                    return false;
                }
                if (severity == UnavailableSeverity.Error)
                {
                    LogError(ErrorCodes.RegistryUnavailable, null, 0, 0, message + " (set EventGovernanceRegistryUnavailable=Warning to build anyway)");
                    return false;
                }
                Log.LogWarning(null, ErrorCodes.RegistryUnavailable, ErrorCodes.RegistryUnavailable, ProjectFileOrNull, 0, 0, 0, 0,
                    ErrorCodes.WithNextStep(ErrorCodes.RegistryUnavailable, message));
                return true;
            }
            catch (SchemaException e)
            {
                // The gate reports bad contracts per result; this is a schema it could not attribute to one.
                LogSchemaError(e, null);
                return false;
            }
            finally
            {
                (registry as IDisposable)?.Dispose();
            }

            ReferencedFiles = results.SelectMany(r => r.ReferencedFiles).Distinct(StringComparer.Ordinal)
                .Select(f => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(f)).ToArray();
            bool passed = Report(results, registryName);
            Checked = passed;
            return Conclude(passed, registryName);
        }

        /// <summary>
        /// The contracts to check, from the <c>EventContract</c> items; null (after logging why) stops the task.
        /// <see cref="CheckEventTypes"/> derives them from C# types instead.
        /// </summary>
        protected virtual IReadOnlyList<Contract>? MapContracts()
        {
            var problems = new List<ContractItemProblem>();
            IReadOnlyList<Contract> contracts = ContractItems.Map(Contracts, ProjectDirectory, problems);
            foreach (ContractItemProblem problem in problems)
                LogError(ErrorCodes.InvalidConfiguration, problem.DisplayPath, 0, 0, problem.Message);
            return problems.Count > 0 ? null : contracts;
        }

        /// <summary>Adjusts the registry and gate options before the registry is opened; false (after logging why) stops the task.</summary>
        protected virtual bool Configure(RegistryOptions registry, GateOptions gate) => true;

        /// <summary>Runs the gate over the contracts; the results are reported the same way whatever ran them.</summary>
        protected virtual async Tasks.Task<IReadOnlyList<ContractResult>> RunGateAsync(ISchemaRegistry registry, GateOptions options,
            IReadOnlyList<Contract> contracts, CancellationToken cancellationToken) =>
            await new ContractGate(registry, options).CheckAsync(contracts, cancellationToken).ConfigureAwait(false);

        /// <summary>Called after the results were reported; the task's outcome.</summary>
        protected virtual bool Conclude(bool passed, string registryName) => passed;

        /// <summary>True when an unreachable registry must fail the task whatever EventGovernanceRegistryUnavailable says.</summary>
        protected virtual bool UnavailableIsAlwaysError => false;

        /// <summary>Logs an EG error at a file (null: the project file).</summary>
        protected void LogGateError(string code, string? file, int line, int column, string message) => LogError(code, file, line, column, message);

        private string NoContractsMessageFor()
        {
            string root = string.IsNullOrWhiteSpace(ContractsRoot) ? Path.Combine(ProjectDirectory, "contracts") : ContractsRoot!;
            string fullRoot = ContractItems.FullPath(root, ProjectDirectory);
            return NoContractsMessage.For(ContractItems.DisplayPath(fullRoot, ProjectDirectory), Directory.Exists(fullRoot),
                string.Equals((DefaultItemsEnabled ?? "").Trim(), "true", StringComparison.OrdinalIgnoreCase));
        }

        private RegistryOptions RegistryOptionsFor(RemoteSettings remote)
        {
            string location = GateSettings.IsRemote(Registry) ? Registry.Trim() : ContractItems.FullPath(Registry.Trim(), ProjectDirectory);
            RegistryOptions options = RegistryOptions.FromEnvironment(location);
            // Explicit MSBuild properties win over the environment.
            if (!string.IsNullOrWhiteSpace(BasicAuth)) options.BasicAuthUserInfo = BasicAuth;
            if (!string.IsNullOrWhiteSpace(BearerToken)) options.BearerToken = BearerToken;
            if (remote.Timeout is TimeSpan timeout) options.Timeout = timeout;
            if (remote.Retries is int retries) options.MaxRetries = retries;
            return options;
        }

        /// <summary>Logs every result; true when nothing is breaking or invalid.</summary>
        private bool Report(IReadOnlyList<ContractResult> results, string registryName)
        {
            GateReport report = Reports.Build(results, registryName);
            foreach (ContractReport contract in report.Contracts)
            {
                LogVerdict(contract, registryName);
                foreach (ReportFinding finding in contract.Findings) LogFinding(Place(contract, finding));
            }
            Log.LogMessage(MessageImportance.High,
                $"EventGovernance: checked {results.Count} {CheckedNoun} against {registryName}: {report.Count(ContractStatus.Compatible)} compatible, " +
                $"{report.Count(ContractStatus.Unchanged)} unchanged, {report.Count(ContractStatus.New)} new, {report.Count(ContractStatus.Breaking)} breaking, {report.Count(ContractStatus.Invalid)} invalid.");
            return report.Passed;
        }

        /// <summary>The line for a contract that passed (its findings are logged after it).</summary>
        protected virtual void LogVerdict(ContractReport contract, string registryName)
        {
            switch (contract.Status)
            {
                case ContractStatus.New:
                    Log.LogMessage(MessageImportance.High, $"{contract.File}: {GateMessages.NewSubject(contract.Subject, registryName)}");
                    break;
                case ContractStatus.Unchanged:
                    Log.LogMessage(MessageImportance.Low, $"{contract.File}: subject '{Echo.Cut(contract.Subject)}' is unchanged.");
                    break;
                case ContractStatus.Compatible:
                    Log.LogMessage(MessageImportance.Normal,
                        $"{contract.File}: subject '{Echo.Cut(contract.Subject)}' is compatible ({contract.Level}). {contract.Message}");
                    break;
            }
        }

        /// <summary>Where a finding is reported; contract files keep the place the report gives.</summary>
        protected virtual ReportFinding Place(ContractReport contract, ReportFinding finding) => finding;

        /// <summary>What the summary line counts.</summary>
        protected virtual string CheckedNoun => "event contract(s)";

        /// <summary>Locates and words findings as eventgov does; files relative to the project directory.</summary>
        private ReportBuilder Reports => new ReportBuilder(new DisplayPaths(ProjectDirectory));

        protected void LogSchemaError(SchemaException error, Contract? contract) => LogFinding(Reports.Malformed(error, contract));

        /// <summary>Every EG error says what to do next and links to its page.</summary>
        private void LogError(string code, string? file, int line, int column, string message) =>
            LogFinding(new ReportFinding(code, FindingSeverity.Error, null, file, line, column, message));

        /// <summary>
        /// The model's finding as an MSBuild error or warning (lint notes as messages, which MSBuild has no canonical
        /// form for): code, file, position, help link and the message with its next step.
        /// </summary>
        private void LogFinding(ReportFinding finding)
        {
            string? file = finding.File ?? ProjectFileOrNull;
            switch (finding.Severity)
            {
                case FindingSeverity.Warning:
                    Log.LogWarning(null, finding.Code, finding.Code, finding.HelpLink, file,
                        finding.Line, finding.Column, finding.EndLine, finding.EndColumn, finding.FullMessage);
                    break;
                case FindingSeverity.Note:
                    Log.LogMessage(null, finding.Code, finding.Code, file, finding.Line, finding.Column, finding.EndLine, finding.EndColumn,
                        MessageImportance.Normal, finding.FullMessage);
                    break;
                default:
                    Log.LogError(null, finding.Code, finding.Code, finding.HelpLink, file,
                        finding.Line, finding.Column, finding.EndLine, finding.EndColumn, finding.FullMessage);
                    break;
            }
        }

        private string? ProjectFileOrNull => string.IsNullOrWhiteSpace(ProjectFile) ? null : ProjectFile;
    }
}
