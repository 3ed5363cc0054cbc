using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using EventGovernance.Cli.Reporting;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov pull</c>: mirrors a registry into an embedded registry directory.</summary>
    internal static class PullCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var command = new Command("pull", "Mirror a remote registry (every subject, version, reference and level) into an embedded registry directory.")
            {
                GateCommandOptions.Registry(),
                OptionKinds.Single("out", "dir",
                    "The embedded registry directory to write (each file atomically). In a project (see --project), --out defaults to the project's " +
                    "embedded registry, or the source is its remote one; credentials, timeout and retries come from the project unless given."),
                GateCommandOptions.Timeout(),
                GateCommandOptions.Retries(),
                GateCommandOptions.Project(),
                GateCommandOptions.NoProject(),
            };
            command.SetAction(parsed => Run(new ParsedOptions(parsed, context), context));
            return command;
        }

        private static int Run(ParsedOptions options, CliContext context)
        {
            TextWriter stdout = context.Out;
            TextWriter stderr = context.Error;
            string? project = ProjectMode.Find(options);
            RegistryOptions source;
            string output;
            if (project == null)
            {
                source = Common.Registry(options, null);
                output = options.Required("out");
            }
            else if (!FromProject(options, project, stderr, out source, out output))
            {
                return Program.Failed;
            }
            try
            {
                ISchemaRegistry remote = SlowRegistryNotice.Open(source, context);
                try
                {
                    var mirror = new EmbeddedRegistry(output);
                    (int subjects, int versions, IReadOnlyList<string> stale) = Mirror(remote, mirror);
                    var report = new PullReport(subjects, versions, remote.DisplayName, DisplayPaths.Of(mirror.Root) ?? mirror.Root, stale);
                    report.WriteText(stdout, context.Palette);
                    return Program.Ok;
                }
                finally
                {
                    (remote as IDisposable)?.Dispose();
                }
            }
            catch (RegistryUnavailableException e)
            {
                Common.WriteError(stderr, null, 0, 0, GateOutput.UnavailableCode, e.Message);
                return Program.Failed;
            }
            catch (SchemaException e)
            {
                Common.WriteError(stderr, e.File, e.Line, e.Column, GateOutput.MalformedCode, e.Problem);
                return Program.Failed;
            }
        }

        /// <summary>
        /// Reads everything first and writes only once the whole registry has been read, so a registry that
        /// fails part of the way leaves the output directory as it was rather than half mirrored.
        /// </summary>
        /// <summary>
        /// Project mode: a remote EventGovernanceRegistry is the source (then --out is needed); an embedded one is
        /// the destination (then the source is --registry or SCHEMA_REGISTRY_URL). Credentials, timeout and
        /// retries come from the project unless given as options.
        /// </summary>
        private static bool FromProject(ParsedOptions options, string projectFile, TextWriter stderr, out RegistryOptions source, out string output)
        {
            ProjectSettings settings = ProjectSettings.Of(options, ProjectEvaluation.Evaluate(projectFile));
            RegistryOptions fromProject = settings.Registry(); // --registry when given, else the project's registry
            string projectRegistry = settings.Project.Property(ProjectProperties.Registry);
            string? embedded = projectRegistry.Length > 0 && !RegistryOptions.IsUrl(projectRegistry)
                ? ContractItemMapper.FullPath(projectRegistry, settings.Project.ProjectDirectory)
                : null;
            if (fromProject.IsRemote)
            {
                source = fromProject;
            }
            else
            {
                // The project's registry is the embedded mirror itself; the source is SCHEMA_REGISTRY_URL.
                source = Common.Registry(options, null);
                source.BasicAuthUserInfo = fromProject.BasicAuthUserInfo;
                source.BearerToken = fromProject.BearerToken;
                source.Timeout = fromProject.Timeout;
                source.MaxRetries = fromProject.MaxRetries;
            }
            output = options.Get("out") ?? embedded ?? "";
            if (settings.WriteProblems(stderr)) return false;
            if (output.Length == 0) throw options.Error("option '--out' is required");
            return true;
        }

        private static (int Subjects, int Versions, IReadOnlyList<string> Stale) Mirror(ISchemaRegistry remote, EmbeddedRegistry mirror)
        {
            var versions = new List<(string Subject, int Version, RegisteredSchema Schema)>();
            var levels = new List<(string Subject, CompatibilityLevel? Level)>();
            IReadOnlyList<string> subjects = remote.GetSubjectsAsync().GetAwaiter().GetResult();
            foreach (string subject in subjects)
            {
                foreach (int version in remote.GetVersionsAsync(subject).GetAwaiter().GetResult())
                    versions.Add((subject, version, remote.GetSchemaAsync(subject, version).GetAwaiter().GetResult()));
                levels.Add((subject, remote.GetCompatibilityAsync(subject).GetAwaiter().GetResult()));
            }
            CompatibilityLevel? globalLevel = remote.GetCompatibilityAsync(null).GetAwaiter().GetResult();

            var pulled = new HashSet<(string, int)>();
            foreach ((string subject, int version, _) in versions) pulled.Add((subject, version));
            var stale = new List<string>();
            foreach (string subject in mirror.GetSubjectsAsync().GetAwaiter().GetResult())
                foreach (int version in mirror.GetVersionsAsync(subject).GetAwaiter().GetResult())
                    if (!pulled.Contains((subject, version))) stale.Add($"version {version} of '{Echo.Cut(subject)}'");

            foreach ((string subject, int version, RegisteredSchema schema) in versions)
                mirror.WriteVersionAsync(subject, version, schema.Type, schema.Text, schema.References).GetAwaiter().GetResult();
            foreach ((string subject, CompatibilityLevel? level) in levels)
                mirror.SetCompatibilityAsync(subject, level).GetAwaiter().GetResult();
            mirror.SetCompatibilityAsync(null, globalLevel).GetAwaiter().GetResult();
            return (subjects.Count, versions.Count, stale);
        }
    }
}
