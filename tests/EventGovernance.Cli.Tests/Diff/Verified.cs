using System.IO;
using EventGovernance.Tests;

namespace EventGovernance.Cli.Tests.Diff
{
    /// <summary>
    /// Golden files with Verify's naming: <c>Name.verified.ext</c> beside the tests holds the accepted output. On a
    /// mismatch (or when there is none yet) the output is written as <c>Name.received.ext</c> and the test fails;
    /// accept a change by renaming the received file to verified after reading it.
    /// </summary>
    internal static class Verified
    {
        private static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "EventGovernance.Cli.Tests", "Diff", "Verified");

        public static void Matches(string name, string extension, string actual)
        {
            string verified = Path.Combine(Directory, $"{name}.verified.{extension}");
            string received = Path.Combine(Directory, $"{name}.received.{extension}");
            string text = actual.Replace("\r\n", "\n");
            string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
            if (expected == text)
            {
                if (File.Exists(received)) File.Delete(received);
                return;
            }
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(received, text);
            Assert.Fail(expected == null
                ? $"no verified output yet: read {received} and rename it to {Path.GetFileName(verified)} to accept it"
                : $"the output differs from {verified}: see {received} (rename it to accept the change)");
        }
    }
}
