using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Json
{
    /// <summary>Canonical forms and positions of JSON values.</summary>
    internal static class JsonValues
    {
        /// <summary>
        /// A canonical text for a JSON value: object keys sorted, numbers written by value (so <c>1</c>
        /// and <c>1.0</c> agree). Two values are equal as JSON exactly when their canonical texts are.
        /// </summary>
        public static string Canonical(JToken token)
        {
            var sb = new StringBuilder();
            Write(token, sb);
            return sb.ToString();
        }

        private static void Write(JToken token, StringBuilder sb)
        {
            switch (token.Type)
            {
                case JTokenType.Object:
                    sb.Append('{');
                    bool first = true;
                    foreach (JProperty p in ((JObject)token).Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        sb.Append(JsonConvert.ToString(p.Name)).Append(':');
                        Write(p.Value, sb);
                    }
                    sb.Append('}');
                    break;
                case JTokenType.Array:
                    sb.Append('[');
                    bool firstItem = true;
                    foreach (JToken item in (JArray)token)
                    {
                        if (!firstItem) sb.Append(',');
                        firstItem = false;
                        Write(item, sb);
                    }
                    sb.Append(']');
                    break;
                case JTokenType.Integer:
                case JTokenType.Float:
                    sb.Append(CanonicalNumber((JValue)token));
                    break;
                default:
                    sb.Append(token.ToString(Formatting.None));
                    break;
            }
        }

        private static string CanonicalNumber(JValue value)
        {
            object? raw = value.Value;
            if (raw is double d) return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);
            if (raw is float f) return CanonicalNumber(new JValue((double)f));
            if (raw is decimal m) return m == Math.Floor(m) ? m.ToString("0", CultureInfo.InvariantCulture) : m.ToString(CultureInfo.InvariantCulture).TrimEnd('0');
            return Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "0";
        }

        /// <summary>A JSON number as a double, or null when the token is not a number.</summary>
        public static double? AsDouble(JToken? token)
        {
            if (token is JValue v && (v.Type == JTokenType.Integer || v.Type == JTokenType.Float))
            {
                try
                {
                    return Convert.ToDouble(v.Value, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is OverflowException || e is InvalidCastException || e is FormatException)
                {
                    return null;
                }
            }
            return null;
        }

        /// <summary>A JSON number as a decimal (exact for the short literals schemas use), or null.</summary>
        public static decimal? AsDecimal(JToken? token)
        {
            double? d = AsDouble(token);
            if (d == null) return null;
            if (double.IsNaN(d.Value) || double.IsInfinity(d.Value) || Math.Abs(d.Value) > 7.9e27) return null;
            return (decimal)d.Value;
        }

        /// <summary>The position of a token: the property holding it when there is one (its name is what people look for).</summary>
        public static SourceLocation? Locate(JToken? token, string? file)
        {
            if (token == null) return null;
            JToken at = token.Parent is JProperty p ? p : token;
            return at is IJsonLineInfo info && info.HasLineInfo() ? new SourceLocation(file, info.LineNumber, info.LinePosition) : new SourceLocation(file, 0, 0);
        }
    }
}
