using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Diff
{
    /// <summary>How a contract moved between the compared ref and the working tree.</summary>
    public enum DiffChange
    {
        /// <summary>Only the working tree has it.</summary>
        Added,

        /// <summary>Only the ref has it.</summary>
        Removed,

        /// <summary>Both have it at the same path.</summary>
        Kept,

        /// <summary>Both have it, at different paths (same file name, so the same default subject).</summary>
        Renamed,
    }

    /// <summary>A working-tree contract and its file at the ref, or either alone.</summary>
    public sealed class ContractPair
    {
        public ContractPair(DiffChange change, Contract? contract, string? path, string? oldPath)
        {
            Change = change;
            Contract = contract;
            Path = path;
            OldPath = oldPath;
        }

        public DiffChange Change { get; }

        /// <summary>The working tree's contract; null for a removed one.</summary>
        public Contract? Contract { get; }

        /// <summary>The working tree's file relative to the top level; null for a removed one.</summary>
        public string? Path { get; }

        /// <summary>The file at the ref, relative to the top level; null for an added one.</summary>
        public string? OldPath { get; }
    }

    /// <summary>
    /// Pairs the working tree's contracts with the contract files at the ref: first by path, then a file that moved
    /// by its name (the same default subject), when exactly one file on each side has it. The rest are added or removed.
    /// </summary>
    public static class ContractPairing
    {
        public static IReadOnlyList<ContractPair> Pair(IReadOnlyList<(Contract Contract, string Path)> working, IReadOnlyList<string> oldContracts)
        {
            var unpairedOld = new HashSet<string>(oldContracts, StringComparer.Ordinal);
            var pairs = new List<ContractPair>();
            var unpairedNew = new List<(Contract Contract, string Path)>();
            foreach (var item in working)
            {
                if (unpairedOld.Remove(item.Path)) pairs.Add(new ContractPair(DiffChange.Kept, item.Contract, item.Path, item.Path));
                else unpairedNew.Add(item);
            }

            ILookup<string, string> oldByName = unpairedOld.ToLookup(NameKey, StringComparer.Ordinal);
            ILookup<string, (Contract Contract, string Path)> newByName = unpairedNew.ToLookup(n => NameKey(n.Path), StringComparer.Ordinal);
            foreach (var item in unpairedNew)
            {
                string key = NameKey(item.Path);
                string[] candidates = oldByName[key].Where(unpairedOld.Contains).ToArray();
                if (candidates.Length == 1 && newByName[key].Count() == 1)
                {
                    unpairedOld.Remove(candidates[0]);
                    pairs.Add(new ContractPair(DiffChange.Renamed, item.Contract, item.Path, candidates[0]));
                }
                else
                {
                    pairs.Add(new ContractPair(DiffChange.Added, item.Contract, item.Path, null));
                }
            }
            pairs.AddRange(unpairedOld.Select(p => new ContractPair(DiffChange.Removed, null, null, p)));
            // By file, as a pull request lists them; a removed contract where its file was.
            return pairs.OrderBy(p => p.Path ?? p.OldPath, StringComparer.Ordinal).ToList();
        }

        /// <summary>The default subject and the schema type: a moved file keeps both.</summary>
        private static string NameKey(string path) =>
            ContractDiscovery.DefaultSubject(path) + "|" + (SchemaTypes.FromFileName(path)?.ToString() ?? "");
    }
}
