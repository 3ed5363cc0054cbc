using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.Compatibility.Protobuf;

namespace EventGovernance.Registry.Lint.Shapes
{
    /// <summary>
    /// The event of a .proto contract is its first message (the one Confluent's serializers register by default);
    /// a field of a message type has that message's fields as children, from this file or an import.
    /// </summary>
    internal static class ProtoShape
    {
        public static ContractShape? Of(ProtobufParsedSchema schema)
        {
            ProtoMessage? message = schema.Root.Messages.FirstOrDefault();
            if (message == null) return null;
            return new ContractShape(message.Name, message.Location, Fields(schema, message, "#", 0));
        }

        private static IReadOnlyList<ShapeField> Fields(ProtobufParsedSchema schema, ProtoMessage message, string path, int depth)
        {
            if (depth > 32) return new ShapeField[0];
            return message.Fields.Select(f =>
            {
                string fieldPath = path + "/" + message.Name + "/" + f.Name;
                ProtoMessage? held = f.Type.NamedType != null && schema.Types.TryGetValue(f.Type.NamedType, out ProtoTypeEntry? entry) ? entry.Message : null;
                return new ShapeField(f.Name, f.Location, message.File.IsRoot, Commented(message.File, f.Location), f.DefaultValue,
                    () => held == null ? new ShapeField[0] : Fields(schema, held, fieldPath, depth + 1), fieldPath);
            }).ToList();
        }

        /// <summary>A comment on the line above the declaration, or after it on the same line.</summary>
        internal static bool Commented(ProtoFile file, SourceLocation? at)
        {
            if (at == null || at.Line <= 0) return false;
            string[] lines = file.Text.Split('\n');
            if (at.Line > lines.Length) return false;
            if (lines[at.Line - 1].IndexOf("//", StringComparison.Ordinal) >= 0) return true;
            if (at.Line < 2) return false;
            string above = lines[at.Line - 2].Trim();
            return above.StartsWith("//", StringComparison.Ordinal) || above.EndsWith("*/", StringComparison.Ordinal);
        }
    }
}
