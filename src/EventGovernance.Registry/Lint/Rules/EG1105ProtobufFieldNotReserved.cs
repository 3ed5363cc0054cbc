using System.Collections.Generic;
using System.Linq;
using EventGovernance.Compatibility.Protobuf;

namespace EventGovernance.Registry.Lint.Rules
{
    /// <summary>
    /// EG1105 (Protobuf), against the registered version: a field or enum value removed without <c>reserved</c> for its
    /// number and its name (someone will reuse the number, and old data then decodes into the wrong field), and a field
    /// number reused with another type.
    /// </summary>
    internal sealed class EG1105ProtobufFieldNotReserved : ILintRule
    {
        public string Id => LintRules.ProtobufFieldNotReserved;

        public void Check(LintContext context)
        {
            if (!(context.Input.Schema is ProtobufParsedSchema now) || !(context.Input.Previous is ProtobufParsedSchema before)) return;
            Dictionary<string, ProtoMessage> messages = Messages(now.Root);
            foreach (KeyValuePair<string, ProtoMessage> old in Messages(before.Root))
                if (messages.TryGetValue(old.Key, out ProtoMessage? current)) CheckMessage(context, old.Value, current);
            Dictionary<string, ProtoEnum> enums = Enums(now.Root);
            foreach (KeyValuePair<string, ProtoEnum> old in Enums(before.Root))
                if (enums.TryGetValue(old.Key, out ProtoEnum? current)) CheckEnum(context, old.Value, current);
        }

        private static void CheckMessage(LintContext context, ProtoMessage old, ProtoMessage current)
        {
            foreach (ProtoField field in old.Fields)
            {
                ProtoField? same = current.Fields.FirstOrDefault(f => f.Number == field.Number);
                if (same == null)
                {
                    List<string> unreserved = Unreserved(current.Reserved, field.Number, field.Name);
                    if (unreserved.Count > 0)
                        context.Report(current.Location,
                            $"field {field.Name} = {field.Number} was removed from message {current.LocalPath} without reserving its {string.Join(" and ", unreserved)}: " +
                            $"add 'reserved {field.Number};' and 'reserved \"{field.Name}\";', or a later field may reuse them and misread old data",
                            "#/" + current.LocalPath + "/" + field.Name);
                }
                else if (same.Type.ToString() != field.Type.ToString())
                {
                    context.Report(same.Location ?? current.Location,
                        $"field number {field.Number} of message {current.LocalPath} was {field.Type} {field.Name} and is now {same.Type} {same.Name}: " +
                        "old data decodes into the wrong type; give the new field a new number and reserve the old one",
                        "#/" + current.LocalPath + "/" + same.Name);
                }
            }
        }

        private static void CheckEnum(LintContext context, ProtoEnum old, ProtoEnum current)
        {
            foreach (ProtoEnumConstant value in old.Constants)
            {
                if (current.Constants.Any(c => c.Number == value.Number)) continue;
                List<string> unreserved = Unreserved(current.Reserved, value.Number, value.Name);
                if (unreserved.Count > 0)
                    context.Report(current.Location,
                        $"value {value.Name} = {value.Number} was removed from enum {current.LocalPath} without reserving its {string.Join(" and ", unreserved)}: " +
                        $"add 'reserved {value.Number};' and 'reserved \"{value.Name}\";'",
                        "#/" + current.LocalPath + "/" + value.Name);
            }
        }

        private static List<string> Unreserved(ProtoReserved reserved, int number, string name)
        {
            var missing = new List<string>();
            if (!reserved.HasNumber(number)) missing.Add("number");
            if (!reserved.Names.Contains(name)) missing.Add("name");
            return missing;
        }

        private static Dictionary<string, ProtoMessage> Messages(ProtoFile file)
        {
            var all = new Dictionary<string, ProtoMessage>(System.StringComparer.Ordinal);
            var stack = new Stack<ProtoMessage>(file.Messages);
            while (stack.Count > 0)
            {
                ProtoMessage m = stack.Pop();
                all[m.LocalPath] = m;
                foreach (ProtoMessage nested in m.NestedMessages) stack.Push(nested);
            }
            return all;
        }

        private static Dictionary<string, ProtoEnum> Enums(ProtoFile file)
        {
            var all = new Dictionary<string, ProtoEnum>(System.StringComparer.Ordinal);
            foreach (ProtoEnum e in file.Enums) all[e.LocalPath] = e;
            foreach (ProtoMessage m in Messages(file).Values)
                foreach (ProtoEnum e in m.NestedEnums) all[e.LocalPath] = e;
            return all;
        }
    }
}
