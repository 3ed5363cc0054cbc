using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>A project eventgov cannot use (not evaluable, no EventGovernance.Build): one line, exit code 2.</summary>
    internal sealed class ProjectException : Exception
    {
        public ProjectException(string message) : base(message)
        {
        }
    }

    /// <summary>What MSBuild evaluated for a project: the gate's properties and its EventContract items.</summary>
    internal sealed class EvaluatedProject
    {
        public EvaluatedProject(string projectFile, IReadOnlyDictionary<string, string> properties, IReadOnlyList<ContractItem> items, int eventTypes = 0)
        {
            ProjectFile = projectFile;
            Properties = properties;
            Items = items;
            EventTypes = eventTypes;
        }

        /// <summary>How many EventType items (C# types the build derives and checks) the project has.</summary>
        public int EventTypes { get; }

        public string ProjectFile { get; }
        public string ProjectDirectory => Path.GetDirectoryName(ProjectFile)!;
        public IReadOnlyDictionary<string, string> Properties { get; }
        public IReadOnlyList<ContractItem> Items { get; }

        /// <summary>The property's value, trimmed; empty when unset.</summary>
        public string Property(string name) => Properties.TryGetValue(name, out string? value) ? value.Trim() : "";
    }

    /// <summary>
    /// Asks MSBuild (<c>dotnet msbuild -getItem -getProperty</c>) for a project's EventContract items and
    /// EventGovernance properties. Evaluation is MSBuild's: conditions, imports, Directory.Build.props,
    /// Update/Remove and defaults all apply exactly as in <c>dotnet build</c>, which a re-implementation could not promise.
    /// </summary>
    internal static class ProjectEvaluation
    {
        public const string ItemName = "EventContract";

        /// <summary>C# types checked by the build (CheckEventTypes); counted so check and register can say why they have nothing to do.</summary>
        public const string EventTypeItemName = "EventType";

        /// <summary>Set by the package's targets; empty when EventGovernance.Build is not imported (not referenced or not restored).</summary>
        public const string ImportMarker = "_EventGovernanceTaskAssembly";

        public static readonly string[] PropertyNames =
        {
            ImportMarker,
            ProjectProperties.Enabled,
            ProjectProperties.Lint,
            ProjectProperties.Registry,
            ProjectProperties.ContractsRoot,
            ProjectProperties.Compatibility,
            ProjectProperties.BasicAuth,
            ProjectProperties.BearerToken,
            ProjectProperties.Timeout,
            ProjectProperties.Retries,
            ProjectProperties.Policy,
        };

        // Evaluation takes about a second; the bound only stops a hung MSBuild from hanging eventgov.
        private static readonly TimeSpan EvaluationTimeout = TimeSpan.FromMinutes(3);

        // A build that runs eventgov (an Exec task, `dotnet test`) passes these down; they pin the parent's
        // MSBuild instance and would make a child evaluation resolve SDKs and targets from it.
        private static readonly string[] InheritedMsBuildVariables = { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" };

        public static EvaluatedProject Evaluate(string projectFile)
        {
            var args = new List<string> { "msbuild", projectFile, "-nologo", "-getItem:" + ItemName, "-getItem:" + EventTypeItemName };
            args.AddRange(PropertyNames.Select(p => "-getProperty:" + p));
            (int exit, string stdout, string stderr) = Run(args, Path.GetDirectoryName(projectFile)!);
            string display = DisplayPaths.Of(projectFile) ?? projectFile;
            if (exit != 0)
            {
                // MSBuild's line may quote property values; credentials from the environment never reach the output.
                var secrets = new Secrets(Environment.GetEnvironmentVariable(RegistryOptions.BasicAuthVariable), Environment.GetEnvironmentVariable(RegistryOptions.BearerTokenVariable));
                string reason = FirstError(stdout + "\n" + stderr) ?? $"dotnet msbuild exited with code {exit}";
                throw new ProjectException($"MSBuild could not evaluate {display}: {secrets.Scrub(reason)}");
            }
            EvaluatedProject project = Parse(projectFile, stdout)
                ?? throw new ProjectException($"MSBuild's answer for {display} was not the expected JSON (dotnet msbuild -getItem)");
            return project;
        }

        /// <summary>Reads the JSON MSBuild prints for -getItem with -getProperty; null when it is not that.</summary>
        internal static EvaluatedProject? Parse(string projectFile, string json)
        {
            int start = json.IndexOf('{');
            if (start < 0) return null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(json.Substring(start));
                JsonElement root = document.RootElement;
                var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (root.TryGetProperty("Properties", out JsonElement props) && props.ValueKind == JsonValueKind.Object)
                    foreach (JsonProperty p in props.EnumerateObject())
                        properties[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.ToString();
                var items = new List<ContractItem>();
                if (root.TryGetProperty("Items", out JsonElement all) && all.ValueKind == JsonValueKind.Object
                    && all.TryGetProperty(ItemName, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in list.EnumerateArray())
                    {
                        string? spec = Text(item, "Identity");
                        if (string.IsNullOrEmpty(spec)) continue;
                        items.Add(new ContractItem(spec, Text(item, ContractItemMapper.SubjectMetadata),
                            Text(item, ContractItemMapper.SchemaTypeMetadata), Text(item, ContractItemMapper.CompatibilityMetadata)));
                    }
                }
                int eventTypes = all.ValueKind == JsonValueKind.Object && all.TryGetProperty(EventTypeItemName, out JsonElement types) && types.ValueKind == JsonValueKind.Array
                    ? types.GetArrayLength()
                    : 0;
                return new EvaluatedProject(projectFile, properties, items, eventTypes);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>MSBuild's first error line (it names the file, line and problem), without the rest of its output.</summary>
        private static string? FirstError(string output) =>
            output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal) || l.StartsWith("MSBUILD : error", StringComparison.Ordinal));

        private static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> args, string workingDirectory)
        {
            var info = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args) info.ArgumentList.Add(arg);
            foreach (string name in InheritedMsBuildVariables) info.Environment.Remove(name);
            info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en"; // the error line is quoted in eventgov's English message
            info.Environment["DOTNET_NOLOGO"] = "1";

            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (stdout) stdout.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data); };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new ProjectException($"cannot run '{info.FileName}' to evaluate the project: {e.Message}");
            }
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)EvaluationTimeout.TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw new ProjectException($"MSBuild did not finish evaluating the project within {EvaluationTimeout.TotalMinutes:0} minutes");
            }
            process.WaitForExit(); // drains the redirected streams
            lock (stdout) lock (stderr) return (process.ExitCode, stdout.ToString(), stderr.ToString());
        }

        /// <summary>The dotnet that runs eventgov when known (the SDK sets DOTNET_HOST_PATH for its children), else dotnet on PATH.</summary>
        private static string DotnetHost()
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            string? self = Environment.ProcessPath;
            if (self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
            return "dotnet";
        }
    }
}
