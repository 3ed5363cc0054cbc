using System;
using System.Collections.Generic;
using System.IO;

namespace EventGovernance.Compatibility
{
    /// <summary>
    /// Finds the schema a reference names. Implementations refuse anything remote or outside the
    /// contracts root by throwing <see cref="SchemaException"/>; nothing is ever fetched over a network.
    /// </summary>
    public interface IReferenceResolver
    {
        /// <summary>
        /// Returns the schema named by <paramref name="reference"/> (a relative file name, an import path or a
        /// registry reference name) as seen from <paramref name="from"/>.
        /// </summary>
        SchemaSource Resolve(string reference, SchemaSource from);
    }

    public static class ReferenceResolvers
    {
        /// <summary>A resolver that knows no other schema.</summary>
        public static IReferenceResolver None { get; } = new NoReferences();

        /// <summary>True for references that name a network location; those are always refused.</summary>
        public static bool IsRemote(string reference)
        {
            if (!Uri.TryCreate(reference, UriKind.Absolute, out Uri? uri)) return false;
            // A Windows path like C:\x parses as an absolute URI with a one-letter scheme.
            if (uri.Scheme.Length == 1) return false;
            return !uri.IsFile || reference.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        }

        private sealed class NoReferences : IReferenceResolver
        {
            public SchemaSource Resolve(string reference, SchemaSource from) =>
                throw new SchemaException(from.Path, $"cannot resolve reference '{reference}': no other schemas are available here");
        }
    }

    /// <summary>Resolves references by name from a fixed set (registry references, test data).</summary>
    public sealed class InMemoryReferenceResolver : IReferenceResolver
    {
        private readonly IReadOnlyDictionary<string, SchemaSource> _schemas;

        public InMemoryReferenceResolver(IReadOnlyDictionary<string, SchemaSource> schemas) => _schemas = schemas;

        public SchemaSource Resolve(string reference, SchemaSource from)
        {
            if (ReferenceResolvers.IsRemote(reference))
                throw new SchemaException(from.Path, $"remote reference '{reference}' is refused: references must name another contract, never a URL");
            if (_schemas.TryGetValue(reference, out SchemaSource? found)) return found;
            throw new SchemaException(from.Path, $"cannot resolve reference '{reference}': no schema with that name is referenced");
        }
    }

    /// <summary>
    /// Resolves file references relative to the referencing file, then to extra search directories,
    /// and only ever inside the contracts root.
    /// </summary>
    public sealed class ContractsRootResolver : IReferenceResolver
    {
        private readonly string _root;
        private readonly IReadOnlyList<string> _searchDirectories;

        public ContractsRootResolver(string root, IEnumerable<string>? searchDirectories = null)
        {
            _root = NormalizeDirectory(root);
            _searchDirectories = searchDirectories == null ? Array.Empty<string>() : new List<string>(searchDirectories);
        }

        public SchemaSource Resolve(string reference, SchemaSource from)
        {
            if (ReferenceResolvers.IsRemote(reference))
                throw new SchemaException(from.Path, $"remote reference '{reference}' is refused: references must stay inside the contracts root ({_root}) and are never fetched");

            var candidates = new List<string>();
            if (Path.IsPathRooted(reference))
            {
                candidates.Add(reference);
            }
            else
            {
                string? fromDir = from.Path == null ? null : Path.GetDirectoryName(Path.GetFullPath(from.Path));
                if (fromDir != null) candidates.Add(Path.Combine(fromDir, reference));
                foreach (string dir in _searchDirectories) candidates.Add(Path.Combine(dir, reference));
                candidates.Add(Path.Combine(_root, reference));
            }

            string? refusal = null;
            foreach (string candidate in candidates)
            {
                string full = Path.GetFullPath(candidate);
                string? baseDirectory = AllowedBase(full);
                if (baseDirectory == null)
                {
                    refusal ??= $"reference '{reference}' points outside the contracts root ({_root}) and is refused";
                    continue;
                }
                if (!File.Exists(full)) continue;
                string? link = SymbolicLinks.FirstBelow(baseDirectory, full);
                if (link != null)
                {
                    // A link can lead anywhere, so following it would defeat the root check above.
                    refusal ??= $"reference '{reference}' passes through the symbolic link '{link}' and is refused: references must stay inside the contracts root ({_root})";
                    continue;
                }
                return SchemaSource.FromFile(full, SchemaTypes.FromFileName(full) ?? from.Type, this);
            }
            throw new SchemaException(from.Path, refusal ?? $"cannot resolve reference '{reference}': no such file inside the contracts root ({_root})");
        }

        /// <summary>The contracts root or search directory that contains <paramref name="fullPath"/>, or null.</summary>
        private string? AllowedBase(string fullPath)
        {
            if (IsInside(fullPath)) return _root;
            foreach (string dir in _searchDirectories)
            {
                string normalized = NormalizeDirectory(dir);
                if (fullPath.StartsWith(normalized, PathComparison)) return normalized;
            }
            return null;
        }

        private bool IsInside(string fullPath) => fullPath.StartsWith(_root, PathComparison);

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private static string NormalizeDirectory(string dir)
        {
            string full = Path.GetFullPath(dir);
            return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full : full + Path.DirectorySeparatorChar;
        }
    }
}
