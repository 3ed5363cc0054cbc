using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>The MSBuild properties the gate reads; the names are the build's, so one table in the README covers both.</summary>
    internal static class ProjectProperties
    {
        public const string Enabled = "EventGovernanceEnabled";
        public const string Registry = "EventGovernanceRegistry";
        public const string ContractsRoot = "EventGovernanceContractsRoot";
        public const string Compatibility = "EventGovernanceCompatibility";
        public const string BasicAuth = "EventGovernanceRegistryBasicAuth";
        public const string BearerToken = "EventGovernanceRegistryBearerToken";
        public const string Timeout = "EventGovernanceRegistryTimeout";
        public const string Retries = "EventGovernanceRegistryRetries";
        public const string Policy = "EventGovernancePolicy";
        public const string Lint = "EventGovernanceLint";
    }

    /// <summary>
    /// Turns an evaluated project into the gate's inputs exactly as CheckEventContracts does: the same
    /// item mapping (<see cref="ContractItemMapper"/>), paths relative to the project directory, property
    /// credentials over the environment's. An explicit option (--registry, --level, --policy, --timeout,
    /// --retries) wins over the project's value, as <c>-p:</c> would. Bad values are collected as EG1004
    /// problems with the build's wording, so a project fails the same way under eventgov and dotnet build.
    /// </summary>
    internal sealed class ProjectSettings
    {
        private readonly ParsedOptions _options;
        private readonly EvaluatedProject _project;
        private readonly List<(string File, string Message)> _problems = new List<(string File, string Message)>();

        private ProjectSettings(ParsedOptions options, EvaluatedProject project)
        {
            _options = options;
            _project = project;
        }

        /// <summary>Settings of a project that imports EventGovernance.Build; any other project is a <see cref="ProjectException"/>.</summary>
        public static ProjectSettings Of(ParsedOptions options, EvaluatedProject project)
        {
            if (project.Property(ProjectEvaluation.ImportMarker).Length == 0)
            {
                throw new ProjectException(
                    $"{DisplayPaths.Of(project.ProjectFile)} does not use EventGovernance.Build (the package is not referenced, or not restored): " +
                    $"add <PackageReference Include=\"EventGovernance.Build\" /> and run 'dotnet restore', or pass '--{ProjectMode.NoProjectFlag}' to use a contracts directory");
            }
            return new ProjectSettings(options, project);
        }

        public EvaluatedProject Project => _project;

        /// <summary>The build's target runs only when the property is 'true' (MSBuild compares case-insensitively).</summary>
        public bool Enabled => _project.Property(ProjectProperties.Enabled).Equals("true", StringComparison.OrdinalIgnoreCase);

        public string DisplayName => DisplayPaths.Of(_project.ProjectFile) ?? _project.ProjectFile;

        /// <summary>True when a registry was named on the command line (then it must exist for check, as in directory mode).</summary>
        public bool RegistryGivenExplicitly => _options.Get("registry") != null;

        public RegistryOptions Registry()
        {
            RegistryOptions registry;
            if (RegistryGivenExplicitly)
            {
                registry = Common.Registry(_options, null);
            }
            else
            {
                string location = _project.Property(ProjectProperties.Registry);
                if (RegistryOptions.LocationProblem(location) is string problem)
                {
                    Problem($"{ProjectProperties.Registry}: {problem}");
                    location = "";
                }
                else if (location.Length > 0 && !RegistryOptions.IsUrl(location))
                {
                    location = ContractItemMapper.FullPath(location, _project.ProjectDirectory);
                }
                registry = RegistryOptions.FromEnvironment(location, _options.Environment);
                if (registry.Location.Length == 0 && _problems.Count == 0)
                    throw _options.Error($"the project sets no {ProjectProperties.Registry} and {RegistryOptions.UrlVariable} is not set; pass '--registry'");
            }

            // Explicit MSBuild properties win over the environment, as in the task.
            string basicAuth = _project.Property(ProjectProperties.BasicAuth);
            string bearerToken = _project.Property(ProjectProperties.BearerToken);
            if (basicAuth.Length > 0) registry.BasicAuthUserInfo = basicAuth;
            if (bearerToken.Length > 0) registry.BearerToken = bearerToken;

            string timeout = _project.Property(ProjectProperties.Timeout);
            if (timeout.Length > 0)
            {
                if (GateTuning.TryParseTimeout(timeout, out TimeSpan value)) registry.Timeout = value;
                else Problem(GateTuning.Problem(ProjectProperties.Timeout, timeout, GateTuning.TimeoutExpected));
            }
            string retries = _project.Property(ProjectProperties.Retries);
            if (retries.Length > 0)
            {
                if (GateTuning.TryParseRetries(retries, out int count)) registry.MaxRetries = count;
                else Problem(GateTuning.Problem(ProjectProperties.Retries, retries, GateTuning.RetriesExpected));
            }
            Common.ApplyTuning(_options, registry);
            return registry;
        }

        public GateOptions Gate()
        {
            CompatibilityLevel? level = Common.Level(_options);
            string levelText = _project.Property(ProjectProperties.Compatibility);
            if (level == null && levelText.Length > 0)
            {
                level = CompatibilityLevels.Parse(levelText);
                if (level == null)
                    Problem($"{ProjectProperties.Compatibility} is '{levelText}'; expected {CompatibilityLevels.Choices}");
            }

            JsonCompatibilityPolicy? policy = Common.Policy(_options);
            string policyText = _project.Property(ProjectProperties.Policy);
            if (policy == null && policyText.Length > 0)
            {
                if (GateTuning.TryParsePolicy(policyText, out JsonCompatibilityPolicy parsed)) policy = parsed;
                else Problem(GateTuning.Problem(ProjectProperties.Policy, policyText, GateTuning.PolicyExpected));
            }

            string root = _project.Property(ProjectProperties.ContractsRoot);
            return new GateOptions
            {
                Compatibility = level,
                Engine = new CompatibilityOptions { JsonPolicy = policy ?? JsonCompatibilityPolicy.Strict },
                ContractsRoot = root.Length == 0 ? null : ContractItemMapper.FullPath(root, _project.ProjectDirectory),
                // As the task: anything but 'false' lints.
                Lint = !_project.Property(ProjectProperties.Lint).Trim().Equals("false", StringComparison.OrdinalIgnoreCase),
            };
        }

        /// <summary>The project's EventContract items as the task maps them; paths shown relative to the current directory.</summary>
        public IReadOnlyList<Contract> Contracts()
        {
            var problems = new List<ContractItemProblem>();
            IReadOnlyList<Contract> contracts = ContractItemMapper.Map(_project.Items, _project.ProjectDirectory, Environment.CurrentDirectory, problems);
            foreach (ContractItemProblem problem in problems) _problems.Add((problem.DisplayPath, problem.Message));
            return contracts;
        }

        /// <summary>Writes every problem found so far as an EG1004 line; true when there was any.</summary>
        public bool WriteProblems(TextWriter stderr)
        {
            foreach ((string file, string message) in _problems)
                Common.WriteError(stderr, file, 0, 0, GateOutput.InvalidConfigurationCode, message);
            return _problems.Count > 0;
        }

        private void Problem(string message) => _problems.Add((_project.ProjectFile, message));
    }
}
