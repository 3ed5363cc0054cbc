using System.IO;

namespace EventGovernance.Build.Tests;

internal static class RepositoryPaths
{
    /// <summary>The directory holding EventGovernance.sln, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            string start = AppContext.BaseDirectory;
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EventGovernance.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"EventGovernance.sln not found in {start} or any parent directory");
        }
    }
}
