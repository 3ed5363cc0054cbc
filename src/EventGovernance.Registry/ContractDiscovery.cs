using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>Finds the contract files of a repository and the subjects they are registered under.</summary>
    public static class ContractDiscovery
    {
        private const string JsonSuffix = ".schema.json";
        private const string AvroSuffix = ".avsc";
        private const string ProtobufSuffix = ".proto";

        // Build output and tool directories never hold contracts of their own, only copies.
        private static readonly string[] SkippedDirectories = { "bin", "obj", "node_modules" };

        /// <summary>
        /// Every <c>*.schema.json</c>, <c>*.avsc</c> and <c>*.proto</c> under <paramref name="contractsRoot"/>, sorted
        /// by path, skipping the registry directory (default <c>&lt;root&gt;/registry</c>), hidden directories,
        /// bin/obj and directories that are symbolic links. Two files claiming the same subject are an error naming both.
        /// </summary>
        public static IReadOnlyList<Contract> Find(string contractsRoot, string? registryDirectory)
        {
            string root = Path.GetFullPath(contractsRoot);
            if (!Directory.Exists(root))
                throw new SchemaException(contractsRoot, "the contracts directory does not exist");
            string registry = TrimSeparator(Path.GetFullPath(registryDirectory ?? Path.Combine(root, "registry")));

            var files = new List<string>();
            Collect(root, registry, files);
            files.Sort(StringComparer.Ordinal);

            var contracts = new List<Contract>();
            var bySubject = new Dictionary<string, Contract>(StringComparer.Ordinal);
            foreach (string file in files)
            {
                var contract = new Contract(file, DefaultSubject(file), SchemaTypes.FromFileName(file)!.Value, displayPath: DisplayPathOf(file));
                if (bySubject.TryGetValue(contract.Subject, out Contract? earlier))
                    throw new SchemaException(contract.DisplayPath, $"subject '{contract.Subject}' is also the subject of {earlier.DisplayPath}; rename one of the files");
                bySubject.Add(contract.Subject, contract);
                contracts.Add(contract);
            }
            return contracts;
        }

        /// <summary>The file name without <c>.schema.json</c>, <c>.avsc</c> or <c>.proto</c>.</summary>
        public static string DefaultSubject(string filePath)
        {
            string name = Path.GetFileName(filePath);
            foreach (string suffix in new[] { JsonSuffix, AvroSuffix, ProtobufSuffix })
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    return name.Substring(0, name.Length - suffix.Length);
            }
            return Path.GetFileNameWithoutExtension(name);
        }

        public static bool IsContractFile(string filePath) =>
            filePath.EndsWith(JsonSuffix, StringComparison.OrdinalIgnoreCase)
            || filePath.EndsWith(AvroSuffix, StringComparison.OrdinalIgnoreCase)
            || filePath.EndsWith(ProtobufSuffix, StringComparison.OrdinalIgnoreCase);

        private static void Collect(string directory, string registry, List<string> files)
        {
            foreach (string file in Directory.GetFiles(directory))
            {
                if (IsContractFile(file) && DefaultSubject(file).Length > 0) files.Add(file);
            }
            foreach (string sub in Directory.GetDirectories(directory))
            {
                string name = Path.GetFileName(sub);
                if (name.StartsWith(".", StringComparison.Ordinal)) continue;
                if (SkippedDirectories.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                if (string.Equals(TrimSeparator(sub), registry, PathComparison)) continue;
                // A linked directory may lead anywhere on the machine: never searched (a linked file is refused by the gate).
                if (SymbolicLinks.IsLink(sub)) continue;
                Collect(sub, registry, files);
            }
        }

        /// <summary>Relative to the current directory when the file is inside it (short, clickable messages).</summary>
        internal static string DisplayPathOf(string fullPath) => Reporting.DisplayPaths.FromCurrentDirectory().Of(fullPath) ?? fullPath;

        private static string TrimSeparator(string path) =>
            path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }
}
