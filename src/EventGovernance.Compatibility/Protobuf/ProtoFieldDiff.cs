using T = EventGovernance.Compatibility.Protobuf.ProtoDifferenceTypes;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>Compares one field present (by number) in both schemas: name, kind, scalar group, named type, label.</summary>
    internal static class ProtoFieldDiff
    {
        private enum Kind { Scalar, Message, Map }

        /// <summary>
        /// Scalars whose wire encodings are interchangeable (the groups of the protobuf language guide
        /// that the registry accepts); an enum encodes as a varint and belongs to the first group.
        /// </summary>
        private enum ScalarGroup { Varint, ZigZag, LengthDelimited, Fixed32, Fixed64, Float, Double, Unknown }

        public static void Compare(ProtoDiffContext ctx, ProtoField original, ProtoField update)
        {
            if (original.Name != update.Name)
                ctx.Add(T.FieldNameChanged, $"field {update.Number} was renamed {ctx.FromTo($"'{original.Name}'", $"'{update.Name}'")}", original.Location, update.Location);
            CompareLabelsAndTypes(ctx, original, update, original.Label, update.Label, original.Type, update.Type);
        }

        private static void CompareLabelsAndTypes(ProtoDiffContext ctx, ProtoField originalField, ProtoField updateField,
            ProtoLabel originalLabel, ProtoLabel updateLabel, ProtoFieldType original, ProtoFieldType update)
        {
            Kind originalKind = KindOf(original, ctx.OriginalType);
            Kind updateKind = KindOf(update, ctx.UpdateType);
            if (originalKind != updateKind)
            {
                ctx.Add(T.FieldKindChanged,
                    $"field '{ctx.InNew(originalField, updateField).Name}' = {updateField.Number} changed {ctx.FromTo($"{Describe(originalKind)} {original}", $"{Describe(updateKind)} {update}")}; the encodings are not interchangeable",
                    originalField.Location, updateField.Location);
                return;
            }
            switch (originalKind)
            {
                case Kind.Scalar:
                    CompareScalars(ctx, originalField, updateField, originalLabel, updateLabel, original, update);
                    break;
                case Kind.Message:
                    CompareNamedTypes(ctx, originalField, updateField, original, update);
                    break;
                case Kind.Map:
                    // Map keys and values have no label of their own.
                    CompareLabelsAndTypes(ctx, originalField, updateField, ProtoLabel.Implicit, ProtoLabel.Implicit, original.MapKey!, update.MapKey!);
                    CompareLabelsAndTypes(ctx, originalField, updateField, ProtoLabel.Implicit, ProtoLabel.Implicit, original.MapValue!, update.MapValue!);
                    break;
            }
        }

        private static string Describe(Kind kind) => kind switch
        {
            Kind.Scalar => "scalar",
            Kind.Map => "map",
            _ => "message",
        };

        private static Kind KindOf(ProtoFieldType type, System.Func<string, ProtoTypeEntry?> lookup)
        {
            if (type.Scalar != null) return Kind.Scalar;
            if (type.IsMap) return Kind.Map;
            return lookup(type.NamedType!)?.Enum != null ? Kind.Scalar : Kind.Message;
        }

        private static ScalarGroup GroupOf(ProtoFieldType type, System.Func<string, ProtoTypeEntry?> lookup)
        {
            if (type.NamedType != null) return lookup(type.NamedType)?.Enum != null ? ScalarGroup.Varint : ScalarGroup.Unknown;
            switch (type.Scalar)
            {
                case "int32":
                case "int64":
                case "uint32":
                case "uint64":
                case "bool":
                    return ScalarGroup.Varint;
                case "sint32":
                case "sint64":
                    return ScalarGroup.ZigZag;
                case "string":
                case "bytes":
                    return ScalarGroup.LengthDelimited;
                case "fixed32":
                case "sfixed32":
                    return ScalarGroup.Fixed32;
                case "fixed64":
                case "sfixed64":
                    return ScalarGroup.Fixed64;
                case "float":
                    return ScalarGroup.Float;
                case "double":
                    return ScalarGroup.Double;
                default:
                    return ScalarGroup.Unknown;
            }
        }

        private static void CompareScalars(ProtoDiffContext ctx, ProtoField originalField, ProtoField updateField,
            ProtoLabel originalLabel, ProtoLabel updateLabel, ProtoFieldType original, ProtoFieldType update)
        {
            ScalarGroup originalGroup = GroupOf(original, ctx.OriginalType);
            ScalarGroup updateGroup = GroupOf(update, ctx.UpdateType);
            if (originalGroup != updateGroup)
            {
                ctx.Add(T.FieldScalarKindChanged,
                    $"field '{ctx.InNew(originalField, updateField).Name}' = {updateField.Number} changed {ctx.FromTo(original, update)}, which encode differently on the wire",
                    originalField.Location, updateField.Location);
                return;
            }
            // Labels are compared only when both sides wrote one (proto3's bare fields have none).
            if (originalLabel == ProtoLabel.Implicit || updateLabel == ProtoLabel.Implicit || originalLabel == updateLabel) return;
            string change = $"field '{ctx.InNew(originalField, updateField).Name}' = {updateField.Number} changed label {ctx.FromTo(Show(originalLabel), Show(updateLabel))}";
            if (originalGroup == ScalarGroup.LengthDelimited)
                ctx.Add(T.FieldStringOrBytesLabelChanged, change + "; strings and bytes read the same singly or repeated", originalField.Location, updateField.Location);
            else if (originalGroup != ScalarGroup.Unknown)
                ctx.Add(T.FieldNumericLabelChanged, change + "; packed and unpacked numeric encodings differ", originalField.Location, updateField.Location);
        }

        private static string Show(ProtoLabel label) => label.ToString().ToLowerInvariant();

        /// <summary>
        /// Message-typed fields match when the type's name local to its package matches. A type defined in a
        /// different place on each side (moved into an import, or an import of another file or version) is
        /// compared in place; any breaking change inside it also breaks this field.
        /// </summary>
        private static void CompareNamedTypes(ProtoDiffContext ctx, ProtoField originalField, ProtoField updateField,
            ProtoFieldType original, ProtoFieldType update)
        {
            ProtoTypeEntry? originalType = ctx.OriginalType(original.NamedType!);
            ProtoTypeEntry? updateType = ctx.UpdateType(update.NamedType!);
            string originalName = originalType?.LocalName ?? original.NamedType!;
            string updateName = updateType?.LocalName ?? update.NamedType!;
            if (originalName != updateName)
            {
                ReportNamedTypeChange(ctx, originalField, updateField, original, update, "");
                return;
            }
            if (originalType?.Message == null || updateType?.Message == null || originalType.File.IsSameOrigin(updateType.File)) return;

            ProtoDiffContext inner = ctx.ForImportedType(originalName, updateField.Location);
            ProtoSchemaDiff.CompareMessage(inner, originalType.Message, updateType.Message);
            ctx.Differences.AddRange(inner.Differences);
            if (!inner.IsCompatible)
                ReportNamedTypeChange(ctx, originalField, updateField, original, update, $" (a breaking change inside '{updateName}')");
        }

        private static void ReportNamedTypeChange(ProtoDiffContext ctx, ProtoField originalField, ProtoField updateField,
            ProtoFieldType original, ProtoFieldType update, string why) =>
            ctx.Add(T.FieldNamedTypeChanged,
                $"field '{ctx.InNew(originalField, updateField).Name}' = {updateField.Number} changed type {ctx.FromTo(original, update)}{why}",
                originalField.Location, updateField.Location);
    }
}
