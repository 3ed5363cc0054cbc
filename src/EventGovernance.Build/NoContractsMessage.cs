namespace EventGovernance.Build
{
    /// <summary>
    /// What the build says when a project references the gate but has no contracts: where it looked and what
    /// to set. A message, not a warning, so projects that treat warnings as errors still build.
    /// </summary>
    public static class NoContractsMessage
    {
        /// <param name="contractsRoot">The contracts root as shown to the user (relative to the project when inside it).</param>
        /// <param name="rootExists">Whether that directory exists.</param>
        /// <param name="defaultItemsEnabled">False when EnableDefaultEventContractItems is false.</param>
        public static string For(string contractsRoot, bool rootExists, bool defaultItemsEnabled)
        {
            if (!defaultItemsEnabled)
            {
                return "EventGovernance: no event contracts found: EnableDefaultEventContractItems is false and the project has no EventContract items; " +
                       "add EventContract items for the contracts to check, or set EventGovernanceEnabled=false.";
            }
            string root = contractsRoot.TrimEnd('/', '\\');
            string globs = $"{root}/**/*.schema.json, {root}/**/*.avsc and {root}/**/*.proto";
            string missing = rootExists ? "" : $" ({root} does not exist)";
            return $"EventGovernance: no event contracts found: looked for {globs} (without {root}/registry, bin, obj and hidden folders){missing}. " +
                   "Set EventGovernanceContractsRoot to the folder that holds the contracts, or add EventContract items; EventGovernanceEnabled=false turns the check off.";
        }
    }
}
