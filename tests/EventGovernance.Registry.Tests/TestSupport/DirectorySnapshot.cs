using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace EventGovernance.TestSupport
{
    /// <summary>Every directory and file under a root, files with a hash of their bytes: equal snapshots mean an identical tree.</summary>
    internal static class DirectorySnapshot
    {
        public static IReadOnlyList<string> Take(string root)
        {
            if (!Directory.Exists(root)) return new[] { "(no directory)" };
            var entries = new List<string>();
            foreach (string dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories))
                entries.Add("dir  " + Relative(root, dir));
            foreach (string file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
                entries.Add("file " + Relative(root, file) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
            entries.Sort(StringComparer.Ordinal);
            return entries;
        }

        private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
