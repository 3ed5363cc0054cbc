namespace EventGovernance.EndToEnd.Tests;

/// <summary>Finds the repository root: the directory above the test binaries that holds EventGovernance.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var searched = new List<string>();
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            searched.Add(dir.FullName);
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EventGovernance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EventGovernance.sln not found in any of: " + string.Join(", ", searched));
    }
}
