using System.Collections.Generic;
using System.Linq;
using T = EventGovernance.Compatibility.Protobuf.ProtoDifferenceTypes;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Compares two parsed schemas the way the registry does: messages and enums by name, fields and enum
    /// constants by number, oneof membership by field number across the whole message, and named field
    /// types by the name local to their package (an imported type is compared in place when it comes from
    /// a different file or version).
    /// </summary>
    internal static class ProtoSchemaDiff
    {
        /// <param name="originalIsNew">True for a FORWARD check, so messages say what the new version (the original) changed.</param>
        public static List<Difference> Compare(ProtobufParsedSchema original, ProtobufParsedSchema update, bool originalIsNew = false)
        {
            var ctx = new ProtoDiffContext(original, update, originalIsNew);
            ComparePackage(ctx, original.Root, update.Root);
            CompareTypes(ctx, original.Root.Messages, original.Root.Enums, update.Root.Messages, update.Root.Enums);
            return ctx.Differences;
        }

        private static void ComparePackage(ProtoDiffContext ctx, ProtoFile original, ProtoFile update)
        {
            if (original.Package == update.Package) return;
            ctx.Add(T.PackageChanged,
                $"the package changed {ctx.FromTo($"'{Show(original.Package)}'", $"'{Show(update.Package)}'")}, so every fully qualified type name changes",
                original.Locate(original.Index.Package), update.Locate(update.Index.Package));
        }

        private static string Show(string package) => package.Length == 0 ? "(none)" : package;

        /// <summary>Messages and enums declared side by side (in a file or in one message).</summary>
        private static void CompareTypes(ProtoDiffContext ctx, IReadOnlyList<ProtoMessage> originalMessages, IReadOnlyList<ProtoEnum> originalEnums,
            IReadOnlyList<ProtoMessage> updateMessages, IReadOnlyList<ProtoEnum> updateEnums)
        {
            var originalByName = IndexByName(originalMessages, m => m.Name);
            var updateByName = IndexByName(updateMessages, m => m.Name);
            foreach (string name in UnionInOrder(originalMessages.Select(m => m.Name), updateMessages.Select(m => m.Name)))
            {
                using (ctx.Enter(name))
                {
                    bool inOriginal = originalByName.TryGetValue(name, out var o);
                    bool inUpdate = updateByName.TryGetValue(name, out var u);
                    // A written-out map entry type comes and goes with the map field's spelling; the field is compared as a map.
                    if (!inUpdate && o.Item.IsMapEntry || !inOriginal && u.Item.IsMapEntry)
                    {
                        continue;
                    }
                    if (!inUpdate)
                    {
                        ctx.Add(T.MessageRemoved, $"message '{o.Item.LocalPath}' {ctx.Removed}", o.Item.Location, null);
                    }
                    else if (!inOriginal)
                    {
                        ctx.Add(T.MessageAdded, $"message '{u.Item.LocalPath}' {ctx.Added}", null, u.Item.Location);
                    }
                    else
                    {
                        CompareMessage(ctx, o.Item, u.Item);
                        // Reordering is harmless: serialized message indexes refer to the writer's schema ID.
                        if (o.Index != u.Index)
                            ctx.Add(T.MessageMoved, $"message '{u.Item.LocalPath}' moved {ctx.FromTo($"position {o.Index}", $"position {u.Index}")}", o.Item.Location, u.Item.Location);
                    }
                }
            }

            var originalEnumsByName = IndexByName(originalEnums, e => e.Name);
            var updateEnumsByName = IndexByName(updateEnums, e => e.Name);
            foreach (string name in UnionInOrder(originalEnums.Select(e => e.Name), updateEnums.Select(e => e.Name)))
            {
                using (ctx.Enter(name))
                {
                    bool inOriginal = originalEnumsByName.TryGetValue(name, out var o);
                    bool inUpdate = updateEnumsByName.TryGetValue(name, out var u);
                    if (!inUpdate) ctx.Add(T.EnumRemoved, $"enum '{o.Item.LocalPath}' {ctx.Removed}", o.Item.Location, null);
                    else if (!inOriginal) ctx.Add(T.EnumAdded, $"enum '{u.Item.LocalPath}' {ctx.Added}", null, u.Item.Location);
                    else CompareEnum(ctx, o.Item, u.Item);
                }
            }
        }

        private static Dictionary<string, (TItem Item, int Index)> IndexByName<TItem>(IReadOnlyList<TItem> items, System.Func<TItem, string> name)
        {
            var byName = new Dictionary<string, (TItem, int)>(System.StringComparer.Ordinal);
            for (int i = 0; i < items.Count; i++) byName[name(items[i])] = (items[i], i);
            return byName;
        }

        private static IEnumerable<TKey> UnionInOrder<TKey>(IEnumerable<TKey> first, IEnumerable<TKey> second) => first.Concat(second).Distinct();

        private static void CompareEnum(ProtoDiffContext ctx, ProtoEnum original, ProtoEnum update)
        {
            var originalByNumber = new Dictionary<int, ProtoEnumConstant>();
            foreach (ProtoEnumConstant c in original.Constants) originalByNumber[c.Number] = c;
            var updateByNumber = new Dictionary<int, ProtoEnumConstant>();
            foreach (ProtoEnumConstant c in update.Constants) updateByNumber[c.Number] = c;

            foreach (int number in UnionInOrder(originalByNumber.Keys, updateByNumber.Keys).OrderBy(n => n))
            {
                bool inOriginal = originalByNumber.TryGetValue(number, out ProtoEnumConstant? o);
                bool inUpdate = updateByNumber.TryGetValue(number, out ProtoEnumConstant? u);
                string segment = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!inUpdate)
                    ctx.AddAt(segment, T.EnumConstRemoved, $"enum constant {o!.Name} = {number} of '{original.LocalPath}' {ctx.Removed}", o.Location, null);
                else if (!inOriginal)
                    ctx.AddAt(segment, T.EnumConstAdded, $"enum constant {u!.Name} = {number} of '{update.LocalPath}' {ctx.Added}", null, u.Location);
                else if (o!.Name != u!.Name)
                    ctx.AddAt(segment, T.EnumConstChanged, $"enum constant {number} of '{update.LocalPath}' was renamed {ctx.FromTo(o.Name, u.Name)}", o.Location, u.Location);
            }
        }

        internal static void CompareMessage(ProtoDiffContext ctx, ProtoMessage original, ProtoMessage update)
        {
            // A message already being compared further up is a recursive reference: its fields are
            // compared there, so only its nested declarations are visited here.
            if (ctx.TryBegin(original))
            {
                try
                {
                    CompareMessageFields(ctx, original, update);
                }
                finally
                {
                    ctx.End(original);
                }
            }
            CompareTypes(ctx, original.NestedMessages, original.NestedEnums, update.NestedMessages, update.NestedEnums);
        }

        private static void CompareMessageFields(ProtoDiffContext ctx, ProtoMessage original, ProtoMessage update)
        {
            Dictionary<int, ProtoField> originalByNumber = ByNumber(original);
            Dictionary<int, ProtoField> updateByNumber = ByNumber(update);
            var originalOneofs = original.Oneofs.ToDictionary(o => o.Name, System.StringComparer.Ordinal);
            var updateOneofs = update.Oneofs.ToDictionary(o => o.Name, System.StringComparer.Ordinal);

            HashSet<string> deletedOneofs = CompletelyDeletedOneofs(original, updateOneofs, updateByNumber);
            CheckNewMutualExclusion(ctx, update, originalByNumber);
            CompareOneofDeclarations(ctx, originalOneofs, updateOneofs);

            foreach (int number in originalByNumber.Keys.Union(updateByNumber.Keys).OrderBy(n => n))
            {
                originalByNumber.TryGetValue(number, out ProtoField? o);
                updateByNumber.TryGetValue(number, out ProtoField? u);
                string segment = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (u == null)
                {
                    FieldRemoved(ctx, o!, segment, deletedOneofs);
                }
                else if (o == null)
                {
                    FieldAdded(ctx, u, segment);
                }
                else
                {
                    if (o.Oneof != null && u.Oneof == null)
                        ctx.AddAt(segment, T.OneofFieldMovedToTopLevel, (ctx.OriginalIsNew
                            ? $"field '{o.Name}' = {number} moved from the top level into oneof '{o.Oneof}'"
                            : $"field '{u.Name}' = {number} moved out of oneof '{o.Oneof}' to the top level"), o.Location, u.Location);
                    // Contents are compared wherever the field now lives, so a oneof change cannot hide a type change.
                    if (u.Oneof != null)
                    {
                        using (ctx.Enter(u.Oneof))
                        using (ctx.Enter(segment))
                            ProtoFieldDiff.Compare(ctx, o, u);
                    }
                    else
                    {
                        using (ctx.Enter(segment)) ProtoFieldDiff.Compare(ctx, o, u);
                    }
                }
            }
        }

        private static Dictionary<int, ProtoField> ByNumber(ProtoMessage message)
        {
            var byNumber = new Dictionary<int, ProtoField>();
            foreach (ProtoField field in message.Fields) byNumber[field.Number] = field;
            return byNumber;
        }

        /// <summary>Oneofs removed by name with none of their members surviving anywhere: a clean deletion.</summary>
        private static HashSet<string> CompletelyDeletedOneofs(ProtoMessage original, Dictionary<string, ProtoOneof> updateOneofs,
            Dictionary<int, ProtoField> updateByNumber)
        {
            var deleted = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (ProtoOneof oneof in original.Oneofs)
            {
                if (updateOneofs.ContainsKey(oneof.Name)) continue;
                if (!oneof.Fields.Any(f => updateByNumber.ContainsKey(f.Number))) deleted.Add(oneof.Name);
            }
            return deleted;
        }

        /// <summary>
        /// A oneof in the reader whose existing members came from more than one place in the writer (two
        /// top-level fields, or a field and another oneof) makes previously independent fields mutually
        /// exclusive: data that set both loses one of them.
        /// </summary>
        private static void CheckNewMutualExclusion(ProtoDiffContext ctx, ProtoMessage update, Dictionary<int, ProtoField> originalByNumber)
        {
            foreach (ProtoOneof oneof in update.Oneofs)
            {
                var origins = new HashSet<string>(System.StringComparer.Ordinal);
                int topLevelMovedIn = 0;
                foreach (ProtoField field in oneof.Fields)
                {
                    if (!originalByNumber.TryGetValue(field.Number, out ProtoField? before)) continue; // new: old data never set it
                    if (before.Oneof != null)
                    {
                        origins.Add("oneof:" + before.Oneof);
                    }
                    else
                    {
                        origins.Add("field:" + field.Number);
                        topLevelMovedIn++;
                    }
                }
                if (origins.Count <= 1) continue;
                if (topLevelMovedIn > 1)
                    ctx.AddAt(oneof.Name, T.MultipleFieldsMovedToOneof,
                        (ctx.OriginalIsNew
                            ? $"{topLevelMovedIn} fields of oneof '{oneof.Name}' became independent fields; the old version keeps only one of them when data sets more than one"
                            : $"{topLevelMovedIn} independent fields were moved into oneof '{oneof.Name}'; data that set more than one of them keeps only one"), null, oneof.Location);
                else
                    ctx.AddAt(oneof.Name, T.FieldMovedToExistingOneof,
                        (ctx.OriginalIsNew
                            ? $"fields of oneof '{oneof.Name}' were split apart in the new version; the old version keeps only one of them when data sets more than one"
                            : $"oneof '{oneof.Name}' now joins fields that were independent in the old version; data that set more than one of them keeps only one"), null, oneof.Location);
            }
        }

        private static void CompareOneofDeclarations(ProtoDiffContext ctx, Dictionary<string, ProtoOneof> original, Dictionary<string, ProtoOneof> update)
        {
            foreach (string name in original.Keys.Union(update.Keys).OrderBy(n => n, System.StringComparer.Ordinal))
            {
                bool inOriginal = original.TryGetValue(name, out ProtoOneof? o);
                bool inUpdate = update.TryGetValue(name, out ProtoOneof? u);
                if (!inUpdate) ctx.AddAt(name, T.OneofRemoved, $"oneof '{name}' {ctx.Removed}", o!.Location, null);
                else if (!inOriginal) ctx.AddAt(name, T.OneofAdded, $"oneof '{name}' {ctx.Added}", null, u!.Location);
            }
        }

        private static void FieldRemoved(ProtoDiffContext ctx, ProtoField field, string segment, HashSet<string> deletedOneofs)
        {
            if (field.Oneof != null)
            {
                // Dropping one member of a oneof that otherwise survives loses data; deleting the whole oneof does not count.
                if (deletedOneofs.Contains(field.Oneof)) return;
                using (ctx.Enter(field.Oneof))
                    ctx.AddAt(segment, T.OneofFieldRemoved,
                        (ctx.OriginalIsNew
                            ? $"field '{field.Name}' = {field.Number} was added to oneof '{field.Oneof}'; the old version loses a value set there"
                            : $"field '{field.Name}' = {field.Number} of oneof '{field.Oneof}' was removed; a value set there is lost"), field.Location, null);
            }
            else if (field.Label == ProtoLabel.Required)
            {
                ctx.AddAt(segment, T.RequiredFieldRemoved, $"required field '{field.Name}' = {field.Number} {ctx.Removed}", field.Location, null);
            }
            else
            {
                ctx.AddAt(segment, T.FieldRemoved, $"field '{field.Name}' = {field.Number} {ctx.Removed}; {ctx.Reader} skips its data", field.Location, null);
            }
        }

        private static void FieldAdded(ProtoDiffContext ctx, ProtoField field, string segment)
        {
            if (field.Oneof != null)
            {
                using (ctx.Enter(field.Oneof))
                    ctx.AddAt(segment, T.OneofFieldAdded, (ctx.OriginalIsNew
                            ? $"field '{field.Name}' = {field.Number} of oneof '{field.Oneof}' was removed"
                            : $"field '{field.Name}' = {field.Number} was added to oneof '{field.Oneof}'"), null, field.Location);
            }
            else if (field.Label == ProtoLabel.Required)
            {
                ctx.AddAt(segment, T.RequiredFieldAdded,
                    (ctx.OriginalIsNew
                        ? $"required field '{field.Name}' = {field.Number} was removed; the old version fails to parse data written without it"
                        : $"required field '{field.Name}' = {field.Number} was added; data written without it fails to parse"), null, field.Location);
            }
            else
            {
                ctx.AddAt(segment, T.FieldAdded, $"field '{field.Name}' = {field.Number} {ctx.Added}", null, field.Location);
            }
        }
    }
}
