using System;
using System.IO;

namespace EventGovernance.Tests
{
    /// <summary>
    /// Finds the repository root (the directory holding EventGovernance.sln) and the shared test data
    /// that lives beside it in <c>../shared</c>. Missing data is a failure naming where it looked, never a skip.
    /// </summary>
    public static class RepositoryPaths
    {
        private const string SolutionFile = "EventGovernance.sln";

        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        /// <summary>The directory that contains EventGovernance.sln.</summary>
        public static string Root => LazyRoot.Value;

        /// <summary>The shared data directory beside the repository root (<c>../shared</c>).</summary>
        public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

        /// <summary>A directory under <c>../shared/corpus</c>; throws with the path it looked at when missing.</summary>
        public static string CorpusDirectory(params string[] parts)
        {
            string dir = Path.Combine(Shared, "corpus", Path.Combine(parts));
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException($"shared corpus directory not found: looked for '{dir}' (the shared data must sit beside the repository root at ../shared)");
            return dir;
        }

        /// <summary>A file under <c>../shared/corpus</c>; throws with the path it looked at when missing.</summary>
        public static string CorpusFile(params string[] parts)
        {
            string file = Path.Combine(Shared, "corpus", Path.Combine(parts));
            if (!File.Exists(file))
                throw new FileNotFoundException($"shared corpus file not found: looked for '{file}' (the shared data must sit beside the repository root at ../shared)", file);
            return file;
        }

        private static string FindRoot()
        {
            string start = AppContext.BaseDirectory;
            for (DirectoryInfo? dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
            }
            throw new DirectoryNotFoundException($"cannot find the repository root: no {SolutionFile} in '{start}' or any directory above it");
        }
    }
}
