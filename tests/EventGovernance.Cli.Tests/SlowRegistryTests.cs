using System;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Tests;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// A remote registry slower than about 2 s to answer: one line on stderr saying eventgov is waiting, with
    /// the registry's address and the timeout, never on stdout, never twice, never the credentials.
    /// </summary>
    public class SlowRegistryTests
    {
        private const string Password = "slow-Pa55-7e1";

        private static string WithCredentials(string url) => url.Replace("http://", "http://alice:" + Password + "@", StringComparison.Ordinal);

        private static CliResult Run(params string[] args)
        {
            // A generous bound that a hang would exceed.
            Task<CliResult> run = Task.Run(() => CliRunner.RunWithTestFormat(args));
            Assert.True(run.Wait(TimeSpan.FromSeconds(90)), $"eventgov {string.Join(" ", args)} did not end");
            return run.Result;
        }

        [Fact]
        public void Check_against_a_slow_registry_says_once_that_it_is_waiting_and_still_passes()
        {
            // Every request takes longer than the notice's delay, and check makes several.
            using var server = new FakeSchemaRegistry { Delay = TimeSpan.FromSeconds(2.5) };
            server.Seed("a", "id!\n");
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\nnote\n");

            CliResult result = Run("check", "--contracts", dir.Combine("contracts"), "--registry", WithCredentials(server.Url), "--timeout", "10");

            Assert.Equal(0, result.ExitCode);
            Assert.True(server.Requests.Count > 1, $"check made {server.Requests.Count} request(s)");
            Assert.Equal(new[] { $"eventgov: waiting for the registry at {server.Url} (timeout 10 s)..." }, result.StderrLines);
            Assert.DoesNotContain("waiting", result.Stdout);
            Assert.Contains("COMPATIBLE a (", result.Stdout);
            Assert.DoesNotContain(Password, result.Stdout + result.Stderr);
        }

        [Fact]
        public void Pull_from_a_registry_that_never_answers_says_it_is_waiting_then_fails_with_EG1003()
        {
            using var server = new MisbehavingRegistry(Misbehavior.Hang);
            using var dir = new TempDirectory();

            CliResult result = Run("pull", "--registry", WithCredentials(server.Url), "--out", dir.Combine("mirror"), "--timeout", "3", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            Assert.Collection(result.StderrLines,
                line => Assert.Equal($"eventgov: waiting for the registry at {server.Url} (timeout 3 s)...", line),
                line => Assert.StartsWith("eventgov: error EG1003: ", line));
            Assert.Equal("", result.Stdout);
            Assert.DoesNotContain(Password, result.Stderr);
        }

        [Fact]
        public void A_registry_answering_quickly_prints_no_notice()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("a", "id!\n");
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");

            CliResult result = Run("check", "--contracts", dir.Combine("contracts"), "--registry", server.Url);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
        }
    }
}
