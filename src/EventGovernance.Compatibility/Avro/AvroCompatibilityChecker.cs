using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace EventGovernance.Compatibility.Avro
{
    /// <summary>Avro Java's incompatibility types (<c>SchemaCompatibility.SchemaIncompatibilityType</c>).</summary>
    public static class AvroIncompatibilityTypes
    {
        public const string NameMismatch = "NAME_MISMATCH";
        public const string FixedSizeMismatch = "FIXED_SIZE_MISMATCH";
        public const string MissingEnumSymbols = "MISSING_ENUM_SYMBOLS";
        public const string ReaderFieldMissingDefaultValue = "READER_FIELD_MISSING_DEFAULT_VALUE";
        public const string TypeMismatch = "TYPE_MISMATCH";
        public const string MissingUnionBranch = "MISSING_UNION_BRANCH";

        /// <summary>Every type this engine reports; each one breaks (Avro Java reports incompatibilities only).</summary>
        public static IReadOnlyList<string> All { get; } = new[]
        {
            NameMismatch, FixedSizeMismatch, MissingEnumSymbols, ReaderFieldMissingDefaultValue, TypeMismatch, MissingUnionBranch,
        };
    }

    /// <summary>
    /// Decides whether data written with one schema can be read with another, with the rules, order of
    /// reports and locations of Avro Java's <c>SchemaCompatibility.checkReaderWriterCompatibility</c>,
    /// which the registry uses unchanged.
    /// </summary>
    /// <remarks>
    /// Results are remembered per (reader node, writer node) pair that involves a named type, like Avro Java
    /// (which remembers every pair; the others cannot come back). That is what ends the
    /// walk on recursive schemas (a pair met again while still being compared counts as compatible), and
    /// it also means a pair compared twice reports the incompatibilities found the first time, with the
    /// locations of that first visit — Avro Java behaves the same way.
    /// </remarks>
    internal sealed class AvroCompatibilityChecker
    {
        private readonly Dictionary<(AvroNode Reader, AvroNode Writer), Result> _memo =
            new Dictionary<(AvroNode, AvroNode), Result>(PairComparer.Instance);

        /// <summary>Which schema is the user's new version, so explanations say what the user changed.</summary>
        private readonly Wording _say;

        private AvroCompatibilityChecker(bool readerIsNew) => _say = new Wording(readerIsNew);

        /// <summary>Every incompatibility of reading data written with <paramref name="writer"/> using <paramref name="reader"/>.</summary>
        /// <param name="readerIsNew">True for a BACKWARD check (the new version reads), false for FORWARD (the new version writes).</param>
        public static IReadOnlyList<Incompatibility> Check(AvroNode reader, AvroNode writer, bool readerIsNew = true) =>
            new AvroCompatibilityChecker(readerIsNew).Compare(reader, writer).Incompatibilities;

        /// <summary>A fresh walk from the root with its own location stack, as Avro Java does inside unions.</summary>
        private Result Compare(AvroNode reader, AvroNode writer)
        {
            // Every union branch starts such a walk; an emptied stack from an earlier one serves it.
            LocationStack location = _spareStacks.Count > 0 ? _spareStacks.Pop() : new LocationStack();
            Result result = Compare("", reader, writer, location);
            location.Clear();
            _spareStacks.Push(location);
            return result;
        }

        private readonly Stack<LocationStack> _spareStacks = new Stack<LocationStack>();

        private Result Compare(string token, AvroNode reader, AvroNode writer, LocationStack location)
        {
            location.Push(token);
            var pair = (reader.Resolved, writer.Resolved);
            Result result;
            if (!(pair.Item1 is AvroNamed) && !(pair.Item2 is AvroNamed))
            {
                // Only named types are shared between places and can recur, so a pair without one is met
                // exactly once per walk of its parent; remembering it would change nothing and cost memory.
                result = Calculate(reader, writer, location);
            }
            else if (_memo.TryGetValue(pair, out Result? known))
            {
                // Met again while still being compared: a recursive schema. Compatible unless proven otherwise.
                result = known.InProgress ? Result.Compatible : known;
            }
            else
            {
                _memo[pair] = Result.Pending;
                result = Calculate(reader, writer, location);
                _memo[pair] = result;
            }
            location.Pop();
            return result;
        }

        private Result Calculate(AvroNode readerAsWritten, AvroNode writerAsWritten, LocationStack location)
        {
            AvroNode reader = readerAsWritten.Resolved;
            AvroNode writer = writerAsWritten.Resolved;
            var result = new ResultBuilder();
            if (reader.Kind == writer.Kind)
            {
                switch (reader)
                {
                    case AvroPrimitive _:
                        break;
                    case AvroArray readerArray:
                        result.Add(Compare("items", readerArray.Items, ((AvroArray)writer).Items, location));
                        break;
                    case AvroMap readerMap:
                        result.Add(Compare("values", readerMap.Values, ((AvroMap)writer).Values, location));
                        break;
                    case AvroFixed readerFixed:
                        result.Add(CheckNames(readerFixed, (AvroNamed)writer, location));
                        result.Add(CheckFixedSize(readerFixed, (AvroFixed)writer, location));
                        break;
                    case AvroEnum readerEnum:
                        result.Add(CheckNames(readerEnum, (AvroNamed)writer, location));
                        result.Add(CheckEnumSymbols(readerEnum, (AvroEnum)writer, location));
                        break;
                    case AvroRecord readerRecord:
                        result.Add(CheckNames(readerRecord, (AvroNamed)writer, location));
                        result.Add(CheckRecordFields(readerRecord, (AvroRecord)writer, location));
                        break;
                    case AvroUnion readerUnion:
                        CheckEveryWriterBranchIsRead(readerUnion, (AvroUnion)writer, location, ref result);
                        break;
                }
                return result.Build();
            }

            // A writer union is readable when every one of its branches is.
            if (writer is AvroUnion writerUnion)
            {
                for (int i = 0; i < writerUnion.Branches.Count; i++)
                    result.Add(Compare(Index(i), reader, writerUnion.Branches[i], location));
                return result.Build();
            }

            // A reader union reads a non-union writer when any branch does.
            if (reader is AvroUnion readerChoices)
            {
                foreach (AvroNode branch in readerChoices.Branches)
                {
                    if (Compare(branch, writer).IsCompatible)
                        return result.Build();
                }
                result.Add(Incompatible(AvroIncompatibilityTypes.MissingUnionBranch, location,
                    $"reader union lacking writer type: {writer.Kind.ToJavaName()}", readerAsWritten.Location, writerAsWritten.Location,
                    _say.MissingUnionBranch(writer.Kind)));
                return result.Build();
            }

            if (!IsPromotion(writer.Kind, reader.Kind))
                result.Add(TypeMismatch(readerAsWritten, writerAsWritten, location, _say));
            return result.Build();
        }

        /// <summary>The primitive promotions of the Avro specification: the writer's value widens into the reader's type.</summary>
        internal static bool IsPromotion(AvroKind writer, AvroKind reader) => reader switch
        {
            AvroKind.Long => writer == AvroKind.Int,
            AvroKind.Float => writer == AvroKind.Int || writer == AvroKind.Long,
            AvroKind.Double => writer == AvroKind.Int || writer == AvroKind.Long || writer == AvroKind.Float,
            AvroKind.Bytes => writer == AvroKind.String,
            AvroKind.String => writer == AvroKind.Bytes,
            _ => false,
        };

        private void CheckEveryWriterBranchIsRead(AvroUnion reader, AvroUnion writer, LocationStack location, ref ResultBuilder result)
        {
            for (int i = 0; i < writer.Branches.Count; i++)
            {
                location.Push(Index(i));
                AvroNode branch = writer.Branches[i];
                // The branch is compared against the whole reader union on a fresh walk; only the verdict is used.
                if (!Compare(reader, branch).IsCompatible)
                {
                    result.Add(Incompatible(AvroIncompatibilityTypes.MissingUnionBranch, location,
                        $"reader union lacking writer type: {branch.Resolved.Kind.ToJavaName()}", reader.Location, branch.Location,
                        _say.MissingUnionBranch(branch.Resolved.Kind)));
                }
                location.Pop();
            }
        }

        private Result CheckRecordFields(AvroRecord reader, AvroRecord writer, LocationStack location)
        {
            var result = new ResultBuilder();
            location.Push("fields");
            foreach (AvroField readerField in reader.Fields)
            {
                // Avro Java locates by position; people (and our paths) name the field.
                location.Push(Index(readerField.Position), readerField.Name);
                AvroField? writerField = FindWriterField(writer, readerField);
                if (writerField != null)
                {
                    result.Add(Compare("type", readerField.Type, writerField.Type, location));
                }
                else if (!readerField.HasDefault)
                {
                    if (readerField.Type.Resolved is AvroEnum readerEnum && readerEnum.DefaultSymbol != null)
                    {
                        // Avro Java compares the enum with the writer record itself here, which reports a
                        // TYPE_MISMATCH; kept so verdicts and locations stay the registry's.
                        result.Add(Compare("type", readerField.Type, writer, location));
                    }
                    else
                    {
                        result.Add(Incompatible(AvroIncompatibilityTypes.ReaderFieldMissingDefaultValue, location,
                            readerField.Name, readerField.Location, null, // the field has no place in the writer's record
                            _say.FieldWithoutDefault(readerField.Name, writer.Name.Full)));
                    }
                }
                location.Pop();
            }
            location.Pop();
            return result.Build();
        }

        /// <summary>
        /// The writer field with the reader field's name or one of its aliases. Like Avro Java, each
        /// hit counts: two hits are ambiguous even when they are the same writer field (an alias that
        /// repeats the field's own name), and Avro Java refuses to resolve such a pair at all.
        /// </summary>
        private static AvroField? FindWriterField(AvroRecord writer, AvroField readerField)
        {
            AvroField? found = writer.FieldNamed(readerField.Name);
            string foundBy = "its name";
            foreach (string alias in readerField.Aliases)
            {
                AvroField? byAlias = writer.FieldNamed(alias);
                if (byAlias == null) continue;
                if (found != null)
                {
                    throw new SchemaException(readerField.Location.File, readerField.Location.Line, readerField.Location.Column,
                        $"field '{readerField.Name}' matches the other schema's record {writer.Name.Full} twice (field '{found.Name}' by {foundBy}, field '{byAlias.Name}' by its alias '{alias}'), so it cannot be resolved");
                }
                found = byAlias;
                foundBy = $"its alias '{alias}'";
            }
            return found;
        }

        private Result CheckEnumSymbols(AvroEnum reader, AvroEnum writer, LocationStack location)
        {
            location.Push("symbols");
            Result result = Result.Compatible;
            // A reader enum default stands in for every symbol it does not know.
            if (reader.DefaultSymbol == null && !ReadsEverySymbol(reader, writer))
            {
                var readerSymbols = new HashSet<string>(reader.Symbols, StringComparer.Ordinal);
                List<string> missing = writer.Symbols.Where(s => !readerSymbols.Contains(s)).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
                string list = "[" + string.Join(", ", missing) + "]";
                result = Incompatible(AvroIncompatibilityTypes.MissingEnumSymbols, location, list, reader.SymbolsLocation, writer.SymbolsLocation,
                    _say.MissingSymbols(reader.Name.Full, list));
            }
            location.Pop();
            return result;
        }

        /// <summary>Whether the reader knows every symbol the writer may write; small enums without a set.</summary>
        private static bool ReadsEverySymbol(AvroEnum reader, AvroEnum writer)
        {
            if (reader.Symbols.Count * writer.Symbols.Count > 64)
            {
                var known = new HashSet<string>(reader.Symbols, StringComparer.Ordinal);
                return writer.Symbols.All(known.Contains);
            }
            foreach (string symbol in writer.Symbols)
            {
                bool found = false;
                foreach (string candidate in reader.Symbols)
                {
                    if (string.Equals(candidate, symbol, StringComparison.Ordinal)) { found = true; break; }
                }
                if (!found) return false;
            }
            return true;
        }

        private Result CheckFixedSize(AvroFixed reader, AvroFixed writer, LocationStack location)
        {
            location.Push("size");
            Result result = Result.Compatible;
            if (reader.Size != writer.Size)
            {
                result = Incompatible(AvroIncompatibilityTypes.FixedSizeMismatch, location,
                    $"expected: {writer.Size}, found: {reader.Size}", reader.SizeLocation, writer.SizeLocation,
                    _say.FixedSize(reader, writer));
            }
            location.Pop();
            return result;
        }

        private Result CheckNames(AvroNamed reader, AvroNamed writer, LocationStack location)
        {
            location.Push("name");
            Result result = Result.Compatible;
            if (!NamesMatch(reader, writer))
            {
                result = Incompatible(AvroIncompatibilityTypes.NameMismatch, location,
                    $"expected: {writer.Name.Full}", reader.NameLocation, writer.NameLocation,
                    _say.Renamed(reader, writer));
            }
            location.Pop();
            return result;
        }

        /// <summary>
        /// Avro Java's <c>schemaNameEquals</c>: the short names are equal (namespaces are not compared), or one of
        /// the reader's aliases equals the writer's full name.
        /// </summary>
        internal static bool NamesMatch(AvroNamed reader, AvroNamed writer) =>
            reader.Name.Short == writer.Name.Short || reader.Aliases.Contains(writer.Name.Full, StringComparer.Ordinal);

        private static Result TypeMismatch(AvroNode reader, AvroNode writer, LocationStack location, Wording say)
        {
            string readerType = reader.Resolved.Kind.ToJavaName();
            string writerType = writer.Resolved.Kind.ToJavaName();
            return Incompatible(AvroIncompatibilityTypes.TypeMismatch, location,
                $"reader type: {readerType} not compatible with writer type: {writerType}", reader.Location, writer.Location,
                say.TypeChanged(reader.Resolved.Kind, writer.Resolved.Kind));
        }

        private static Result Incompatible(string type, LocationStack location, string javaMessage,
            SourceLocation readerLocation, SourceLocation? writerLocation, string explanation) =>
            new Result(false, new[] { new Incompatibility(type, location.ToPointer(), location.ToNamedPointer(), javaMessage, explanation, readerLocation, writerLocation) });

        /// <summary>
        /// Explanations from the user's side: what the new version changed. The checker's roles are reader and
        /// writer; which of them is the new version depends on the level's direction.
        /// </summary>
        private sealed class Wording
        {
            private readonly bool _readerIsNew;

            public Wording(bool readerIsNew) => _readerIsNew = readerIsNew;

            public string MissingUnionBranch(AvroKind written) => _readerIsNew
                ? $"the new version's union has no branch for {Show(written)}, which the old version writes"
                : $"the new version writes {Show(written)}, which the old version's union has no branch for";

            public string FieldWithoutDefault(string field, string record) => _readerIsNew
                ? $"the new version adds field '{field}' to record {record} without a default value, and data written with the old version lacks it"
                : $"the new version removes field '{field}' from record {record}, which the old version reads and has no default value for";

            public string MissingSymbols(string enumName, string symbols) => _readerIsNew
                ? $"the new version removes the symbols {symbols} from enum {enumName}, which has no default symbol, and data written with the old version may hold them"
                : $"the new version adds the symbols {symbols} to enum {enumName}, which the old version does not know and has no default symbol for";

            public string FixedSize(AvroFixed reader, AvroFixed writer) =>
                $"the size of fixed {(_readerIsNew ? reader : writer).Name.Full} changed from {Old(reader, writer).Size} to {New(reader, writer).Size}";

            public string Renamed(AvroNamed reader, AvroNamed writer) => _readerIsNew
                ? $"the new version renames {reader.Kind.ToSchemaName()} {writer.Name.Full} to {reader.Name.Full} without an alias for the old name"
                : $"the new version renames {reader.Kind.ToSchemaName()} {reader.Name.Full} to {writer.Name.Full}, and the old version has no alias for the new name";

            public string TypeChanged(AvroKind reader, AvroKind writer) =>
                $"the type changed from {Show(_readerIsNew ? writer : reader)} to {Show(_readerIsNew ? reader : writer)}, and Avro does not convert {Show(writer)} data to {Show(reader)}";

            private T Old<T>(T reader, T writer) => _readerIsNew ? writer : reader;

            private T New<T>(T reader, T writer) => _readerIsNew ? reader : writer;

            private static string Show(AvroKind kind) => kind.ToSchemaName();
        }

        private static readonly string[] SmallIndexes = Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        private static string Index(int i) => i < SmallIndexes.Length ? SmallIndexes[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>One incompatibility with Avro Java's type, location and message, plus positions in both files.</summary>
        internal sealed class Incompatibility
        {
            public Incompatibility(string type, string location, string namedPath, string javaMessage, string explanation, SourceLocation readerLocation, SourceLocation? writerLocation)
            {
                Type = type;
                Location = location;
                NamedPath = namedPath;
                JavaMessage = javaMessage;
                Explanation = explanation;
                ReaderLocation = readerLocation;
                WriterLocation = writerLocation;
            }

            public string Type { get; }

            /// <summary>Avro Java's location, a JSON pointer into the reader schema (<c>/fields/0/type</c>).</summary>
            public string Location { get; }

            /// <summary>The same place with record fields named instead of numbered (<c>/fields/order_id/type</c>).</summary>
            public string NamedPath { get; }

            /// <summary>The message Avro Java gives (<c>expected: 8, found: 4</c>).</summary>
            public string JavaMessage { get; }

            /// <summary>A sentence for people.</summary>
            public string Explanation { get; }

            public SourceLocation ReaderLocation { get; }

            /// <summary>Null for a reader field the writer's record does not have.</summary>
            public SourceLocation? WriterLocation { get; }
        }

        private sealed class Result
        {
            public static readonly Result Compatible = new Result(true, Array.Empty<Incompatibility>());

            /// <summary>Marks a pair whose comparison has started and not finished.</summary>
            public static readonly Result Pending = new Result(true, Array.Empty<Incompatibility>(), inProgress: true);

            public Result(bool isCompatible, IReadOnlyList<Incompatibility> incompatibilities, bool inProgress = false)
            {
                IsCompatible = isCompatible;
                Incompatibilities = incompatibilities;
                InProgress = inProgress;
            }

            public bool IsCompatible { get; }
            public bool InProgress { get; }
            public IReadOnlyList<Incompatibility> Incompatibilities { get; }
        }

        /// <summary>Gathers the results of a node's parts; a struct, as one is made for every node compared.</summary>
        private struct ResultBuilder
        {
            private List<Incompatibility>? _found;
            private bool _incompatible;

            public void Add(Result result)
            {
                if (result.IsCompatible) return;
                _incompatible = true;
                if (result.Incompatibilities.Count == 0) return;
                (_found ??= new List<Incompatibility>()).AddRange(result.Incompatibilities);
            }

            public Result Build() => _incompatible ? new Result(false, (IReadOnlyList<Incompatibility>?)_found ?? Array.Empty<Incompatibility>()) : Result.Compatible;
        }

        /// <summary>
        /// The path walked so far; the first entry is the root token and is not printed. Each entry has Avro
        /// Java's token (a field's position) and the token people read (the field's name).
        /// </summary>
        private sealed class LocationStack
        {
            private readonly List<(string Java, string Named)> _tokens = new List<(string, string)>();

            public void Push(string token) => _tokens.Add((token, token));

            public void Push(string token, string named) => _tokens.Add((token, named));

            public void Pop() => _tokens.RemoveAt(_tokens.Count - 1);

            public void Clear() => _tokens.Clear();

            public string ToPointer() => Render(named: false);

            public string ToNamedPointer() => Render(named: true);

            private string Render(bool named)
            {
                if (_tokens.Count <= 1) return "/";
                var text = new System.Text.StringBuilder();
                for (int i = 1; i < _tokens.Count; i++)
                    text.Append('/').Append((named ? _tokens[i].Named : _tokens[i].Java).Replace("~", "~0").Replace("/", "~1"));
                return text.ToString();
            }
        }

        /// <summary>Pairs are the same when both nodes are the same objects (not merely equal schemas).</summary>
        private sealed class PairComparer : IEqualityComparer<(AvroNode Reader, AvroNode Writer)>
        {
            public static readonly PairComparer Instance = new PairComparer();

            public bool Equals((AvroNode Reader, AvroNode Writer) x, (AvroNode Reader, AvroNode Writer) y) =>
                ReferenceEquals(x.Reader, y.Reader) && ReferenceEquals(x.Writer, y.Writer);

            public int GetHashCode((AvroNode Reader, AvroNode Writer) pair) =>
                RuntimeHelpers.GetHashCode(pair.Reader) * 31 ^ RuntimeHelpers.GetHashCode(pair.Writer);
        }
    }
}
