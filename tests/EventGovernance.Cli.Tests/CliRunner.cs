using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.TestSupport;

// Program.Formats is process-wide: the CLI tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EventGovernance.Cli.Tests
{
    internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Replace("\r\n", "\n").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        public string[] StderrLines => Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
    }

    internal static class CliRunner
    {
        /// <summary>Runs eventgov in-process with the test format standing in for every schema type.</summary>
        public static CliResult RunWithTestFormat(params string[] args)
        {
            Program.Formats = _ => FieldListFormat.Instance;
            try
            {
                return Run(args);
            }
            finally
            {
                Program.Formats = SchemaFormats.For;
            }
        }

        /// <summary>Runs eventgov in-process with the real engines.</summary>
        public static CliResult Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = Program.Run(args, stdout, stderr);
            return new CliResult(exit, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }
    }
}
