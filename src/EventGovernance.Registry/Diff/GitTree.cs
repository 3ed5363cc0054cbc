using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry.Diff
{
    /// <summary>
    /// The files under the contracts root at one commit, read lazily from git. Paths are relative to the
    /// repository's top level and '/' separated; a file's text is named <c>&lt;ref&gt;:&lt;path&gt;</c> in messages,
    /// as <c>git show</c> would name it.
    /// </summary>
    public sealed class GitTree
    {
        private readonly GitRepository _repository;
        private readonly Dictionary<string, string> _objects;
        private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);

        private GitTree(GitRepository repository, GitRevision revision, string root, Dictionary<string, string> objects)
        {
            _repository = repository;
            Revision = revision;
            Root = root;
            _objects = objects;
        }

        public GitRevision Revision { get; }

        /// <summary>The contracts root relative to the top level: empty or ending in '/'.</summary>
        public string Root { get; }

        /// <summary>Every file under the root, sorted.</summary>
        public IEnumerable<string> Paths => _objects.Keys.OrderBy(p => p, StringComparer.Ordinal);

        public static GitTree Load(GitRepository repository, GitRevision revision, string root)
        {
            var objects = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (GitTreeEntry entry in repository.ListFiles(revision.Commit, root)) objects[entry.Path] = entry.ObjectId;
            var tree = new GitTree(repository, revision, root, objects);
            // Contract files are read anyway: all at once. Other files (referenced schemas) are read when used.
            var contracts = objects.Where(o => ContractDiscovery.IsContractFile(o.Key)).ToList();
            IReadOnlyDictionary<string, string> texts = repository.ReadBlobs(contracts.Select(o => o.Value).Distinct(StringComparer.Ordinal).ToList());
            foreach (var contract in contracts)
            {
                if (texts.TryGetValue(contract.Value, out string? text)) tree.Remember(contract.Key, text);
            }
            return tree;
        }

        public bool Contains(string path) => _objects.ContainsKey(path);

        private void Remember(string path, string text)
        {
            // Checked when read, so an oversized file fails the contract that uses it, not the whole run.
            if (text.Length <= SchemaSource.MaxLength) _texts[path] = text;
        }

        /// <summary>The file's text at the commit; null when the commit has no such file.</summary>
        public string? Read(string path)
        {
            if (!_objects.TryGetValue(path, out string? id)) return null;
            if (!_texts.TryGetValue(path, out string? text))
            {
                text = _repository.ReadBlob(id);
                if (text.Length > SchemaSource.MaxLength) throw new SchemaException(SourceName(path), $"the file is larger than the {SchemaSource.MaxLength / (1024 * 1024)} MB limit for one schema");
                _texts[path] = text;
            }
            return text;
        }

        /// <summary>How a file of this tree is named in messages: <c>origin/main:contracts/order.avsc</c>.</summary>
        public string SourceName(string path) => $"{Revision.Name}:{path}";

        /// <summary>The tree path of a <see cref="SourceName"/>; null for a name from elsewhere.</summary>
        public string? PathOf(string? sourceName)
        {
            string prefix = Revision.Name + ":";
            return sourceName != null && sourceName.StartsWith(prefix, StringComparison.Ordinal) ? sourceName.Substring(prefix.Length) : null;
        }

        /// <summary>The file as a schema whose references resolve inside this tree.</summary>
        public SchemaSource Source(string path, SchemaType type, IReferenceResolver references) =>
            new SchemaSource(Read(path) ?? throw new SchemaException(SourceName(path), "no such file at this ref"), type, SourceName(path), references);
    }

    /// <summary>
    /// Resolves references of a schema read from a <see cref="GitTree"/> the way <see cref="ContractsRootResolver"/>
    /// resolves them in the working tree: relative to the referencing file, then the search directories, then the
    /// contracts root, and never outside the root; remote references are refused.
    /// </summary>
    public sealed class GitTreeResolver : IReferenceResolver
    {
        private readonly GitTree _tree;
        private readonly IReadOnlyList<string> _searchDirectories;

        /// <param name="searchDirectories">Tree directories ('/' separated, ending in '/') searched after the referencing file's.</param>
        public GitTreeResolver(GitTree tree, IEnumerable<string>? searchDirectories = null)
        {
            _tree = tree;
            _searchDirectories = searchDirectories?.ToList() ?? new List<string>();
        }

        public SchemaSource Resolve(string reference, SchemaSource from)
        {
            if (ReferenceResolvers.IsRemote(reference))
                throw new SchemaException(from.Path, $"remote reference '{reference}' is refused: references must stay inside the contracts root and are never fetched");
            string? fromPath = _tree.PathOf(from.Path);
            var candidates = new List<string>();
            if (!reference.StartsWith("/", StringComparison.Ordinal) && !System.IO.Path.IsPathRooted(reference))
            {
                if (fromPath != null) candidates.Add(Directory(fromPath) + reference);
                candidates.AddRange(_searchDirectories.Select(d => d + reference));
                candidates.Add(_tree.Root + reference);
            }
            string? refusal = null;
            foreach (string candidate in candidates)
            {
                string? normal = Normalize(candidate);
                if (normal == null || !normal.StartsWith(_tree.Root, StringComparison.Ordinal))
                {
                    refusal ??= $"reference '{reference}' points outside the contracts root and is refused";
                    continue;
                }
                if (_tree.Contains(normal)) return _tree.Source(normal, SchemaTypes.FromFileName(normal) ?? from.Type, this);
            }
            if (candidates.Count == 0) refusal = $"reference '{reference}' is an absolute path and is refused: references must stay inside the contracts root";
            throw new SchemaException(from.Path, refusal ?? $"cannot resolve reference '{reference}': no such file inside the contracts root at {_tree.Revision.Name}");
        }

        private static string Directory(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? "" : path.Substring(0, slash + 1);
        }

        /// <summary>Removes '.' and '..' segments; null when '..' climbs above the top level.</summary>
        internal static string? Normalize(string path)
        {
            var parts = new List<string>();
            foreach (string part in path.Replace('\\', '/').Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    if (parts.Count == 0) return null;
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }
                parts.Add(part);
            }
            return string.Join("/", parts);
        }
    }
}
