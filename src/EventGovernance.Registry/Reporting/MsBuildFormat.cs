namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// MSBuild's canonical error form, <c>file(line,col): error EG1001: message</c>, which IDEs, CI logs and
    /// problem matchers understand; what eventgov prints for every finding in text output.
    /// </summary>
    public static class MsBuildFormat
    {
        /// <param name="defaultOrigin">Printed in place of the file for a finding that belongs to no file.</param>
        public static string Line(ReportFinding finding, string defaultOrigin = "eventgov")
        {
            string origin = finding.File ?? defaultOrigin;
            if (finding.File != null && finding.Line > 0) origin += finding.Column > 0 ? $"({finding.Line},{finding.Column})" : $"({finding.Line})";
            return OneLine($"{origin}: {Category(finding.Severity)} {finding.Code}: {finding.FullMessage}");
        }

        /// <summary>error, warning or info: the word MSBuild uses for each severity.</summary>
        public static string Category(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Warning => "warning",
            FindingSeverity.Note => "info",
            _ => "error",
        };

        /// <summary>One line for a message: never more than one line in a log.</summary>
        public static string OneLine(string message) =>
            message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }
}
