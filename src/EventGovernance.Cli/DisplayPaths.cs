using System;
using System.IO;
using EventGovernance.Compatibility;

namespace EventGovernance.Cli
{
    /// <summary>
    /// How files appear in eventgov's output: relative to the current directory when inside it, so a
    /// difference found in a referenced file reads like one in the file that was named on the command line.
    /// </summary>
    internal static class DisplayPaths
    {
        public static string? Of(string? file)
        {
            if (string.IsNullOrEmpty(file) || !Path.IsPathRooted(file)) return file;
            try
            {
                string full = Path.GetFullPath(file);
                string current = Path.GetFullPath(Environment.CurrentDirectory);
                if (!current.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)) current += Path.DirectorySeparatorChar;
                return full.StartsWith(current, PathComparison) ? full.Substring(current.Length) : full;
            }
            catch (ArgumentException)
            {
                return file; // Not a file system path: show it as it is.
            }
        }

        public static string Of(SourceLocation location) =>
            new SourceLocation(Of(location.File), location.Line, location.Column).ToString();

        /// <summary>The error's one-line message with its file shown the same way.</summary>
        public static string Of(SchemaException error) =>
            new SchemaException(Of(error.File), error.Line, error.Column, error.Problem).Message;

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
