using System;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Tests;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// check and pull against a registry that hangs, resets, answers garbage or answers without end: one
    /// EG1003 line and exit 2 within the timeout, never an internal error, never the credentials.
    /// </summary>
    public class MisbehavingRegistryCommandTests
    {
        private const string Password = "cli-Mis-Pa55-51d";

        private static CliResult Run(params string[] args)
        {
            // A generous bound that a hang would exceed: each command is configured for one 1 s attempt.
            Task<CliResult> run = Task.Run(() => CliRunner.RunWithTestFormat(args));
            Assert.True(run.Wait(TimeSpan.FromSeconds(60)), $"eventgov {string.Join(" ", args)} did not end");
            return run.Result;
        }

        private static string WithCredentials(string url) => url.Replace("http://", "http://alice:" + Password + "@", StringComparison.Ordinal);

        public static TheoryData<Misbehavior, string> Cases => new TheoryData<Misbehavior, string>
        {
            { Misbehavior.Hang, "did not answer within 1 s" },
            { Misbehavior.Reset, "the connection was reset" },
            { Misbehavior.Garbage, "answered something that is not Schema Registry's REST API" },
            { Misbehavior.Huge, "answered more than 16 MB" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Check_reports_EG1003(Misbehavior behavior, string expected)
        {
            using var server = new MisbehavingRegistry(behavior);
            using var dir = new TempDirectory();
            dir.Write("contracts/a.schema.json", "id!\n");

            CliResult result = Run("check", "--contracts", dir.Combine("contracts"), "--registry", WithCredentials(server.Url), "--timeout", "1", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("eventgov: error EG1003: ", line);
            Assert.Contains(expected, line);
            Assert.DoesNotContain("internal error", result.Stderr);
            Assert.DoesNotContain(Password, result.Stdout + result.Stderr);
            Assert.Contains(server.Requests, r => r.Contains("Authorization: Basic ", StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Pull_reports_EG1003_and_writes_nothing(Misbehavior behavior, string expected)
        {
            using var server = new MisbehavingRegistry(behavior);
            using var dir = new TempDirectory();

            CliResult result = Run("pull", "--registry", WithCredentials(server.Url), "--out", dir.Combine("mirror"), "--timeout", "1", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("eventgov: error EG1003: ", line);
            Assert.Contains(expected, line);
            Assert.DoesNotContain(Password, result.Stdout + result.Stderr);
            Assert.False(System.IO.Directory.Exists(dir.Combine("mirror", "subjects")));
        }

        [Fact]
        public void A_huge_subject_name_is_cut_where_it_is_echoed()
        {
            using var server = new FakeSchemaRegistry();
            string subject = "orders-" + new string('x', 100_000);
            server.Seed(subject, "id!\n");
            server.FailPathsContaining = "/versions";
            using var dir = new TempDirectory();

            CliResult result = Run("pull", "--registry", server.Url, "--out", dir.Combine("mirror"), "--timeout", "1", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.Contains("'orders-xxx", line);
            Assert.Contains("… (100007 characters)", line);
            Assert.True(line.Length < 1_000, $"the line is {line.Length} characters long");
        }
    }
}
