using System;
using System.IO;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>
    /// The wording of the gate's verdicts, shared by the MSBuild task and <c>eventgov check</c>/<c>register</c>
    /// so that both print the same sentences; each surface only adds its own file and line format.
    /// </summary>
    public static class GateMessages
    {
        /// <summary>The two ways to register a contract (the CLI and the MSBuild target).</summary>
        public const string RegisterCommands = "`eventgov register` or `dotnet build -t:EventGovernanceRegister`";

        /// <summary>What to do with a new subject.</summary>
        public static string RegisterHint => $"register it with {RegisterCommands} once the change is merged";

        /// <summary>The build's line for a new subject.</summary>
        public static string NewSubject(string subject, string registryName) =>
            $"subject '{Echo.Cut(subject)}' is new: it is not in {registryName} yet, so there is nothing to break; {RegisterHint}";

        /// <summary>
        /// The EG1001 message for one breaking finding, without file and line: which version it breaks, what the new
        /// version changed, where a removed element was and who breaks. Writers of EG codes add the next step
        /// (<see cref="ErrorCodes.WithNextStep"/>).
        /// </summary>
        public static string Breaking(ContractResult result, ContractFinding finding)
        {
            Difference d = finding.Difference;
            // Engines that already name the path in their message do not get it twice.
            string at = d.Message.Contains(d.Path) ? "" : $" at {d.Path}";
            string removed = RemovedFrom(finding) is string where ? $" (it was at {where})" : "";
            return $"subject '{Echo.Cut(result.Contract.Subject)}' breaks {result.Level.ToRegistryName()} compatibility with {finding.VersionName} ({d.Type}{at}): " +
                $"{d.Message.TrimEnd('.')}{removed}; it breaks {finding.WhoBreaks}";
        }

        /// <summary>A contract the registry's own verdict rejects although our engine found no breaking difference.</summary>
        public static string BreakingByRegistryVerdict(ContractResult result) =>
            $"subject '{Echo.Cut(result.Contract.Subject)}' breaks {result.Level.ToRegistryName()} compatibility: {result.Message}";

        /// <summary>The EG1002 message for a contract (or a schema it references) that cannot be read.</summary>
        public static string Malformed(Contract? contract, string problem) =>
            (contract != null ? $"subject '{Echo.Cut(contract.Subject)}': " : "") + problem;

        /// <summary>
        /// A project whose only event types are C# types (EventType items): there is no contract file to check or
        /// register, because the producer's serializer registers the derived schema itself.
        /// </summary>
        public static string OnlyEventTypes(int? count) =>
            (count == null ? "the project has only EventType items" : $"{count} EventType item(s) and no contract files")
            + ": code-first types are checked by dotnet build and registered by the producer at its first send, not from here";

        /// <summary>The version compared with cannot be read: where (<c>main:contracts/order.schema.json(5,3)</c>) and why.</summary>
        public static string UnreadableOldVersion(Contract contract, SchemaException error) =>
            $"subject '{Echo.Cut(contract.Subject)}': the version compared with cannot be read, so the contract was checked as if added: "
            + error.Message;

        /// <summary>
        /// Where to report a finding: the element in the new version when it is there. An element the new version
        /// removed exists only in the registered version, so the report points at the contract file and
        /// <see cref="Breaking"/> names the old place.
        /// </summary>
        public static SourceLocation Location(ContractFinding finding, Contract contract) =>
            finding.Difference.UpdateLocation ?? new SourceLocation(contract.DisplayPath, 0, 0);

        /// <summary>"registered version 2, line 14" for an element only the registered version has; null otherwise.</summary>
        public static string? RemovedFrom(ContractFinding finding)
        {
            Difference d = finding.Difference;
            SourceLocation? old = d.OriginalLocation;
            if (d.UpdateLocation != null || old == null || old.Line <= 0) return null;
            // A position in a schema the registered version references is named by that schema's own place.
            bool inVersion = old.File == null || finding.RegisteredLocation == null || SamePath(old.File, finding.RegisteredLocation);
            string version = finding.VersionName == $"version {finding.Version}" ? $"registered version {finding.Version}" : finding.VersionName;
            string where = inVersion ? version : $"{old.File} (referenced by {version})";
            return $"{where}, line {old.Line}";
        }

        private static bool SamePath(string a, string b)
        {
            try
            {
                return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                return a == b; // not file system paths (a registry URL path): compare as they are
            }
        }
    }
}
