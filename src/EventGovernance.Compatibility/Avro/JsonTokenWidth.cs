using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility.Avro
{
    /// <summary>
    /// How many characters Newtonsoft writes for a token (the length of <c>ToString(Formatting.None)</c>), which
    /// the parser subtracts from the position Newtonsoft reports after a value to find where the value starts.
    /// Strings, nearly every value of a schema, are measured without writing them: <c>ToString</c> allocates a
    /// writer per call, and at one call per value that was a third of what a parse allocated.
    /// </summary>
    internal static class JsonTokenWidth
    {
        public static int Of(JToken token) =>
            token.Type == JTokenType.String && token is JValue value && value.Value is string text
                ? QuotedLength(text)
                : token.ToString(Formatting.None).Length;

        /// <summary>The string in double quotes, escaped as Newtonsoft's default escaping does.</summary>
        internal static int QuotedLength(string text)
        {
            int length = 2;
            foreach (char c in text) length += EscapedWidth(c);
            return length;
        }

        private static int EscapedWidth(char c)
        {
            switch (c)
            {
                case '"':
                case '\\':
                case '\b':
                case '\t':
                case '\n':
                case '\f':
                case '\r':
                    return 2; // \" \\ \b \t \n \f \r
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    return 6; // \uXXXX
                default:
                    return c < ' ' ? 6 : 1;
            }
        }
    }
}
