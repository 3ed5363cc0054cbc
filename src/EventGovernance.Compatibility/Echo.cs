namespace EventGovernance.Compatibility
{
    /// <summary>
    /// Cuts a value we repeat in a message (a subject name, a registry's message, a URL, a file path) to a
    /// length a build log can hold. The values come from files and registries we do not control: a
    /// 200 MB subject name must not become a 200 MB line.
    /// </summary>
    public static class Echo
    {
        /// <summary>Longest value repeated whole; longer ones keep their start and end an ellipsis.</summary>
        public const int MaxLength = 200;

        private const string Ellipsis = "…";

        public static string Cut(string? value)
        {
            if (value == null) return "";
            if (value.Length <= MaxLength) return value;
            int keep = MaxLength - Ellipsis.Length;
            // Do not split a surrogate pair: half a character prints as garbage.
            if (char.IsHighSurrogate(value[keep - 1])) keep--;
            return value.Substring(0, keep) + Ellipsis + $" ({value.Length} characters)";
        }
    }
}
