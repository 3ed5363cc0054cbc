using System;
using System.Collections.Generic;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>A defect reaching the top is one line on stderr, exit 2, with credentials scrubbed like every other output.</summary>
    public class InternalErrorTests
    {
        private sealed class FailingFormat : ISchemaFormat
        {
            public SchemaType Type => SchemaType.Json;

            public ParsedSchema Parse(SchemaSource source) =>
                throw new InvalidOperationException("lost while calling https://carol:url-pass@registry.example/x with token env-token-123\n  at Somewhere()");

            public IReadOnlyList<Difference> Diff(ParsedSchema original, ParsedSchema update, CompatibilityOptions options) =>
                throw new NotImplementedException();
        }

        [Fact]
        public void An_unexpected_exception_is_one_scrubbed_line_and_exit_2()
        {
            using var dir = new TempDirectory();
            string file = dir.Write("a.json", "{}");
            // The command's own environment, not the process's: this test runs in parallel with the others.
            var environment = new Dictionary<string, string> { [RegistryOptions.BearerTokenVariable] = "env-token-123" };
            CliResult result = CliRunner.RunIn(
                (stdout, stderr) => new CliContext(stdout, stderr)
                {
                    Formats = _ => new FailingFormat(),
                    Environment = name => environment.TryGetValue(name, out string? value) ? value : null,
                },
                "compat", "--old", file, "--new", file);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.StderrLines);
            Assert.StartsWith("eventgov: internal error (InvalidOperationException):", line);
            Assert.DoesNotContain("url-pass", line);
            Assert.DoesNotContain("env-token-123", line);
        }
    }
}
