using System;
using System.IO;
using EventGovernance.Compatibility;

namespace EventGovernance.Cli
{
    /// <summary>
    /// Everything a command reads from or writes to the outside world, passed in rather than held in statics,
    /// so tests run commands side by side with writers, formats and an environment of their own.
    /// </summary>
    internal sealed class CliContext
    {
        /// <summary>Set to any non-empty value, it turns colour off (https://no-color.org).</summary>
        public const string NoColorVariable = "NO_COLOR";

        /// <summary>How long a remote registry may take to answer before eventgov says it is waiting.</summary>
        public static readonly TimeSpan DefaultProgressDelay = TimeSpan.FromSeconds(2);

        public CliContext(TextWriter stdout, TextWriter stderr)
        {
            Out = stdout;
            Error = stderr;
        }

        public TextWriter Out { get; }
        public TextWriter Error { get; }

        /// <summary>Where schema formats come from; tests pass a format of their own.</summary>
        public Func<SchemaType, ISchemaFormat> Formats { get; init; } = SchemaFormats.For;

        /// <summary>Reads an environment variable (null when unset).</summary>
        public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

        /// <summary>True when stdout is a terminal, not a file or a pipe.</summary>
        public bool OutputIsTerminal { get; init; }

        public TimeSpan ProgressDelay { get; init; } = DefaultProgressDelay;

        /// <summary>The process's own console.</summary>
        public static CliContext ForConsole() => new CliContext(Console.Out, Console.Error)
        {
            OutputIsTerminal = !Console.IsOutputRedirected,
        };

        /// <summary>Text output is coloured on a terminal unless NO_COLOR says otherwise.</summary>
        public bool UsesColour => OutputIsTerminal && string.IsNullOrEmpty(Environment(NoColorVariable));

        /// <summary>The palette for text output: ANSI colours, or none.</summary>
        public Palette Palette => UsesColour ? Palette.Ansi : Palette.Plain;
    }
}
