using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>
    /// One <c>EventContract</c> item as MSBuild evaluated it: the item spec and the metadata the gate reads.
    /// The MSBuild task and <c>eventgov</c> (which asks MSBuild for the same items) both build these, so the
    /// metadata is validated by the same code whichever path asks.
    /// </summary>
    public sealed class ContractItem
    {
        public ContractItem(string itemSpec, string? subject = null, string? schemaType = null, string? compatibility = null)
        {
            ItemSpec = itemSpec;
            Subject = subject ?? "";
            SchemaType = schemaType ?? "";
            Compatibility = compatibility ?? "";
        }

        /// <summary>The path as written in the project (relative to the project directory unless rooted).</summary>
        public string ItemSpec { get; }

        public string Subject { get; }
        public string SchemaType { get; }
        public string Compatibility { get; }
    }

    /// <summary>A problem with one item's metadata, reported against that item's file.</summary>
    public sealed class ContractItemProblem
    {
        public ContractItemProblem(string displayPath, string message)
        {
            DisplayPath = displayPath;
            Message = message;
        }

        public string DisplayPath { get; }
        public string Message { get; }
    }

    /// <summary>Turns <see cref="ContractItem"/>s into the gate's <see cref="Contract"/>s.</summary>
    public static class ContractItemMapper
    {
        public const string SubjectMetadata = "Subject";
        public const string SchemaTypeMetadata = "SchemaType";
        public const string CompatibilityMetadata = "Compatibility";

        /// <summary>
        /// Maps every item; items with bad metadata become problems instead of contracts, and two items
        /// claiming the same subject are a problem too (the registry would mix their histories).
        /// </summary>
        /// <param name="projectDirectory">Item specs are relative to it.</param>
        /// <param name="displayDirectory">Paths in messages are relative to it (the project directory for the build, the current directory for eventgov).</param>
        public static IReadOnlyList<Contract> Map(IEnumerable<ContractItem> items, string projectDirectory, string displayDirectory, List<ContractItemProblem> problems)
        {
            var contracts = new List<Contract>();
            var bySubject = new Dictionary<string, Contract>(StringComparer.Ordinal);
            foreach (ContractItem item in items)
            {
                Contract? contract = Map(item, projectDirectory, displayDirectory, problems);
                if (contract == null) continue;
                if (bySubject.TryGetValue(contract.Subject, out Contract? first))
                {
                    problems.Add(new ContractItemProblem(contract.DisplayPath,
                        $"subject '{contract.Subject}' is also used by {first.DisplayPath}; give one of them a different Subject metadata"));
                    continue;
                }
                bySubject.Add(contract.Subject, contract);
                contracts.Add(contract);
            }
            return contracts;
        }

        /// <summary>Maps one item, or adds a problem and returns null.</summary>
        public static Contract? Map(ContractItem item, string projectDirectory, string displayDirectory, List<ContractItemProblem> problems)
        {
            string fullPath = FullPath(item.ItemSpec, projectDirectory);
            string displayPath = DisplayPath(fullPath, displayDirectory);

            string subject = item.Subject.Trim();
            if (subject.Length == 0) subject = ContractDiscovery.DefaultSubject(fullPath);

            string typeText = item.SchemaType;
            SchemaType? type = string.IsNullOrWhiteSpace(typeText) ? SchemaTypes.FromFileName(fullPath) : SchemaTypes.Parse(typeText);
            if (type == null)
            {
                problems.Add(new ContractItemProblem(displayPath, string.IsNullOrWhiteSpace(typeText)
                    ? "cannot tell the schema type from the file extension (expected .schema.json, .avsc or .proto); set the SchemaType metadata to JSON, AVRO or PROTOBUF"
                    : $"SchemaType metadata '{typeText}' is not one of JSON, AVRO, PROTOBUF"));
                return null;
            }

            string levelText = item.Compatibility;
            CompatibilityLevel? level = string.IsNullOrWhiteSpace(levelText) ? null : CompatibilityLevels.Parse(levelText);
            if (level == null && !string.IsNullOrWhiteSpace(levelText))
            {
                problems.Add(new ContractItemProblem(displayPath,
                    $"Compatibility metadata '{levelText}' is not a compatibility level ({CompatibilityLevels.Choices})"));
                return null;
            }

            return new Contract(fullPath, subject, type.Value, level, displayPath);
        }

        /// <summary>A path is relative to the project directory unless rooted.</summary>
        public static string FullPath(string path, string projectDirectory) =>
            Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(projectDirectory, path));

        /// <summary>
        /// The path relative to <paramref name="directory"/> when the file is inside it (what people see in
        /// the error list and can click), else the full path.
        /// </summary>
        public static string DisplayPath(string fullPath, string directory) => Reporting.DisplayPaths.RelativeTo(fullPath, directory);
    }
}
