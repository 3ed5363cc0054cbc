using System;
using System.IO;
using System.Linq;

namespace EventGovernance.Tests
{
    /// <summary>
    /// Finds a package that `dotnet pack -o feed` just produced. Its version comes from git (see
    /// Directory.Build.props), so tests read it from the file name instead of choosing one.
    /// </summary>
    public static class FeedPackages
    {
        /// <summary>The one <c>&lt;id&gt;.&lt;version&gt;.nupkg</c> in <paramref name="feed"/>; throws with the pack output otherwise.</summary>
        public static string Single(string feed, string id, ProcessResult pack)
        {
            string[] packages = Directory.Exists(feed)
                ? Directory.GetFiles(feed, id + ".*.nupkg").Where(p => VersionOf(p, id).Length > 0 && char.IsDigit(VersionOf(p, id)[0])).ToArray()
                : Array.Empty<string>();
            if (packages.Length != 1)
                throw new InvalidOperationException($"expected one {id} package in {feed}, found {packages.Length}: " + pack.Describe());
            return packages[0];
        }

        /// <summary>The version part of a package file name.</summary>
        public static string VersionOf(string packagePath, string id)
        {
            string name = Path.GetFileNameWithoutExtension(packagePath);
            return name.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase) ? name.Substring(id.Length + 1) : "";
        }
    }
}
