namespace EventGovernance.Registry.Reporting
{
    /// <summary>
    /// What a line of the text report means, for a terminal to colour it; the text itself never depends on it,
    /// so plain output (files, pipes, NO_COLOR) reads exactly the same.
    /// </summary>
    public enum TextTone
    {
        Plain,

        /// <summary>Passes: compatible, unchanged, a summary with nothing failing.</summary>
        Good,

        /// <summary>Worth a look but passes: a new subject, a warning.</summary>
        Notice,

        /// <summary>Fails: breaking, invalid, an error.</summary>
        Bad,
    }

    public static class TextTones
    {
        public static TextTone Of(ContractStatus status) => status switch
        {
            ContractStatus.Breaking => TextTone.Bad,
            ContractStatus.Invalid => TextTone.Bad,
            ContractStatus.New => TextTone.Notice,
            _ => TextTone.Good,
        };

        public static TextTone Of(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => TextTone.Bad,
            FindingSeverity.Warning => TextTone.Notice,
            _ => TextTone.Plain,
        };
    }
}
