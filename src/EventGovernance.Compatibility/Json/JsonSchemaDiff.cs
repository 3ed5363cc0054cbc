using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>
    /// Lists the differences between two normalised JSON Schemas the way the registry does: first the
    /// shape (type, combined schemas), then annotations, then the keywords of the kind of schema.
    /// </summary>
    internal static class JsonSchemaDiff
    {
        /// <summary>
        /// Compares two schemas. Recursive schemas are first compared assuming a recursive pair is
        /// compatible; if that assumption was used, the comparison is repeated knowing which pairs turned
        /// out incompatible, until the set stops growing, so that a real change inside a cycle is not hidden.
        /// </summary>
        public static List<RawDifference> Compare(JsonSchemaNode original, JsonSchemaNode update, HashSet<string> compatible)
        {
            var seed = new Dictionary<SchemaPair, List<RawDifference>>();
            while (true)
            {
                JsonDiffContext context = JsonDiffContext.Root(compatible, seed);
                Compare(context, original, update);
                Dictionary<SchemaPair, List<RawDifference>> incompatible = context.IncompatiblePairs();
                if (!context.UsedOptimisticTruncation || incompatible.Keys.All(seed.ContainsKey))
                    return context.Differences;
                seed = incompatible;
            }
        }

        /// <summary>Follows references to the schema they name (cycles of bare references were refused when loading).</summary>
        public static JsonSchemaNode Resolve(JsonSchemaNode node)
        {
            while (node is ReferenceSchemaNode reference && reference.Target != null) node = reference.Target;
            return node;
        }

        public static bool Is(JsonSchemaNode? node, JsonSchemaKind kind) => node != null && Resolve(node).Kind == kind;

        public static void Compare(JsonDiffContext context, JsonSchemaNode? original, JsonSchemaNode? update)
        {
            if (original == null && update == null) return;
            if (original == null)
            {
                context.Add(JsonDifferenceType.SchemaAdded, JsonDiffContext.Locate(context.OriginalAnchor), JsonDiffContext.Locate(update));
                return;
            }
            if (update == null)
            {
                context.Add(JsonDifferenceType.SchemaRemoved, JsonDiffContext.Locate(original), JsonDiffContext.Locate(context.UpdateAnchor));
                return;
            }
            JsonSchemaNode o = Resolve(original);
            JsonSchemaNode u = Resolve(update);
            context.CompareMemoized(o, u, CompareTypesOfPair);
        }

        private static readonly System.Action<JsonDiffContext, JsonSchemaNode, JsonSchemaNode> CompareTypesOfPair = CompareTypes;

        private static void CompareTypes(JsonDiffContext context, JsonSchemaNode original, JsonSchemaNode update)
        {
            if (TryUnwrapCombined(context, original, update)) return;

            if (!SameShape(original, update))
            {
                // Anything may be read by a schema that accepts anything, and nothing was written under "false".
                if (original.Kind == JsonSchemaKind.False || update.Kind == JsonSchemaKind.Empty) return;
                // Kafka Connect marks its byte encodings; two of them are equivalent whatever JSON type they use.
                if (original.ConnectType == "bytes" && update.ConnectType == "bytes") return;
                context.AddHere(JsonDifferenceType.TypeChanged);
                return;
            }

            if (original.Id != update.Id) context.AddHere(JsonDifferenceType.IdChanged);
            if (original.Title != update.Title) context.AddHere(JsonDifferenceType.TitleChanged);
            if (original.Description != update.Description) context.AddHere(JsonDifferenceType.DescriptionChanged);
            if ((original.Default == null ? null : JsonValues.Canonical(original.Default)) != (update.Default == null ? null : JsonValues.Canonical(update.Default)))
                context.AddHere(JsonDifferenceType.DefaultChanged);

            switch (original)
            {
                case StringSchemaNode s: CompareString(context, s, (StringSchemaNode)update); break;
                case NumberSchemaNode n: CompareNumber(context, n, (NumberSchemaNode)update); break;
                case ConstSchemaNode c:
                    if (c.Value != ((ConstSchemaNode)update).Value) context.AddKeyword("const", JsonDifferenceType.EnumArrayChanged);
                    break;
                case EnumSchemaNode e: CompareEnum(context, e, (EnumSchemaNode)update); break;
                case CombinedSchemaNode c: JsonCombinedDiff.Compare(context, c, (CombinedSchemaNode)update); break;
                case NotSchemaNode n: CompareNot(context, n, (NotSchemaNode)update); break;
                case ObjectSchemaNode o: JsonObjectDiff.Compare(context, o, (ObjectSchemaNode)update); break;
                case ArraySchemaNode a: JsonArrayDiff.Compare(context, a, (ArraySchemaNode)update); break;
            }
        }

        /// <summary>
        /// A plain schema against a combined one: it still reads old data when it matches one branch of a
        /// new oneOf/anyOf, or when it equals one branch of an old allOf. Singletons count as the branch itself.
        /// </summary>
        private static bool TryUnwrapCombined(JsonDiffContext context, JsonSchemaNode original, JsonSchemaNode update)
        {
            if (!(original is CombinedSchemaNode) && update is CombinedSchemaNode newCombined)
            {
                if (newCombined.Subschemas.Count == 1)
                    return TryBranch(context, original, newCombined.Subschemas[0], null);
                if (newCombined.IsSum)
                {
                    foreach (JsonSchemaNode branch in newCombined.Subschemas)
                        if (TryBranch(context, original, branch, JsonDifferenceType.SumTypeExtended)) return true;
                }
            }
            else if (original is CombinedSchemaNode oldCombined && !(update is CombinedSchemaNode))
            {
                if (oldCombined.Subschemas.Count == 1)
                    return TryBranch(context, oldCombined.Subschemas[0], update, null);
                if (!oldCombined.IsSum)
                {
                    foreach (JsonSchemaNode branch in oldCombined.Subschemas)
                        if (TryBranch(context, branch, update, JsonDifferenceType.ProductTypeNarrowed)) return true;
                }
            }
            return false;
        }

        private static bool TryBranch(JsonDiffContext context, JsonSchemaNode original, JsonSchemaNode update, string? marker)
        {
            JsonDiffContext trial = context.Trial();
            Compare(trial, original, update);
            if (!trial.IsCompatible) return false;
            context.AddRange(trial.Differences);
            if (marker != null) context.AddHere(marker);
            return true;
        }

        private static bool SameShape(JsonSchemaNode a, JsonSchemaNode b) =>
            a.Kind == b.Kind && (a.Kind != JsonSchemaKind.Empty || a.IsTrueLiteral == b.IsTrueLiteral);

        private static void CompareString(JsonDiffContext context, StringSchemaNode original, StringSchemaNode update)
        {
            CompareLimit(context, "maxLength", original.MaxLength, update.MaxLength, "MAX_LENGTH");
            CompareLimit(context, "minLength", original.MinLength, update.MinLength, "MIN_LENGTH");
            if (original.Pattern == null && update.Pattern != null) context.AddKeyword("pattern", JsonDifferenceType.PatternAdded);
            else if (original.Pattern != null && update.Pattern == null) context.AddKeyword("pattern", JsonDifferenceType.PatternRemoved);
            else if (original.Pattern != update.Pattern) context.AddKeyword("pattern", JsonDifferenceType.PatternChanged);
        }

        /// <summary>Reports a numeric keyword added, removed, increased or decreased as <c>PREFIX_ADDED</c> etc.</summary>
        public static void CompareLimit(JsonDiffContext context, string keyword, double? original, double? update, string prefix)
        {
            if (original == update) return;
            string type = original == null ? prefix + "_ADDED"
                : update == null ? prefix + "_REMOVED"
                : original < update ? prefix + "_INCREASED"
                : prefix + "_DECREASED";
            context.AddKeyword(keyword, type);
        }

        public static void CompareLimit(JsonDiffContext context, string keyword, long? original, long? update, string prefix) =>
            CompareLimit(context, keyword, (double?)original, update, prefix);

        private static void CompareNumber(JsonDiffContext context, NumberSchemaNode original, NumberSchemaNode update)
        {
            CompareLimit(context, "maximum", original.Maximum, update.Maximum, "MAXIMUM");
            CompareLimit(context, "minimum", original.Minimum, update.Minimum, "MINIMUM");
            CompareLimit(context, "exclusiveMaximum", original.ExclusiveMaximum, update.ExclusiveMaximum, "EXCLUSIVE_MAXIMUM");
            CompareLimit(context, "exclusiveMinimum", original.ExclusiveMinimum, update.ExclusiveMinimum, "EXCLUSIVE_MINIMUM");
            CompareMultipleOf(context, original.MultipleOf, update.MultipleOf);
            if (original.RequiresInteger != update.RequiresInteger)
                context.AddHere(original.RequiresInteger ? JsonDifferenceType.TypeExtended : JsonDifferenceType.TypeNarrowed);
        }

        private static void CompareMultipleOf(JsonDiffContext context, decimal? original, decimal? update)
        {
            if (original == update) return;
            string type;
            if (original == null) type = JsonDifferenceType.MultipleOfAdded;
            else if (update == null) type = JsonDifferenceType.MultipleOfRemoved;
            else if (update.Value % original.Value == 0) type = JsonDifferenceType.MultipleOfExpanded;
            else if (original.Value % update.Value == 0) type = JsonDifferenceType.MultipleOfReduced;
            else type = JsonDifferenceType.MultipleOfChanged;
            context.AddKeyword("multipleOf", type);
        }

        private static void CompareEnum(JsonDiffContext context, EnumSchemaNode original, EnumSchemaNode update)
        {
            if (original.Values.SetEquals(update.Values)) return;
            if (update.Values.IsSupersetOf(original.Values)) context.AddKeyword("enum", JsonDifferenceType.EnumArrayExtended);
            else if (original.Values.IsSupersetOf(update.Values)) context.AddKeyword("enum", JsonDifferenceType.EnumArrayNarrowed);
            else context.AddKeyword("enum", JsonDifferenceType.EnumArrayChanged);
        }

        /// <summary>
        /// Old data never matched the old excluded schema; it stays valid when the new excluded schema matches
        /// nothing more than the old one did, so the two excluded schemas are compared with their roles swapped.
        /// </summary>
        private static void CompareNot(JsonDiffContext context, NotSchemaNode original, NotSchemaNode update)
        {
            using (context.Enter("not"))
            {
                JsonDiffContext trial = context.Trial();
                Compare(trial, update.MustNotMatch, original.MustNotMatch);
                string type = trial.IsCompatible ? JsonDifferenceType.NotTypeNarrowed : JsonDifferenceType.NotTypeExtended;
                context.Add(type, JsonDiffContext.KeywordLocation(original, "not"), JsonDiffContext.KeywordLocation(update, "not"));
            }
        }
    }
}
