using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using Microsoft.Build.Framework;

namespace EventGovernance.Build
{
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

    /// <summary>Turns <c>EventContract</c> items into the gate's <see cref="Contract"/>s.</summary>
    public static class ContractItems
    {
        public const string SubjectMetadata = "Subject";
        public const string SchemaTypeMetadata = "SchemaType";
        public const string CompatibilityMetadata = "Compatibility";

        /// <summary>
        /// Maps every item; items with bad metadata become problems instead of contracts, and two items
        /// claiming the same subject are a problem too (the registry would mix their histories).
        /// </summary>
        public static IReadOnlyList<Contract> Map(IEnumerable<ITaskItem> items, string projectDirectory, List<ContractItemProblem> problems)
        {
            var contracts = new List<Contract>();
            var bySubject = new Dictionary<string, Contract>(StringComparer.Ordinal);
            foreach (ITaskItem item in items)
            {
                Contract? contract = Map(item, projectDirectory, problems);
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
        public static Contract? Map(ITaskItem item, string projectDirectory, List<ContractItemProblem> problems)
        {
            string fullPath = FullPath(item.ItemSpec, projectDirectory);
            string displayPath = DisplayPath(fullPath, projectDirectory);

            string subject = item.GetMetadata(SubjectMetadata).Trim();
            if (subject.Length == 0) subject = ContractDiscovery.DefaultSubject(fullPath);

            string typeText = item.GetMetadata(SchemaTypeMetadata);
            SchemaType? type = string.IsNullOrWhiteSpace(typeText) ? SchemaTypes.FromFileName(fullPath) : SchemaTypes.Parse(typeText);
            if (type == null)
            {
                problems.Add(new ContractItemProblem(displayPath, string.IsNullOrWhiteSpace(typeText)
                    ? "cannot tell the schema type from the file extension (expected .schema.json, .avsc or .proto); set the SchemaType metadata to JSON, AVRO or PROTOBUF"
                    : $"SchemaType metadata '{typeText}' is not one of JSON, AVRO, PROTOBUF"));
                return null;
            }

            string levelText = item.GetMetadata(CompatibilityMetadata);
            CompatibilityLevel? level = GateSettings.ParseLevel(levelText, out bool levelValid);
            if (!levelValid)
            {
                problems.Add(new ContractItemProblem(displayPath,
                    $"Compatibility metadata '{levelText}' is not a compatibility level (NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)"));
                return null;
            }

            return new Contract(fullPath, subject, type.Value, level, displayPath);
        }

        /// <summary>An item spec is relative to the project directory unless rooted.</summary>
        public static string FullPath(string path, string projectDirectory) =>
            Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(projectDirectory, path));

        /// <summary>
        /// The path relative to the project directory when the file is inside it (what people see in
        /// the error list and can click), else the full path.
        /// </summary>
        public static string DisplayPath(string fullPath, string projectDirectory)
        {
            string root = Path.GetFullPath(projectDirectory);
            if (!root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)) root += Path.DirectorySeparatorChar;
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return fullPath.StartsWith(root, comparison) ? fullPath.Substring(root.Length) : fullPath;
        }
    }
}
