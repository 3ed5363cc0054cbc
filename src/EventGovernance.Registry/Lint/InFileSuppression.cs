using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using EventGovernance.Compatibility;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Registry.Lint
{
    /// <summary>
    /// The rules a contract turns off in its own text: JSON Schema <c>"x-eventgov-suppress": ["EG1101"]</c> and Avro
    /// <c>"eventgov.suppress": ["EG1104"]</c> at the top level, Protobuf <c>// eventgov:suppress EG1105, EG1108</c>.
    /// </summary>
    public static class InFileSuppression
    {
        public const string JsonKeyword = "x-eventgov-suppress";
        public const string AvroProperty = "eventgov.suppress";

        private static readonly Regex ProtoMarker = new Regex(@"//\s*eventgov:suppress\s+([A-Za-z0-9_,\s]+)", RegexOptions.CultureInvariant);
        private static readonly Regex Id = new Regex(@"EG\d{4}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static ISet<string> Of(ParsedSchema schema)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string text = schema.Source.Text;
            switch (schema.Source.Type)
            {
                case SchemaType.Json:
                    AddFrom(TopLevel(text, JsonKeyword), ids);
                    break;
                case SchemaType.Avro:
                    AddFrom(TopLevel(text, AvroProperty), ids);
                    break;
                case SchemaType.Protobuf:
                    foreach (Match m in ProtoMarker.Matches(text))
                        foreach (Match id in Id.Matches(m.Groups[1].Value)) ids.Add(id.Value.ToUpperInvariant());
                    break;
            }
            return ids;
        }

        private static JToken? TopLevel(string text, string name)
        {
            try
            {
                // The engine parsed this text already; read it again only for the one top-level member.
                using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 256 };
                return (JToken.ReadFrom(reader) as JObject)?.Property(name)?.Value;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static void AddFrom(JToken? value, HashSet<string> ids)
        {
            if (value is JArray array)
            {
                foreach (JToken item in array)
                    if (item.Type == JTokenType.String) ids.Add(((string)item!).Trim().ToUpperInvariant());
            }
            else if (value?.Type == JTokenType.String)
            {
                foreach (Match id in Id.Matches((string)value!)) ids.Add(id.Value.ToUpperInvariant());
            }
        }
    }
}
