using System;

namespace EventGovernance.Compatibility
{
    /// <summary>
    /// Bad input: a schema that cannot be read, is not a schema, or references something it may not.
    /// The message names the file, the line and what is wrong; callers print it without a stack trace.
    /// </summary>
    public sealed class SchemaException : Exception
    {
        public SchemaException(string? file, int line, int column, string problem, Exception? inner = null)
            : base(Format(file, line, column, problem), inner)
        {
            File = file;
            Line = line;
            Column = column;
            Problem = problem;
        }

        public SchemaException(string? file, string problem, Exception? inner = null)
            : this(file, 0, 0, problem, inner)
        {
        }

        public string? File { get; }
        public int Line { get; }
        public int Column { get; }

        /// <summary>What is wrong, without the location prefix.</summary>
        public string Problem { get; }

        private static string Format(string? file, int line, int column, string problem)
        {
            string where = file ?? "<schema>";
            if (line > 0) where += column > 0 ? $"({line},{column})" : $"({line})";
            return $"{where}: {problem}";
        }
    }
}
