using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace EventGovernance.Registry.Lint
{
    /// <summary>
    /// A small .editorconfig reader, enough for the lint's settings: the properties that apply to one file, from
    /// every .editorconfig between the file's directory and the file system root (or the first <c>root = true</c>),
    /// closer files winning, and within a file later sections winning. Globs: <c>*</c>, <c>**</c>, <c>?</c>,
    /// <c>[abc]</c>, <c>{a,b}</c>; a glob without '/' matches the file name at any depth.
    /// </summary>
    public static class EditorConfig
    {
        public const string FileName = ".editorconfig";

        /// <summary>The properties for <paramref name="filePath"/>; keys lower-cased (editorconfig keys are case-insensitive).</summary>
        public static IReadOnlyDictionary<string, string> For(string filePath)
        {
            string full = Path.GetFullPath(filePath);
            var files = new List<string>();
            for (string? dir = Path.GetDirectoryName(full); dir != null; dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, FileName);
                if (!File.Exists(candidate)) continue;
                files.Add(candidate);
                if (IsRoot(candidate)) break;
            }
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            // Furthest first, so closer files overwrite.
            for (int i = files.Count - 1; i >= 0; i--) Apply(files[i], full, result);
            return result;
        }

        private static bool IsRoot(string path)
        {
            foreach (string raw in ReadLines(path))
            {
                string line = raw.Trim();
                if (line.StartsWith("[", StringComparison.Ordinal)) return false; // root must precede the sections
                if (TryProperty(line, out string key, out string value) && key == "root") return value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            return false;
        }

        private static void Apply(string configPath, string file, Dictionary<string, string> into)
        {
            string baseDir = Path.GetDirectoryName(configPath)!;
            string relative = file.Substring(Math.Min(file.Length, baseDir.Length)).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/');
            bool inMatchingSection = false;
            foreach (string raw in ReadLines(configPath))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[' && line.EndsWith("]", StringComparison.Ordinal))
                {
                    inMatchingSection = Matches(line.Substring(1, line.Length - 2), relative);
                    continue;
                }
                if (inMatchingSection && TryProperty(line, out string key, out string value)) into[key] = value;
            }
        }

        private static IEnumerable<string> ReadLines(string path)
        {
            try
            {
                return File.ReadAllLines(path);
            }
            catch (IOException)
            {
                return Array.Empty<string>();
            }
            catch (UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        private static bool TryProperty(string line, out string key, out string value)
        {
            int eq = line.IndexOf('=');
            key = value = "";
            if (eq <= 0) return false;
            key = line.Substring(0, eq).Trim().ToLowerInvariant();
            value = line.Substring(eq + 1).Trim();
            return key.Length > 0;
        }

        /// <summary>True when the section glob matches the path relative to the .editorconfig's directory ('/' separated).</summary>
        public static bool Matches(string glob, string relativePath)
        {
            if (glob.IndexOf('/') < 0) glob = "**/" + glob;
            else if (glob.StartsWith("/", StringComparison.Ordinal)) glob = glob.Substring(1);
            try
            {
                return Regex.IsMatch(relativePath, "^" + ToRegex(glob) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return false; // a glob we cannot read matches nothing
            }
        }

        private static string ToRegex(string glob)
        {
            var regex = new StringBuilder();
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                switch (c)
                {
                    case '*':
                        if (i + 1 < glob.Length && glob[i + 1] == '*')
                        {
                            i++;
                            // "**/" also matches no directory at all.
                            if (i + 1 < glob.Length && glob[i + 1] == '/')
                            {
                                i++;
                                regex.Append("(?:.*/)?");
                            }
                            else regex.Append(".*");
                        }
                        else regex.Append("[^/]*");
                        break;
                    case '?':
                        regex.Append("[^/]");
                        break;
                    case '{':
                        int close = glob.IndexOf('}', i);
                        if (close < 0)
                        {
                            regex.Append("\\{");
                            break;
                        }
                        string[] choices = glob.Substring(i + 1, close - i - 1).Split(',');
                        regex.Append("(?:");
                        for (int k = 0; k < choices.Length; k++)
                        {
                            if (k > 0) regex.Append('|');
                            regex.Append(ToRegex(choices[k]));
                        }
                        regex.Append(')');
                        i = close;
                        break;
                    case '[':
                        int end = glob.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            regex.Append("\\[");
                            break;
                        }
                        string set = glob.Substring(i + 1, end - i - 1);
                        regex.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                        i = end;
                        break;
                    default:
                        regex.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            return regex.ToString();
        }
    }
}
