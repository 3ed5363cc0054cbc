using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using Microsoft.Build.Framework;
using Tasks = System.Threading.Tasks;

namespace EventGovernance.Build
{
    /// <summary>
    /// Checks the project's event contracts against the schema registry and fails the build on a
    /// breaking change. The verdicts come from <see cref="ContractGate"/>, the same gate as
    /// <c>eventgov check</c>, so the build and the CLI always agree.
    /// </summary>
    public sealed class CheckEventContracts : Microsoft.Build.Utilities.Task, ICancelableTask
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <summary>The <c>EventContract</c> items (not [Required]: MSBuild rejects an empty list for a required parameter).</summary>
        public ITaskItem[] Contracts { get; set; } = Array.Empty<ITaskItem>();

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

        /// <summary>True when every contract was checked and passed; the targets touch the stamp file only then.</summary>
        [Output]
        public bool Checked { get; set; }

        public void Cancel() => _cancel.Cancel();

        public override bool Execute()
        {
            var secrets = new Redactor(BasicAuth, BearerToken,
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
                    "the event contract check failed unexpectedly: " + secrets.Redact(e.GetType().Name + ": " + e.Message));
                return false;
            }
        }

        private bool Run(Redactor secrets)
        {
            UnavailableSeverity? severity = GateSettings.SelectUnavailableSeverity(RegistryUnavailable, ContinuousIntegration);
            if (severity == null)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0,
                    $"EventGovernanceRegistryUnavailable is '{RegistryUnavailable}'; expected Error or Warning");
                return false;
            }
            CompatibilityLevel? level = GateSettings.ParseLevel(Compatibility, out bool levelValid);
            if (!levelValid)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0,
                    $"EventGovernanceCompatibility is '{Compatibility}'; expected NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE");
                return false;
            }

            if (RegistryOptions.LocationProblem(Registry) is string registryProblem)
            {
                LogError(ErrorCodes.InvalidConfiguration, null, 0, 0, $"EventGovernanceRegistry: {registryProblem}");
                return false;
            }

            var problems = new List<ContractItemProblem>();
            IReadOnlyList<Contract> contracts = ContractItems.Map(Contracts, ProjectDirectory, problems);
            foreach (ContractItemProblem problem in problems)
                LogError(ErrorCodes.InvalidConfiguration, problem.DisplayPath, 0, 0, problem.Message);
            if (problems.Count > 0) return false;
            if (contracts.Count == 0)
            {
                Log.LogMessage(MessageImportance.Low, "EventGovernance: no EventContract items; nothing to check.");
                Checked = true;
                return true;
            }

            IReadOnlyList<ContractResult> results;
            ISchemaRegistry? registry = null;
            string registryName = "";
            try
            {
                registry = SchemaRegistries.Open(RegistryOptionsFor());
                // An embedded registry is named like the contracts: relative to the project when inside it.
                registryName = secrets.Redact(registry is EmbeddedRegistry embedded ? ContractItems.DisplayPath(embedded.Root, ProjectDirectory) : registry.DisplayName);
                var options = new GateOptions
                {
                    Compatibility = level,
                    ContractsRoot = string.IsNullOrWhiteSpace(ContractsRoot) ? null : ContractItems.FullPath(ContractsRoot!, ProjectDirectory),
                };
                var gate = new ContractGate(registry, options);
                // MSBuild calls Execute on a thread of its own; running the gate on the thread pool and
                // blocking here cannot deadlock because there is no synchronization context to return to.
                results = Tasks.Task.Run(() => gate.CheckAsync(contracts, _cancel.Token), _cancel.Token).GetAwaiter().GetResult();
            }
            catch (RegistryUnavailableException e)
            {
                string where = registryName.Length > 0 ? registryName : GateSettings.IsRemote(Registry) ? "remote registry" : secrets.Redact(Registry);
                string message = $"the schema registry is unavailable ({where}): {secrets.Redact(e.Message)}; contracts were not checked";
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

            bool passed = Report(results, registryName);
            Checked = passed;
            return passed;
        }

        private RegistryOptions RegistryOptionsFor()
        {
            string location = GateSettings.IsRemote(Registry) ? Registry.Trim() : ContractItems.FullPath(Registry.Trim(), ProjectDirectory);
            RegistryOptions options = RegistryOptions.FromEnvironment(location);
            // Explicit MSBuild properties win over the environment.
            if (!string.IsNullOrWhiteSpace(BasicAuth)) options.BasicAuthUserInfo = BasicAuth;
            if (!string.IsNullOrWhiteSpace(BearerToken)) options.BearerToken = BearerToken;
            return options;
        }

        /// <summary>Logs every result; true when nothing is breaking or invalid.</summary>
        private bool Report(IReadOnlyList<ContractResult> results, string registryName)
        {
            int breaking = 0, invalid = 0, fresh = 0, compatible = 0, unchanged = 0;
            foreach (ContractResult result in results)
            {
                Contract contract = result.Contract;
                switch (result.Status)
                {
                    case ContractStatus.New:
                        fresh++;
                        Log.LogMessage(MessageImportance.High, $"{contract.DisplayPath}: {GateMessages.NewSubject(contract, registryName)}");
                        break;
                    case ContractStatus.Unchanged:
                        unchanged++;
                        Log.LogMessage(MessageImportance.Low, $"{contract.DisplayPath}: subject '{contract.Subject}' is unchanged.");
                        break;
                    case ContractStatus.Compatible:
                        compatible++;
                        Log.LogMessage(MessageImportance.Normal,
                            $"{contract.DisplayPath}: subject '{contract.Subject}' is compatible ({result.Level.ToRegistryName()}). {result.Message}");
                        break;
                    case ContractStatus.Breaking:
                        breaking++;
                        ReportBreaking(result);
                        break;
                    default:
                        invalid++;
                        if (result.Error != null) LogSchemaError(result.Error, contract);
                        else LogError(ErrorCodes.MalformedContract, contract.DisplayPath, 0, 0, GateMessages.Malformed(contract, result.Message));
                        break;
                }
            }
            Log.LogMessage(MessageImportance.High,
                $"EventGovernance: checked {results.Count} event contract(s) against {registryName}: {compatible} compatible, {unchanged} unchanged, {fresh} new, {breaking} breaking, {invalid} invalid.");
            return breaking == 0 && invalid == 0;
        }

        /// <summary>One error per distinct breaking difference, at its place in the contract file.</summary>
        private void ReportBreaking(ContractResult result)
        {
            Contract contract = result.Contract;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int reported = 0;
            foreach (ContractFinding finding in result.Findings.Where(f => !f.Difference.IsCompatible))
            {
                SourceLocation where = GateMessages.Location(finding, contract);
                string file = where.File == null ? contract.DisplayPath : DisplayFor(where.File, contract);
                string message = GateMessages.Breaking(result, finding);
                if (!seen.Add($"{file}|{where.Line}|{where.Column}|{message}")) continue;
                LogError(ErrorCodes.BreakingChange, file, where.Line, where.Column, message);
                reported++;
            }
            if (reported == 0)
            {
                // The registry's own verdict can fail a contract our engine passed; the message says why.
                LogError(ErrorCodes.BreakingChange, contract.DisplayPath, 0, 0, GateMessages.BreakingByRegistryVerdict(result));
            }
        }

        private void LogSchemaError(SchemaException error, Contract? contract)
        {
            string file = error.File != null ? DisplayFor(error.File, contract) : contract?.DisplayPath ?? "";
            LogError(ErrorCodes.MalformedContract, file.Length == 0 ? null : file, error.Line, error.Column, GateMessages.Malformed(contract, error.Problem));
        }

        /// <summary>A location's file as it should appear in the error (relative to the project when inside it).</summary>
        private string DisplayFor(string file, Contract? contract)
        {
            if (file.Length == 0) return contract?.DisplayPath ?? "";
            if (contract != null && (file == contract.DisplayPath || file == contract.FilePath)) return contract.DisplayPath;
            try
            {
                return ContractItems.DisplayPath(ContractItems.FullPath(file, ProjectDirectory), ProjectDirectory);
            }
            catch (ArgumentException)
            {
                return file; // Not a file system path (a registry URL path, say): show it as it is.
            }
        }

        /// <summary>Every EG error says what to do next and links to its page.</summary>
        private void LogError(string code, string? file, int line, int column, string message) =>
            Log.LogError(null, code, code, file ?? ProjectFileOrNull, line, column, 0, 0, ErrorCodes.WithNextStep(code, message));

        private string? ProjectFileOrNull => string.IsNullOrWhiteSpace(ProjectFile) ? null : ProjectFile;
    }
}
