using System;
using System.IO;
using EventGovernance.Compatibility;

namespace EventGovernance.Cli
{
    /// <summary>
    /// How files appear in eventgov's output: relative to the current directory when inside it (the one rule is
    /// <see cref="Registry.Reporting.DisplayPaths"/>), so a difference in a referenced file reads like one in the named file.
    /// </summary>
    internal static class DisplayPaths
    {
        public static string? Of(string? file) => Registry.Reporting.DisplayPaths.FromCurrentDirectory().Of(file);

        public static string Of(SourceLocation location) =>
            new SourceLocation(Of(location.File), location.Line, location.Column).ToString();

        /// <summary>The error's one-line message with its file shown the same way.</summary>
        public static string Of(SchemaException error) =>
            new SchemaException(Of(error.File), error.Line, error.Column, error.Problem).Message;
    }
}
