using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Where a difference is on one side: a schema, and optionally the keyword or token inside it. Kept as
    /// references and turned into a line and column only for the differences that are finally reported.
    /// </summary>
    internal readonly struct Anchor
    {
        public Anchor(JsonSchemaNode? node, JToken? token = null, string? keyword = null)
        {
            Node = node;
            Token = token;
            Keyword = keyword;
        }

        public JsonSchemaNode? Node { get; }
        public JToken? Token { get; }
        public string? Keyword { get; }

        /// <summary>The token's position, else the keyword's, else the schema's; null when there is no schema on this side.</summary>
        public SourceLocation? Resolve()
        {
            if (Node == null) return null;
            JToken at = Token ?? (Keyword != null ? Node.Keyword(Keyword) : null) ?? Node.Token;
            return JsonValues.Locate(at, Node.Document.File);
        }
    }

    /// <summary>A difference as the differ records it, before it becomes a public <see cref="Difference"/>.</summary>
    internal sealed class RawDifference
    {
        public RawDifference(string type, string path, Anchor original, Anchor update)
        {
            Type = type;
            Path = path;
            Original = original;
            Update = update;
        }

        public string Type { get; }
        public string Path { get; }
        public Anchor Original { get; }
        public Anchor Update { get; }

        public RawDifference Rebased(string prefix) =>
            new RawDifference(Type, Path.Length <= 2 ? prefix : prefix + "/" + Path.Substring(2), Original, Update);
    }

    /// <summary>
    /// Where the differ is (a JSON pointer path) and what it found so far. Sub-contexts share the memo of
    /// compared pairs, the set of pairs in progress (which breaks recursive schemas) and the depth guard.
    /// </summary>
    internal sealed class JsonDiffContext
    {
        /// <summary>Deepest chain of nested schema comparisons; beyond it the schema is refused rather than risking the stack.</summary>
        public const int MaxDepth = 300;

        private readonly Shared _shared;
        private readonly List<string> _path;

        /// <summary>Set in trials whose findings are thrown away when incompatible: the first incompatible change ends them.</summary>
        private readonly TrialState? _trial;

        private JsonDiffContext(Shared shared, List<string> path, JsonSchemaNode? originalAnchor, JsonSchemaNode? updateAnchor, TrialState? trial)
        {
            _shared = shared;
            _path = path;
            OriginalAnchor = originalAnchor;
            UpdateAnchor = updateAnchor;
            _trial = trial;
        }

        public static JsonDiffContext Root(HashSet<string> compatible, Dictionary<SchemaPair, List<RawDifference>> seed) =>
            new JsonDiffContext(new Shared(compatible, seed), new List<string>(), null, null, null);

        /// <summary>The schemas whose positions locate keyword-level differences found in this context.</summary>
        public JsonSchemaNode? OriginalAnchor { get; private set; }
        public JsonSchemaNode? UpdateAnchor { get; private set; }

        public List<RawDifference> Differences { get; } = new List<RawDifference>();

        public bool UsedOptimisticTruncation => _shared.Optimism;

        public string PathText => _path.Count == 0 ? "#/" : "#/" + string.Join("/", _path);

        /// <summary>A fresh context at the same path whose findings are all kept (added to this one) whatever the verdict.</summary>
        public JsonDiffContext Sub() => new JsonDiffContext(_shared, new List<string>(_path), OriginalAnchor, UpdateAnchor, _trial);

        /// <summary>
        /// A fresh context at the same path for a comparison whose findings are kept only when it is compatible
        /// (pairing combined branches, trying a branch). It stops at the first incompatible change, since the
        /// rest would be thrown away.
        /// </summary>
        public JsonDiffContext Trial() => new JsonDiffContext(_shared, new List<string>(_path), OriginalAnchor, UpdateAnchor, new TrialState());

        /// <summary>True once a trial has met an incompatible change; comparisons return early.</summary>
        public bool Stopped => _trial != null && _trial.Stopped;

        public bool IsCompatible => Differences.All(d => _shared.Compatible.Contains(d.Type));

        public bool IsCompatibleType(string type) => _shared.Compatible.Contains(type);

        public PathScope Enter(string segment)
        {
            _path.Add(segment);
            return new PathScope(_path);
        }

        /// <summary>Property names are escaped as JSON pointer segments.</summary>
        public PathScope EnterName(string name) => Enter(name.Replace("~", "~0").Replace("/", "~1"));

        public void Add(string type, Anchor original, Anchor update)
        {
            Differences.Add(new RawDifference(type, PathText, original, update));
            if (_trial != null && !_shared.Compatible.Contains(type)) _trial.Stopped = true;
        }

        /// <summary>A change of one keyword, located at the keyword on each side (else at its schema).</summary>
        public void AddKeyword(string keyword, string type)
        {
            using (Enter(keyword))
                Add(type, KeywordLocation(OriginalAnchor, keyword), KeywordLocation(UpdateAnchor, keyword));
        }

        /// <summary>A change of the schema itself, located at each side's schema.</summary>
        public void AddHere(string type) => Add(type, Locate(OriginalAnchor), Locate(UpdateAnchor));

        public void AddRange(IEnumerable<RawDifference> differences)
        {
            foreach (RawDifference d in differences) Add(d);
        }

        private void Add(RawDifference difference)
        {
            Differences.Add(difference);
            if (_trial != null && !_shared.Compatible.Contains(difference.Type)) _trial.Stopped = true;
        }

        public static Anchor Locate(JsonSchemaNode? node) => new Anchor(node);

        public static Anchor KeywordLocation(JsonSchemaNode? node, string keyword) => new Anchor(node, keyword: keyword);

        public static Anchor Locate(JsonSchemaNode? node, JToken? token) => new Anchor(node, token);

        /// <summary>
        /// Compares a pair once: later meetings reuse the result (rebased onto the current path); a pair met
        /// again while still being compared is a recursive schema and counts as compatible for now.
        /// </summary>
        /// <param name="compare">Compares the pair in the context it is given; a static method, so that no closure is allocated per pair.</param>
        public void CompareMemoized(JsonSchemaNode original, JsonSchemaNode update, Action<JsonDiffContext, JsonSchemaNode, JsonSchemaNode> compare)
        {
            if (Stopped) return;
            var key = new SchemaPair(original, update);
            if (!_shared.Memo.TryGetValue(key, out List<RawDifference>? result))
            {
                // A trial only needs to know that a pair is incompatible, and an earlier trial may have found
                // that already; without reusing it, recursive unions re-explore the same pairs exponentially.
                if (_trial != null && _shared.StoppedIncompatible.TryGetValue(key, out List<RawDifference>? partial))
                {
                    AddRebased(partial);
                    return;
                }
                if (!_shared.InProgress.Add(key))
                {
                    if (_shared.Seed.TryGetValue(key, out List<RawDifference>? seeded))
                    {
                        AddRebased(seeded);
                    }
                    else
                    {
                        _shared.Optimism = true;
                    }
                    return;
                }
                if (_shared.InProgress.Count > MaxDepth)
                {
                    throw new SchemaException(original.Document.File, JsonSchemaFormat.LineOf(original), 0,
                        $"the schemas nest more than {MaxDepth} levels deep (through $ref chains); refusing to compare them");
                }
                try
                {
                    var pairContext = new JsonDiffContext(_shared, new List<string>(), original, update, _trial);
                    compare(pairContext, original, update);
                    result = pairContext.Differences;
                    // A trial that stopped early holds only part of the pair's differences, so it is not reused;
                    // it is still known to be incompatible, which the next fixpoint pass needs to know.
                    if (!Stopped) _shared.Memo[key] = result;
                    else if (result.Any(d => !_shared.Compatible.Contains(d.Type))) _shared.StoppedIncompatible[key] = result;
                }
                finally
                {
                    _shared.InProgress.Remove(key);
                }
            }
            AddRebased(result);
        }

        private void AddRebased(List<RawDifference> relative)
        {
            // Most pairs have no difference: their path text is not built.
            if (relative.Count == 0) return;
            if (_path.Count == 0)
            {
                AddRange(relative);
                return;
            }
            string prefix = PathText;
            foreach (RawDifference d in relative) Add(d.Rebased(prefix));
        }

        /// <summary>Pairs whose comparison found an incompatible change (to seed the next fixpoint pass).</summary>
        public Dictionary<SchemaPair, List<RawDifference>> IncompatiblePairs()
        {
            Dictionary<SchemaPair, List<RawDifference>> result = _shared.Memo
                .Where(e => e.Value.Any(d => !_shared.Compatible.Contains(d.Type)))
                .ToDictionary(e => e.Key, e => e.Value);
            foreach (KeyValuePair<SchemaPair, List<RawDifference>> stopped in _shared.StoppedIncompatible)
                if (!result.ContainsKey(stopped.Key)) result[stopped.Key] = stopped.Value;
            return result;
        }

        public readonly struct PathScope : IDisposable
        {
            private readonly List<string> _path;
            private readonly int _count;

            public PathScope(List<string> path)
            {
                _path = path;
                _count = path.Count;
            }

            public void Dispose() => _path.RemoveAt(_count - 1);
        }

        private sealed class TrialState
        {
            public bool Stopped { get; set; }
        }

        private sealed class Shared
        {
            public Shared(HashSet<string> compatible, Dictionary<SchemaPair, List<RawDifference>> seed)
            {
                Compatible = compatible;
                Seed = seed;
            }

            public HashSet<string> Compatible { get; }
            public Dictionary<SchemaPair, List<RawDifference>> Seed { get; }
            public Dictionary<SchemaPair, List<RawDifference>> Memo { get; } = new Dictionary<SchemaPair, List<RawDifference>>();
            public HashSet<SchemaPair> InProgress { get; } = new HashSet<SchemaPair>();
            public Dictionary<SchemaPair, List<RawDifference>> StoppedIncompatible { get; } = new Dictionary<SchemaPair, List<RawDifference>>();
            public bool Optimism { get; set; }
        }
    }

    /// <summary>An (original, update) pair of schema nodes, compared by identity.</summary>
    internal readonly struct SchemaPair : IEquatable<SchemaPair>
    {
        public SchemaPair(JsonSchemaNode original, JsonSchemaNode update)
        {
            Original = original;
            Update = update;
        }

        public JsonSchemaNode Original { get; }
        public JsonSchemaNode Update { get; }

        public bool Equals(SchemaPair other) => ReferenceEquals(Original, other.Original) && ReferenceEquals(Update, other.Update);

        public override bool Equals(object? obj) => obj is SchemaPair other && Equals(other);

        public override int GetHashCode() =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Original) * 31 + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Update);
    }
}
