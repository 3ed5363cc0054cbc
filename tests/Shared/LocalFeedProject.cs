using System.IO;

namespace EventGovernance.Tests
{
    /// <summary>
    /// Lays out a throwaway consumer project directory that restores our freshly packed packages from a
    /// local folder feed and is not influenced by this repository's build settings.
    /// </summary>
    public static class LocalFeedProject
    {
        public static void WriteIsolationFiles(string directory, string feed)
        {
            // Empty files stop MSBuild from walking up into an enclosing repository's settings.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
            // The feed is added to the default sources, which still serve the public packages.
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="eventgovernance-e2e" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
        }
    }
}
