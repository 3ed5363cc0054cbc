using System;
using System.Collections.Generic;
using System.Linq;
using EventGovernance.Registry;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Build
{
    /// <summary>
    /// Moves the findings on a derived schema to the C# source the developer edits and words them for a C#
    /// developer: a changed property at its declaration, a removed one at its type's declaration. The places come
    /// from the deriver, which read them from the portable PDB; without one the finding stays on the derived file.
    /// </summary>
    internal static class EventTypeFindings
    {
        /// <summary>What usually makes the derived text differ from a registered text that was written or generated elsewhere.</summary>
        public const string UsualCauses =
            "usual causes of a different text: XML doc comments become descriptions (the producer's output has the .xml file or not), " +
            "enums as integers or as strings (StringEnumConverter, settings), property naming (camelCase settings, [JsonProperty]), " +
            "nullable annotations (string? allows null), and NJsonSchema's closed content model (additionalProperties: false: " +
            "adding an optional property is BACKWARD compatible, removing one is not, and FORWARD is the other way round)";

        public static ReportFinding Place(ReportFinding finding, DerivedType type, DisplayPaths paths)
        {
            if (type.Source == null) return finding;
            MemberPath member = MemberPath.Parse(finding.Path);
            TypeSource owner = member.Definition != null && type.Definitions.TryGetValue(member.Definition, out TypeSource? defined) ? defined : type.Source;
            MemberSource? declared = member.Property == null ? null : Find(owner, member.Property);

            SourcePlace? place = declared?.Place ?? owner.Place;
            if (place == null) return finding;
            string what = member.Property == null
                ? $"type {owner.Name}"
                : declared != null ? $"property {owner.Name}.{declared.Name}" : $"property {owner.Name}.{member.Property}, no longer declared,";
            string at = finding.Path == null ? "" : $" ({finding.Path}{(finding.DifferenceType == null ? "" : ", " + finding.DifferenceType)})";
            string message = $"{what}{at} breaks the registered schema: the registry will refuse the producer's schema at its first send; " +
                             $"{Hint(finding.DifferenceType, declared != null)}. {finding.Message}";
            return new ReportFinding(finding.Code, finding.Severity, finding.Subject, paths.Of(place.File) ?? place.File, place.Line, place.Column,
                message, finding.DifferenceType, finding.Path);
        }

        /// <summary>What to do in C# terms, from the difference type the registry would name.</summary>
        private static string Hint(string? differenceType, bool stillDeclared)
        {
            string type = differenceType ?? "";
            if (!stillDeclared) return "keep the property (mark it [Obsolete] instead of deleting it)";
            if (type.Contains("TYPE")) return "keep the property's type and add a property with the new type beside it";
            if (type.Contains("REQUIRED")) return "make the new property optional (nullable, no [JsonRequired]/[Required])";
            return "make the change compatible";
        }

        /// <summary>The property a schema name denotes: the [JsonProperty] name, else the C# name, else a unique case-insensitive match (camelCase settings).</summary>
        private static MemberSource? Find(TypeSource type, string name) =>
            type.Members.FirstOrDefault(m => m.JsonName == name)
            ?? type.Members.FirstOrDefault(m => m.JsonName == null && m.Name == name)
            ?? Unique(type.Members.Where(m => m.JsonName == null && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)));

        private static MemberSource? Unique(IEnumerable<MemberSource> members)
        {
            List<MemberSource> list = members.Take(2).ToList();
            return list.Count == 1 ? list[0] : null;
        }
    }

    /// <summary>
    /// The C# member a JSON pointer into a derived schema names: the first property (or Avro field) after the
    /// last definition: <c>#/definitions/Address/properties/Street</c> is Address.Street, <c>#/properties/Lines/items</c> is Lines.
    /// </summary>
    internal sealed class MemberPath
    {
        private MemberPath(string? definition, string? property)
        {
            Definition = definition;
            Property = property;
        }

        public string? Definition { get; }
        public string? Property { get; }

        public static MemberPath Parse(string? pointer)
        {
            if (string.IsNullOrEmpty(pointer)) return new MemberPath(null, null);
            string[] segments = pointer!.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToArray();
            int start = 0;
            string? definition = null;
            for (int i = 0; i + 1 < segments.Length; i++)
            {
                if (segments[i] == "definitions" || segments[i] == "$defs")
                {
                    definition = segments[i + 1];
                    start = i + 2;
                }
            }
            for (int i = start; i + 1 < segments.Length; i++)
            {
                if (segments[i] == "properties" || segments[i] == "fields") return new MemberPath(definition, segments[i + 1]);
            }
            return new MemberPath(definition, null);
        }

        private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
    }
}
