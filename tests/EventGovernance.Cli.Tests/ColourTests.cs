using System;
using System.Collections.Generic;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>Text on a terminal is coloured; redirected output, NO_COLOR and every machine format are plain.</summary>
    public class ColourTests
    {
        // Every comparison is ordinal: a culture-aware one ignores the escape character, so it could not tell colour from none.
        private const string Escape = "\u001b[";
        private const string Red = "\u001b[31m";
        private const string Green = "\u001b[32m";
        private const string Yellow = "\u001b[33m";

        private static CliResult Run(bool terminal, string? noColor, params string[] args) =>
            CliRunner.RunIn((stdout, stderr) => new CliContext(stdout, stderr)
            {
                Formats = _ => FieldListFormat.Instance,
                OutputIsTerminal = terminal,
                Environment = name => name == CliContext.NoColorVariable ? noColor : null,
            }, args);

        /// <summary>A repository with a breaking, a compatible and a new contract, checked against its embedded registry.</summary>
        private static TempDirectory Repository()
        {
            var dir = new TempDirectory();
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            registry.RegisterAsync("breaks", SchemaType.Json, "id!\n", Array.Empty<SchemaReference>()).GetAwaiter().GetResult();
            registry.RegisterAsync("grows", SchemaType.Json, "id!\n", Array.Empty<SchemaReference>()).GetAwaiter().GetResult();
            dir.Write("contracts/breaks.schema.json", "id!\ncustomer!\n");
            dir.Write("contracts/grows.schema.json", "id!\nnote\n");
            dir.Write("contracts/fresh.schema.json", "id!\n");
            return dir;
        }

        [Fact]
        public void Check_on_a_terminal_colours_breaking_red_compatible_green_and_new_yellow()
        {
            using var dir = Repository();

            CliResult result = Run(terminal: true, noColor: null, "check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(Red + "BREAKING   breaks (", result.Stdout, StringComparison.Ordinal);
            Assert.Contains(Green + "COMPATIBLE grows (", result.Stdout, StringComparison.Ordinal);
            Assert.Contains(Yellow + "NEW        fresh (", result.Stdout, StringComparison.Ordinal);
            Assert.Contains(Red + "3 contract(s): 2 pass, 1 breaking, 0 invalid\u001b[0m", result.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"\u001b\[31m.*error EG1001: ", result.Stdout);
        }

        [Theory]
        [InlineData(false, null)] // redirected to a file or a pipe
        [InlineData(true, "1")]
        [InlineData(true, "false")] // any non-empty value turns colour off
        public void Check_is_plain_when_redirected_or_NO_COLOR_is_set(bool terminal, string? noColor)
        {
            using var dir = Repository();

            CliResult result = Run(terminal, noColor, "check", "--contracts", dir.Combine("contracts"));

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("BREAKING   breaks (", result.Stdout);
            Assert.DoesNotContain(Escape, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_NO_COLOR_leaves_colour_on()
        {
            using var dir = Repository();

            CliResult result = Run(terminal: true, noColor: "", "check", "--contracts", dir.Combine("contracts"));

            Assert.Contains(Red + "BREAKING   breaks (", result.Stdout, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("json")]
        [InlineData("sarif")]
        [InlineData("markdown")]
        [InlineData("github")]
        public void Machine_formats_are_never_coloured_even_on_a_terminal(string format)
        {
            using var dir = Repository();

            CliResult result = Run(terminal: true, noColor: null, "check", "--contracts", dir.Combine("contracts"), "--format", format);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("breaks", result.Stdout);
            Assert.DoesNotContain(Escape, result.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public void Compat_colours_its_verdict_on_a_terminal_only()
        {
            using var dir = new TempDirectory();
            string old = dir.Write("v1.json", "id!\n");
            string breaking = dir.Write("v2.json", "id!\ncustomer!\n");
            string fine = dir.Write("v3.json", "id!\nnote\n");

            CliResult red = Run(terminal: true, noColor: null, "compat", "--old", old, "--new", breaking);
            CliResult green = Run(terminal: true, noColor: null, "compat", "--old", old, "--new", fine);
            CliResult plain = Run(terminal: false, noColor: null, "compat", "--old", old, "--new", breaking);
            CliResult json = Run(terminal: true, noColor: null, "compat", "--old", old, "--new", breaking, "--format", "json");

            Assert.StartsWith(Red + "INCOMPATIBLE: ", red.Stdout, StringComparison.Ordinal);
            Assert.StartsWith(Green + "COMPATIBLE: ", green.Stdout, StringComparison.Ordinal);
            Assert.StartsWith("INCOMPATIBLE: ", plain.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(Escape, plain.Stdout + json.Stdout, StringComparison.Ordinal);
            Assert.Equal(new[] { 1, 0, 1, 1 }, new List<int> { red.ExitCode, green.ExitCode, plain.ExitCode, json.ExitCode });
        }
    }
}
