namespace EventGovernance.Compatibility
{
    /// <summary>Confluent's JSON Schema policy: STRICT (the registry default) or LENIENT.</summary>
    public enum JsonCompatibilityPolicy
    {
        Strict,
        Lenient,
    }

    public sealed class CompatibilityOptions
    {
        public static CompatibilityOptions Default { get; } = new CompatibilityOptions();

        public JsonCompatibilityPolicy JsonPolicy { get; set; } = JsonCompatibilityPolicy.Strict;
    }
}
