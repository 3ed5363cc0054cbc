namespace EventGovernance.Compatibility
{
    /// <summary>A position in a schema file. Line and column are 1-based; 0 means unknown.</summary>
    public sealed class SourceLocation
    {
        public SourceLocation(string? file, int line, int column)
        {
            File = file;
            Line = line;
            Column = column;
        }

        public string? File { get; }
        public int Line { get; }
        public int Column { get; }

        public override string ToString() =>
            Line > 0 ? $"{File ?? "<schema>"}({Line},{Column})" : File ?? "<schema>";
    }
}
