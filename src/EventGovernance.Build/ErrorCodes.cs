namespace EventGovernance.Build
{
    /// <summary>
    /// The codes the gate reports. Each has a page in docs/errors/ of the repository; keep them in step.
    /// </summary>
    public static class ErrorCodes
    {
        /// <summary>The gate failed for a reason it did not expect (a defect: please report it).</summary>
        public const string UnexpectedFailure = "EG1000";

        /// <summary>A contract change breaks consumers of a registered version.</summary>
        public const string BreakingChange = "EG1001";

        /// <summary>A contract (or a schema it references) cannot be read or is not a valid schema.</summary>
        public const string MalformedContract = "EG1002";

        /// <summary>The schema registry could not be reached or refused the request.</summary>
        public const string RegistryUnavailable = "EG1003";

        /// <summary>A property or item metadata of the gate has a value it does not understand.</summary>
        public const string InvalidConfiguration = "EG1004";
    }
}
