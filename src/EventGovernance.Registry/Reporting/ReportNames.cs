using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Reporting
{
    /// <summary>The names reports use for statuses and levels, in one place.</summary>
    public static class ReportNames
    {
        /// <summary>The accepted level names, for "expected ..." messages.</summary>
        public const string LevelChoices = CompatibilityLevels.Choices;

        public static string Level(CompatibilityLevel level) => level.ToRegistryName();

        public static string Status(ContractStatus status) => status switch
        {
            ContractStatus.New => "NEW",
            ContractStatus.Unchanged => "UNCHANGED",
            ContractStatus.Compatible => "COMPATIBLE",
            ContractStatus.Breaking => "BREAKING",
            ContractStatus.Removed => "REMOVED",
            _ => "INVALID",
        };
    }
}
