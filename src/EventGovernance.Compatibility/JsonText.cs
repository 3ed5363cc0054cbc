using System;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Compatibility
{
    /// <summary>
    /// Reads schema JSON (JSON Schema, Avro) into tokens that keep their line and column, turning every
    /// reader failure into a <see cref="SchemaException"/> at the position where it happened.
    /// </summary>
    public static class JsonText
    {
        /// <param name="maxDepth">Deeper nesting is refused: it keeps recursive walks far from the stack's limit.</param>
        /// <param name="expected">What the document should be, for the message about an empty file.</param>
        public static JToken Load(string text, string? file, int maxDepth, string expected)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(text))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Double,
                    MaxDepth = maxDepth,
                };
                var settings = new JsonLoadSettings
                {
                    LineInfoHandling = LineInfoHandling.Load,
                    CommentHandling = CommentHandling.Ignore,
                    DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                };
                if (!reader.Read())
                    throw new SchemaException(file, $"the file is empty: expected {expected}");
                JToken root = JToken.ReadFrom(reader, settings);
                while (reader.Read())
                {
                    if (reader.TokenType != JsonToken.Comment)
                        throw new SchemaException(file, reader.LineNumber, reader.LinePosition, "not valid JSON: unexpected content after the end of the schema");
                }
                return root;
            }
            catch (JsonReaderException e)
            {
                string problem = WithoutPosition(e.Message);
                if (problem.IndexOf("MaxDepth", StringComparison.Ordinal) >= 0)
                    problem = $"the schema nests deeper than {maxDepth} levels";
                throw new SchemaException(file, e.LineNumber, e.LinePosition, "not valid JSON: " + problem, e);
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException)
            {
                // Newtonsoft reports some structural problems (such as duplicate keys) this way.
                throw new SchemaException(file, "not valid JSON: " + WithoutPosition(e.Message), e);
            }
        }

        /// <summary>Newtonsoft appends "Path '…', line x, position y." which the exception's location already says.</summary>
        private static string WithoutPosition(string message)
        {
            int at = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (at < 0) at = message.IndexOf(", line ", StringComparison.Ordinal);
            return at > 0 ? message.Substring(0, at) : message;
        }
    }
}
