using System.Collections.Generic;
using System.Linq;
using EventGovernance.Registry;
using Microsoft.Build.Framework;

namespace EventGovernance.Build
{
    /// <summary>
    /// Reads <c>EventContract</c> task items into <see cref="ContractItem"/>s; the mapping itself is
    /// <see cref="ContractItemMapper"/>, shared with <c>eventgov</c> so both validate metadata identically.
    /// Paths in messages are relative to the project directory.
    /// </summary>
    public static class ContractItems
    {
        public const string SubjectMetadata = ContractItemMapper.SubjectMetadata;
        public const string SchemaTypeMetadata = ContractItemMapper.SchemaTypeMetadata;
        public const string CompatibilityMetadata = ContractItemMapper.CompatibilityMetadata;

        public static IReadOnlyList<Contract> Map(IEnumerable<ITaskItem> items, string projectDirectory, List<ContractItemProblem> problems) =>
            ContractItemMapper.Map(items.Select(ToContractItem), projectDirectory, projectDirectory, problems);

        public static Contract? Map(ITaskItem item, string projectDirectory, List<ContractItemProblem> problems) =>
            ContractItemMapper.Map(ToContractItem(item), projectDirectory, projectDirectory, problems);

        public static ContractItem ToContractItem(ITaskItem item) =>
            new ContractItem(item.ItemSpec, item.GetMetadata(SubjectMetadata), item.GetMetadata(SchemaTypeMetadata), item.GetMetadata(CompatibilityMetadata));

        /// <summary>An item spec is relative to the project directory unless rooted.</summary>
        public static string FullPath(string path, string projectDirectory) => ContractItemMapper.FullPath(path, projectDirectory);

        /// <summary>Relative to the project directory when inside it, else the full path.</summary>
        public static string DisplayPath(string fullPath, string projectDirectory) => ContractItemMapper.DisplayPath(fullPath, projectDirectory);
    }
}
