using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// State of one comparison: both schemas' type tables, the current path (<c>#/Message/oneof/3</c>),
    /// the messages being compared (so recursive types terminate) and the differences found so far.
    /// Messages say what the user's new version changed: in a BACKWARD check the update is the new version,
    /// in a FORWARD check the original is (see <see cref="Removed"/>, <see cref="FromTo"/>).
    /// </summary>
    internal sealed class ProtoDiffContext
    {
        private readonly List<string> _path;
        private readonly HashSet<ProtoMessage> _inProgress;

        // How many imported types are being compared in place, one inside the other. Each level recurses,
        // so a long chain of field types moved between files is bounded like nesting is.
        private readonly int _importedDepth;

        public ProtoDiffContext(ProtobufParsedSchema original, ProtobufParsedSchema update, bool originalIsNew = false)
            : this(original, update, new List<string>(), new HashSet<ProtoMessage>(), originalIsNew, 0)
        {
        }

        private ProtoDiffContext(ProtobufParsedSchema original, ProtobufParsedSchema update, List<string> path, HashSet<ProtoMessage> inProgress, bool originalIsNew, int importedDepth)
        {
            Original = original;
            Update = update;
            _path = path;
            _inProgress = inProgress;
            OriginalIsNew = originalIsNew;
            _importedDepth = importedDepth;
        }

        /// <summary>True in a FORWARD check: the original is the user's new version and the update the registered one.</summary>
        public bool OriginalIsNew { get; }

        /// <summary>For an element only the original has: what the user did to it.</summary>
        public string Removed => OriginalIsNew ? "was added" : "was removed";

        /// <summary>For an element only the update has: what the user did to it.</summary>
        public string Added => OriginalIsNew ? "was removed" : "was added";

        /// <summary>"from A to B", oldest first, from the original's and the update's values.</summary>
        public string FromTo(object original, object update) =>
            OriginalIsNew ? $"from {update} to {original}" : $"from {original} to {update}";

        /// <summary>Of the original's and the update's values, the one in the new version.</summary>
        public T InNew<T>(T original, T update) => OriginalIsNew ? original : update;

        /// <summary>How the reader's side (the update) is called in messages.</summary>
        public string Reader => OriginalIsNew ? "the old version" : "the new version";

        public ProtobufParsedSchema Original { get; }
        public ProtobufParsedSchema Update { get; }
        public List<Difference> Differences { get; } = new List<Difference>();

        public bool IsCompatible => Differences.All(d => d.IsCompatible);

        /// <summary>A context for comparing an imported type in place, with paths rooted at its local name.</summary>
        /// <param name="at">The field whose type is compared, where a chain that goes too deep is reported.</param>
        public ProtoDiffContext ForImportedType(string localName, SourceLocation? at)
        {
            if (_importedDepth >= ProtoNestingLimit.MaxNesting)
                throw new SchemaException(at?.File, at?.Line ?? 0, at?.Column ?? 0,
                    $"field types chain through more than {ProtoNestingLimit.MaxNesting} types defined in other files; refusing to compare them");
            return new ProtoDiffContext(Original, Update, localName.Split('.').ToList(), new HashSet<ProtoMessage>(_inProgress), OriginalIsNew, _importedDepth + 1);
        }

        public ProtoTypeEntry? OriginalType(string fullName) => Original.Types.TryGetValue(fullName, out ProtoTypeEntry? t) ? t : null;
        public ProtoTypeEntry? UpdateType(string fullName) => Update.Types.TryGetValue(fullName, out ProtoTypeEntry? t) ? t : null;

        public Scope Enter(string segment)
        {
            _path.Add(segment);
            return new Scope(_path);
        }

        /// <summary>Marks a message as being compared; false when it already is (a recursive type).</summary>
        public bool TryBegin(ProtoMessage original) => _inProgress.Add(original);

        public void End(ProtoMessage original) => _inProgress.Remove(original);

        public void Add(string type, string message, SourceLocation? originalLocation, SourceLocation? updateLocation)
        {
            string path = "#/" + string.Join("/", _path);
            Differences.Add(new Difference(type, path, ProtoDifferenceTypes.IsCompatible(type), message, originalLocation, updateLocation));
        }

        public void AddAt(string segment, string type, string message, SourceLocation? originalLocation, SourceLocation? updateLocation)
        {
            using (Enter(segment)) Add(type, message, originalLocation, updateLocation);
        }

        public readonly struct Scope : System.IDisposable
        {
            private readonly List<string> _path;

            public Scope(List<string> path) => _path = path;

            public void Dispose() => _path.RemoveAt(_path.Count - 1);
        }
    }
}
