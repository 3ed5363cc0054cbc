using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Builds the diff model from a protobuf-net descriptor, undoing the descriptor's lowering so the model
    /// looks like the text the registry compares: map entry types are folded back into map fields,
    /// proto3 <c>optional</c>'s synthetic oneofs disappear, proto2 groups are left out (the registry ignores
    /// them), and labels are kept only where written.
    /// </summary>
    internal static class ProtoModelBuilder
    {
        public static ProtoFile Build(FileDescriptorProto descriptor, string displayPath, string text, bool isRoot,
            ProtoSourceIndex index, Dictionary<string, ProtoTypeEntry> types)
        {
            string package = descriptor.Package ?? "";
            var file = new ProtoFile(descriptor.Name, displayPath, package, descriptor.Syntax ?? "", text, isRoot, index);
            // Editions files write no optional/required keyword either: a bare field has no label there too.
            bool unlabelledSyntax = descriptor.Syntax == "proto3" || descriptor.Syntax == "editions";
            string prefix = package.Length == 0 ? "" : package + ".";

            // Map entry types first, so fields can be folded into maps while messages are built.
            var mapEntries = new Dictionary<string, DescriptorProto>(System.StringComparer.Ordinal);
            foreach (DescriptorProto message in descriptor.MessageTypes) CollectMapEntries(message, prefix, mapEntries);

            foreach (DescriptorProto message in descriptor.MessageTypes)
            {
                ProtoMessage? built = BuildMessage(file, message, "", prefix, unlabelledSyntax, mapEntries, types);
                if (built != null) file.Messages.Add(built);
            }
            foreach (EnumDescriptorProto enumType in descriptor.EnumTypes)
                file.Enums.Add(BuildEnum(file, enumType, "", prefix, types));
            return file;
        }

        private static void CollectMapEntries(DescriptorProto message, string prefix, Dictionary<string, DescriptorProto> mapEntries)
        {
            string fullName = prefix + message.Name;
            if (message.Options?.MapEntry == true) mapEntries[fullName] = message;
            foreach (DescriptorProto nested in message.NestedTypes) CollectMapEntries(nested, fullName + ".", mapEntries);
        }

        private static ProtoMessage? BuildMessage(ProtoFile file, DescriptorProto descriptor, string parentPath, string prefix,
            bool unlabelledSyntax, Dictionary<string, DescriptorProto> mapEntries, Dictionary<string, ProtoTypeEntry> types)
        {
            string localPath = parentPath.Length == 0 ? descriptor.Name : parentPath + "." + descriptor.Name;
            (int Line, int Column)? declared = file.Index.Type(localPath);
            bool mapEntry = descriptor.Options?.MapEntry == true;
            // The parser synthesizes an entry type for each map<K, V> field; only one written out in the text is a message here.
            if (mapEntry && declared == null) return null;
            var message = new ProtoMessage(file, descriptor.Name, localPath, file.Locate(declared), mapEntry);
            types[prefix + localPath] = new ProtoTypeEntry(file, message, null);

            var oneofs = new ProtoOneof?[descriptor.OneofDecls.Count];
            var groupTypes = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (FieldDescriptorProto field in descriptor.Fields)
            {
                if (IsGroup(field))
                {
                    groupTypes.Add(TrimDot(field.TypeName));
                    continue;
                }
                string? oneofName = null;
                if (field.ShouldSerializeOneofIndex() && !field.Proto3Optional && field.OneofIndex < oneofs.Length)
                {
                    int i = field.OneofIndex;
                    oneofs[i] ??= new ProtoOneof(descriptor.OneofDecls[i].Name, file.Locate(file.Index.Oneof(localPath, descriptor.OneofDecls[i].Name)));
                    oneofName = oneofs[i]!.Name;
                }
                ProtoFieldType type = FieldType(field, mapEntries, out bool isMap);
                var built = new ProtoField(field.Name, field.Number, Label(field, unlabelledSyntax, oneofName != null || isMap), type, oneofName,
                    file.Locate(file.Index.Member(localPath, field.Number)))
                { DefaultValue = string.IsNullOrEmpty(field.DefaultValue) ? null : field.DefaultValue };
                message.Fields.Add(built);
                if (oneofName != null) oneofs[field.OneofIndex]!.Fields.Add(built);
            }
            // Oneofs in declaration order; a oneof with no members cannot be written, but keep it if declared.
            for (int i = 0; i < oneofs.Length; i++)
            {
                OneofDescriptorProto decl = descriptor.OneofDecls[i];
                if (oneofs[i] == null && IsSyntheticOneof(descriptor, i)) continue;
                message.Oneofs.Add(oneofs[i] ?? new ProtoOneof(decl.Name, file.Locate(file.Index.Oneof(localPath, decl.Name))));
            }

            // Descriptor message ranges are end-exclusive.
            foreach (DescriptorProto.ReservedRange range in descriptor.ReservedRanges) message.Reserved.Ranges.Add((range.Start, range.End - 1));
            foreach (string reserved in descriptor.ReservedNames) message.Reserved.Names.Add(reserved);

            foreach (DescriptorProto nested in descriptor.NestedTypes)
            {
                ProtoMessage? built = BuildMessage(file, nested, localPath, prefix, unlabelledSyntax, mapEntries, types);
                // A group's message stays resolvable by name but, like the group field, is not compared.
                if (built != null && !groupTypes.Contains(prefix + built.LocalPath)) message.NestedMessages.Add(built);
            }
            foreach (EnumDescriptorProto nested in descriptor.EnumTypes)
                message.NestedEnums.Add(BuildEnum(file, nested, localPath, prefix, types));
            return message;
        }

        /// <summary>
        /// A proto2 group (<c>optional group Result = 2 { ... }</c>): the registry's parser keeps groups apart
        /// from fields and nested types and its diff never looks at them, so neither does this model.
        /// </summary>
        private static bool IsGroup(FieldDescriptorProto field) => field.type == FieldDescriptorProto.Type.TypeGroup;

        /// <summary>The oneof protobuf-net adds for each proto3 <c>optional</c> field.</summary>
        private static bool IsSyntheticOneof(DescriptorProto descriptor, int index)
        {
            bool any = false;
            foreach (FieldDescriptorProto field in descriptor.Fields)
            {
                if (!field.ShouldSerializeOneofIndex() || field.OneofIndex != index) continue;
                if (!field.Proto3Optional) return false;
                any = true;
            }
            return any;
        }

        private static ProtoLabel Label(FieldDescriptorProto field, bool unlabelledSyntax, bool implicitLabel)
        {
            if (implicitLabel) return ProtoLabel.Implicit;
            switch (field.label)
            {
                case FieldDescriptorProto.Label.LabelRepeated: return ProtoLabel.Repeated;
                // An editions field is required through a feature, never a written label.
                case FieldDescriptorProto.Label.LabelRequired: return unlabelledSyntax ? ProtoLabel.Implicit : ProtoLabel.Required;
                default:
                    // proto3 writes "optional" only for explicit presence; a bare field has no label.
                    return unlabelledSyntax && !field.Proto3Optional ? ProtoLabel.Implicit : ProtoLabel.Optional;
            }
        }

        private static ProtoFieldType FieldType(FieldDescriptorProto field, Dictionary<string, DescriptorProto> mapEntries, out bool isMap)
        {
            isMap = false;
            switch (field.type)
            {
                case FieldDescriptorProto.Type.TypeMessage:
                case FieldDescriptorProto.Type.TypeGroup:
                case FieldDescriptorProto.Type.TypeEnum:
                    string name = TrimDot(field.TypeName);
                    if (field.label == FieldDescriptorProto.Label.LabelRepeated && mapEntries.TryGetValue(name, out DescriptorProto? entry))
                    {
                        isMap = true;
                        ProtoFieldType? key = null, value = null;
                        foreach (FieldDescriptorProto f in entry.Fields)
                        {
                            if (f.Number == 1) key = FieldType(f, mapEntries, out _);
                            else if (f.Number == 2) value = FieldType(f, mapEntries, out _);
                        }
                        if (key != null && value != null) return ProtoFieldType.ForMap(key, value);
                    }
                    return ProtoFieldType.ForNamed(name);
                default:
                    return ProtoFieldType.ForScalar(ScalarKeyword(field.type));
            }
        }

        private static string TrimDot(string name) => name.StartsWith(".", System.StringComparison.Ordinal) ? name.Substring(1) : name;

        private static string ScalarKeyword(FieldDescriptorProto.Type type) => type switch
        {
            FieldDescriptorProto.Type.TypeDouble => "double",
            FieldDescriptorProto.Type.TypeFloat => "float",
            FieldDescriptorProto.Type.TypeInt64 => "int64",
            FieldDescriptorProto.Type.TypeUint64 => "uint64",
            FieldDescriptorProto.Type.TypeInt32 => "int32",
            FieldDescriptorProto.Type.TypeFixed64 => "fixed64",
            FieldDescriptorProto.Type.TypeFixed32 => "fixed32",
            FieldDescriptorProto.Type.TypeBool => "bool",
            FieldDescriptorProto.Type.TypeString => "string",
            FieldDescriptorProto.Type.TypeBytes => "bytes",
            FieldDescriptorProto.Type.TypeUint32 => "uint32",
            FieldDescriptorProto.Type.TypeSfixed32 => "sfixed32",
            FieldDescriptorProto.Type.TypeSfixed64 => "sfixed64",
            FieldDescriptorProto.Type.TypeSint32 => "sint32",
            FieldDescriptorProto.Type.TypeSint64 => "sint64",
            _ => type.ToString(),
        };

        private static ProtoEnum BuildEnum(ProtoFile file, EnumDescriptorProto descriptor, string parentPath, string prefix,
            Dictionary<string, ProtoTypeEntry> types)
        {
            string localPath = parentPath.Length == 0 ? descriptor.Name : parentPath + "." + descriptor.Name;
            var built = new ProtoEnum(file, descriptor.Name, localPath, file.Locate(file.Index.Type(localPath)));
            foreach (EnumValueDescriptorProto value in descriptor.Values)
                built.Constants.Add(new ProtoEnumConstant(value.Name, value.Number, file.Locate(file.Index.Member(localPath, value.Number))));
            // Enum ranges are inclusive.
            foreach (EnumDescriptorProto.EnumReservedRange range in descriptor.ReservedRanges) built.Reserved.Ranges.Add((range.Start, range.End));
            foreach (string reserved in descriptor.ReservedNames) built.Reserved.Names.Add(reserved);
            types[prefix + localPath] = new ProtoTypeEntry(file, null, built);
            return built;
        }
    }
}
