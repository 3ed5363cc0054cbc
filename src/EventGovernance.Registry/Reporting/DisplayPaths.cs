using System;
using System.IO;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// How files appear in every report: relative to a base directory (the project's for the build, the current
    /// directory for eventgov) when inside it, else as full paths; anything that is not a file system path as it is.
    /// </summary>
    public sealed class DisplayPaths
    {
        private readonly string _base;

        public DisplayPaths(string baseDirectory)
        {
            _base = WithSeparator(Path.GetFullPath(baseDirectory));
        }

        /// <summary>Relative to the current directory (what eventgov prints).</summary>
        public static DisplayPaths FromCurrentDirectory() => new DisplayPaths(Environment.CurrentDirectory);

        /// <summary>The file as displayed; a relative path is shown as it is.</summary>
        public string? Of(string? file)
        {
            // A relative path is already how the user named it.
            if (string.IsNullOrEmpty(file) || !Path.IsPathRooted(file)) return file;
            try
            {
                string full = Path.GetFullPath(file);
                return full.StartsWith(_base, PathComparison) ? full.Substring(_base.Length) : full;
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return file; // not a file system path (a registry URL path): show it as it is
            }
        }

        /// <summary>Relative to <paramref name="directory"/> when inside it, else the full path.</summary>
        public static string RelativeTo(string fullPath, string directory) => new DisplayPaths(directory).Of(fullPath) ?? fullPath;

        private static string WithSeparator(string path) =>
            path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;

        internal static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
