using System;
using System.IO;
using System.Linq;

namespace EventGovernance.Cli
{
    /// <summary>
    /// Decides whether a command reads its settings from a project (as <c>dotnet build</c> does) or from a
    /// contracts directory: <c>--project</c>, or exactly one project file in the current directory, means the
    /// project; <c>--no-project</c> forces the directory. A verdict must not depend on which of the two
    /// paths asked, so a project in effect together with <c>--contracts</c> is refused rather than silently ignored.
    /// </summary>
    internal static class ProjectMode
    {
        public const string ProjectOption = "project";
        public const string NoProjectFlag = "no-project";

        private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

        /// <summary>The full path of the project in effect, or null for directory mode.</summary>
        public static string? Find(ParsedOptions options)
        {
            string? named = options.Get(ProjectOption);
            if (options.Has(NoProjectFlag))
            {
                if (named != null) throw options.Error($"options '--{ProjectOption}' and '--{NoProjectFlag}' contradict each other");
                return null;
            }
            string? project = named != null ? Named(options, named) : InCurrentDirectory();
            if (project != null && options.Get("contracts") != null)
            {
                throw options.Error(
                    $"'--contracts' cannot be used with a project ({DisplayPaths.Of(project)}): the project's EventContract items and " +
                    $"EventGovernanceContractsRoot say where the contracts are; pass '--{NoProjectFlag}' to check a directory instead");
            }
            return project;
        }

        /// <summary>A project file, or a directory holding exactly one.</summary>
        private static string Named(ParsedOptions options, string path)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(full)) return full;
            if (Directory.Exists(full))
            {
                string[] found = ProjectFiles(full);
                if (found.Length == 1) return found[0];
                throw options.Error(found.Length == 0
                    ? $"option '--{ProjectOption}': '{path}' holds no project file (*.csproj, *.fsproj, *.vbproj)"
                    : $"option '--{ProjectOption}': '{path}' holds {found.Length} project files; name one");
            }
            throw options.Error($"option '--{ProjectOption}': the project file '{path}' does not exist");
        }

        private static string? InCurrentDirectory()
        {
            string[] found = ProjectFiles(Environment.CurrentDirectory);
            return found.Length == 1 ? found[0] : null;
        }

        private static string[] ProjectFiles(string directory) =>
            Directory.GetFiles(directory)
                .Where(f => ProjectExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Select(Path.GetFullPath)
                .ToArray();
    }
}
