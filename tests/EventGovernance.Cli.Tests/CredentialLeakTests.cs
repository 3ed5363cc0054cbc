using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EventGovernance.Registry;
using EventGovernance.Tests;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// check, register and pull with basic-auth and bearer credentials against registries that fail in every way
    /// we know: the credential (the password, the token, and the base64 a Basic header carries) appears in no
    /// line of stdout or stderr and in no file written. Credentials come from the environment, as in CI; the CLI
    /// tests run one at a time, so setting it here is safe.
    /// </summary>
    public class CredentialLeakTests
    {
        private const string User = "leak-user";
        private const string Password = "Leak-Pa55-83c1f";
        private const string Token = "leak-tok-4e9a0b77";

        public enum Credential { BasicFromEnvironment, BasicInUrl, BearerFromEnvironment }

        public static TheoryData<Misbehavior, Credential> Cases()
        {
            var data = new TheoryData<Misbehavior, Credential>();
            foreach (Misbehavior behavior in new[] { Misbehavior.Hang, Misbehavior.Reset, Misbehavior.Garbage, Misbehavior.EchoAuthorization, Misbehavior.TooManyRequests })
                foreach (Credential credential in Enum.GetValues<Credential>())
                    data.Add(behavior, credential);
            return data;
        }

        private static IEnumerable<string> Secrets() => new[]
        {
            Password, Token, Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)),
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Check_register_and_pull_never_show_the_credential(Misbehavior behavior, Credential credential)
        {
            using var server = new MisbehavingRegistry(behavior);
            using var dir = new TempDirectory();
            dir.Write("contracts/orders.schema.json", "id!\n");
            string url = credential == Credential.BasicInUrl ? server.Url.Replace("http://", $"http://{User}:{Password}@", StringComparison.Ordinal) : server.Url;
            string contracts = dir.Combine("contracts");
            string[] tuning = { "--timeout", "1", "--retries", "1" };

            var runs = new List<(string Command, CliResult Result)>();
            foreach (string format in new[] { "text", "json", "sarif" })
                runs.Add(("check " + format, Run(credential, new[] { "check", "--contracts", contracts, "--registry", url, "--format", format }.Concat(tuning).ToArray())));
            runs.Add(("register", Run(credential, new[] { "register", "--contracts", contracts, "--registry", url }.Concat(tuning).ToArray())));
            runs.Add(("pull", Run(credential, new[] { "pull", "--registry", url, "--out", dir.Combine("mirror") }.Concat(tuning).ToArray())));

            foreach ((string command, CliResult result) in runs)
            {
                Assert.Equal(2, result.ExitCode);
                Assert.Contains("EG1003", result.Stdout + result.Stderr);
                AssertNoSecret($"eventgov {command} against a registry that does {behavior}", result.Stdout + result.Stderr);
            }
            AssertNoSecretInFiles(dir.Path);
            Assert.Contains(server.Requests, r => r.Contains(credential == Credential.BearerFromEnvironment ? "Authorization: Bearer " : "Authorization: Basic ", StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [InlineData(Credential.BasicFromEnvironment)]
        [InlineData(Credential.BearerFromEnvironment)]
        public void A_registration_that_fails_half_way_never_shows_the_credential(Credential credential)
        {
            using var server = new FakeSchemaRegistry
            {
                RequiredAuthorization = credential == Credential.BearerFromEnvironment
                    ? "Bearer " + Token
                    : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)),
                FailRegistrationOf = "zz-last",
            };
            using var dir = new TempDirectory();
            dir.Write("contracts/first.schema.json", "id!\n");
            dir.Write("contracts/zz-last.schema.json", "id!\n");

            CliResult result = Run(credential, "register", "--contracts", dir.Combine("contracts"), "--registry", server.Url, "--timeout", "2", "--retries", "0");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("already registered and kept", result.Stderr);
            Assert.Contains("first v1", result.Stderr);
            AssertNoSecret("eventgov register against a registry failing half-way", result.Stdout + result.Stderr);
            AssertNoSecretInFiles(dir.Path);
        }

        /// <summary>
        /// Runs eventgov with the credential in its environment. The variable lives in the command's context, not in
        /// the process, which the CLI tests running in parallel share.
        /// </summary>
        private static CliResult Run(Credential credential, params string[] args)
        {
            string variable = credential == Credential.BearerFromEnvironment ? RegistryOptions.BearerTokenVariable : RegistryOptions.BasicAuthVariable;
            string? value = credential switch
            {
                Credential.BasicFromEnvironment => User + ":" + Password,
                Credential.BearerFromEnvironment => Token,
                _ => null,
            };
            string? Environment(string name) => name == variable ? value : System.Environment.GetEnvironmentVariable(name);

            // A generous bound that a hang would exceed: each command makes at most a few 1 s attempts.
            Task<CliResult> run = Task.Run(() => CliRunner.RunIn(
                (stdout, stderr) => new CliContext(stdout, stderr) { Formats = _ => FieldListFormat.Instance, Environment = Environment }, args));
            Assert.True(run.Wait(TimeSpan.FromSeconds(90)), $"eventgov {string.Join(" ", args)} did not end");
            return run.Result;
        }

        private static void AssertNoSecret(string what, string text)
        {
            foreach (string secret in Secrets())
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} showed a credential:\n{text}");
        }

        private static void AssertNoSecretInFiles(string root)
        {
            foreach (string file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
                AssertNoSecret("the file " + Path.GetRelativePath(root, file), File.ReadAllText(file));
        }
    }
}
