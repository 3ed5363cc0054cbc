using System;

namespace EventGovernance.Compatibility
{
    /// <summary>The registry's compatibility levels.</summary>
    public enum CompatibilityLevel
    {
        None,
        Backward,
        BackwardTransitive,
        Forward,
        ForwardTransitive,
        Full,
        FullTransitive,
    }

    public static class CompatibilityLevels
    {
        /// <summary>Every level name, for "expected ..." messages (the one list of them).</summary>
        public const string Choices = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE";

        /// <summary>Parses the registry's spelling (<c>BACKWARD_TRANSITIVE</c>), case-insensitively; null when unknown.</summary>
        public static CompatibilityLevel? Parse(string? text)
        {
            switch (text?.Trim().ToUpperInvariant().Replace('-', '_'))
            {
                case "NONE": return CompatibilityLevel.None;
                case "BACKWARD": return CompatibilityLevel.Backward;
                case "BACKWARD_TRANSITIVE": return CompatibilityLevel.BackwardTransitive;
                case "FORWARD": return CompatibilityLevel.Forward;
                case "FORWARD_TRANSITIVE": return CompatibilityLevel.ForwardTransitive;
                case "FULL": return CompatibilityLevel.Full;
                case "FULL_TRANSITIVE": return CompatibilityLevel.FullTransitive;
                default: return null;
            }
        }

        /// <summary>The registry's spelling of a level.</summary>
        public static string ToRegistryName(this CompatibilityLevel level) => level switch
        {
            CompatibilityLevel.None => "NONE",
            CompatibilityLevel.Backward => "BACKWARD",
            CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
            CompatibilityLevel.Forward => "FORWARD",
            CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
            CompatibilityLevel.Full => "FULL",
            CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };

        public static bool IsTransitive(this CompatibilityLevel level) =>
            level == CompatibilityLevel.BackwardTransitive || level == CompatibilityLevel.ForwardTransitive || level == CompatibilityLevel.FullTransitive;

        public static bool ChecksBackward(this CompatibilityLevel level) =>
            level == CompatibilityLevel.Backward || level == CompatibilityLevel.BackwardTransitive || level == CompatibilityLevel.Full || level == CompatibilityLevel.FullTransitive;

        public static bool ChecksForward(this CompatibilityLevel level) =>
            level == CompatibilityLevel.Forward || level == CompatibilityLevel.ForwardTransitive || level == CompatibilityLevel.Full || level == CompatibilityLevel.FullTransitive;
    }
}
