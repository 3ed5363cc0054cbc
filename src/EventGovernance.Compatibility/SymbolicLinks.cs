using System;
using System.IO;

namespace EventGovernance.Compatibility
{
    /// <summary>
    /// Finds symbolic links (and other reparse points) on the way from a trusted directory to a file. A link can
    /// lead anywhere, so following one would defeat every "inside the contracts root" check made on the path's text.
    /// </summary>
    public static class SymbolicLinks
    {
        /// <summary>True when the file or directory exists and is a link.</summary>
        public static bool IsLink(string path)
        {
            try
            {
                return (File.Exists(path) || Directory.Exists(path)) && (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// The first file or directory below <paramref name="baseDirectory"/> (itself not checked: the user chose it)
        /// down to <paramref name="fullPath"/> that is a link; null when there is none or the path is not below the base.
        /// </summary>
        public static string? FirstBelow(string baseDirectory, string fullPath)
        {
            string root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            string full = Path.GetFullPath(fullPath);
            if (!full.StartsWith(root, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) return null;
            string current = root.TrimEnd(Path.DirectorySeparatorChar);
            foreach (string part in full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
            {
                current = Path.Combine(current, part);
                if (IsLink(current)) return current;
            }
            return null;
        }
    }
}
