using System;
using System.IO;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Replace("\r\n", "\n").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        public string[] StderrLines => Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Tests that change the current directory or the process's environment: run alone, since every other CLI
    /// test runs in parallel (and a project file in the current directory changes what 'check' does).
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessStateCollection
    {
        public const string Name = "current directory and environment";
    }

    internal static class CliRunner
    {
        /// <summary>Runs eventgov in-process with the test format standing in for every schema type.</summary>
        public static CliResult RunWithTestFormat(params string[] args) =>
            RunIn((stdout, stderr) => new CliContext(stdout, stderr) { Formats = _ => FieldListFormat.Instance }, args);

        /// <summary>Runs eventgov in-process with the real engines.</summary>
        public static CliResult Run(params string[] args) => RunIn((stdout, stderr) => new CliContext(stdout, stderr), args);

        /// <summary>Runs eventgov in-process in a context of the test's own (formats, environment, terminal).</summary>
        public static CliResult RunIn(Func<TextWriter, TextWriter, CliContext> context, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, context(stdout, stderr));
            return new CliResult(exit, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }
    }
}
