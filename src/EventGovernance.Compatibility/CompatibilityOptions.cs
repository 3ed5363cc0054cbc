namespace EventGovernance.Compatibility
{
    /// <summary>Confluent's JSON Schema policy: STRICT (the registry default) or LENIENT.</summary>
    public enum JsonCompatibilityPolicy
    {
        Strict,
        Lenient,
    }

    public static class JsonCompatibilityPolicies
    {
        /// <summary><c>strict</c> or <c>lenient</c> (any case); null for anything else.</summary>
        public static JsonCompatibilityPolicy? Parse(string? text)
        {
            string value = (text ?? "").Trim();
            if (value.Equals("strict", System.StringComparison.OrdinalIgnoreCase)) return JsonCompatibilityPolicy.Strict;
            if (value.Equals("lenient", System.StringComparison.OrdinalIgnoreCase)) return JsonCompatibilityPolicy.Lenient;
            return null;
        }
    }

    public sealed class CompatibilityOptions
    {
        public static CompatibilityOptions Default { get; } = new CompatibilityOptions();

        public JsonCompatibilityPolicy JsonPolicy { get; set; } = JsonCompatibilityPolicy.Strict;
    }
}
