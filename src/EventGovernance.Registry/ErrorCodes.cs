namespace EventGovernance.Registry
{
    /// <summary>
    /// The codes the gate reports, in the build and in <c>eventgov check</c>/<c>register</c>, with the next step
    /// for each and the link to its page in docs/errors/ of the repository (keep them in step). The link has the
    /// analyzers' help-link form: the project URL (PackageProjectUrl) + /blob/main/docs/...
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

        public const string DocsBase = "https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/";

        /// <summary>Every code the gate reports.</summary>
        public static string[] All => new[] { UnexpectedFailure, BreakingChange, MalformedContract, RegistryUnavailable, InvalidConfiguration };

        /// <summary>The code's page: <c>https://github.com/eventgovernance/eventgovernance/blob/main/docs/errors/EG1001.md</c>.</summary>
        public static string HelpLink(string code) => Lint.LintRules.IsLint(code) ? Lint.LintRules.HelpLink(code) : DocsBase + code + ".md";

        /// <summary>
        /// What the code finds, as a rule title (SARIF's shortDescription, a page's heading); for an EG11xx, the lint
        /// rule's own title. The next step is <see cref="NextStep"/>.
        /// </summary>
        public static string Title(string code) => code switch
        {
            UnexpectedFailure => "Unexpected failure of the contract check",
            BreakingChange => "Breaking change to a registered schema",
            MalformedContract => "Contract that cannot be read or is not a valid schema",
            RegistryUnavailable => "Schema registry unavailable",
            InvalidConfiguration => "Invalid gate configuration",
            _ => Lint.LintRules.Find(code)?.Title ?? code,
        };

        /// <summary>What the developer does next, in a few words; the page says more.</summary>
        public static string NextStep(string code) => code switch
        {
            UnexpectedFailure => "this is a defect: please report it with this message, and set EventGovernanceEnabled=false to build meanwhile",
            BreakingChange => "make the change compatible or publish it under a new subject",
            MalformedContract => "correct the schema where the message says",
            RegistryUnavailable => "check the registry's address, the network and the credentials",
            InvalidConfiguration => "correct the value",
            _ => Lint.LintRules.Find(code)?.NextStep ?? "see the documentation",
        };

        /// <summary>The message with the next step and the page appended: "...; make the change compatible ... (see https://...)".</summary>
        public static string WithNextStep(string code, string message) =>
            $"{message}; {NextStep(code)} (see {HelpLink(code)})";
    }
}
