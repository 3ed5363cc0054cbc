using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary><c>eventgov pull</c>: mirrors a registry into an embedded registry directory.</summary>
    internal static class PullCommand
    {
        public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            Arguments options = Arguments.Parse(args, new[] { "registry", "out", "timeout", "retries", ProjectMode.ProjectOption }, flags: CheckCommand.GateFlags);
            if (options.Help)
            {
                stdout.WriteLine(Usage.Pull);
                return Program.Ok;
            }
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
                ISchemaRegistry remote = SchemaRegistries.Open(source);
                try
                {
                    var mirror = new EmbeddedRegistry(output);
                    (int subjects, int versions, IReadOnlyList<string> stale) = Mirror(remote, mirror);
                    stdout.WriteLine($"pulled {subjects} subject(s), {versions} version(s) from {remote.DisplayName} into {DisplayPaths.Of(mirror.Root)}");
                    // Local history is never deleted: a version the registry no longer has may still be what
                    // consumers were built against. Say so, so the mirror is not mistaken for an exact copy.
                    foreach (string version in stale)
                        stdout.WriteLine($"warning: {version} is in {DisplayPaths.Of(mirror.Root)} but not in {remote.DisplayName}; it was kept");
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
        private static bool FromProject(Arguments options, string projectFile, TextWriter stderr, out RegistryOptions source, out string output)
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
