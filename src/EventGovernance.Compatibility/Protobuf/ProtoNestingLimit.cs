namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>
    /// Refuses .proto text that nests deeper than <see cref="MaxNesting"/> levels before protobuf-net sees it.
    /// protobuf-net parses by recursive descent and overflows the stack a few thousand levels down, which
    /// ends the whole process (the CLI, or MSBuild with the build in it) and cannot be caught. The scan is
    /// a single pass over the characters: message, enum, oneof and service bodies, option aggregates
    /// (<c>{ }</c> and <c>&lt; &gt;</c>), brackets and parentheses all count; comments and strings do not.
    /// The same limit as JSON Schema (<c>JsonSchemaDocument.MaxNesting</c>).
    /// </summary>
    internal static class ProtoNestingLimit
    {
        public const int MaxNesting = 128;

        /// <summary>Throws a <see cref="SchemaException"/> at the opening that goes one level too deep.</summary>
        public static void Check(string text, string file)
        {
            int depth = 0, line = 1, lineStart = 0, i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = ++i;
                    continue;
                }
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n') i++;
                    continue;
                }
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    i += 2;
                    while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }
                        i++;
                    }
                    i += 2;
                    continue;
                }
                if (c == '"' || c == '\'')
                {
                    // Strings end at their quote or at the end of the line (the parser reports the latter).
                    i++;
                    while (i < text.Length && text[i] != c && text[i] != '\n')
                        i += text[i] == '\\' && i + 1 < text.Length && text[i + 1] != '\n' ? 2 : 1;
                    if (i < text.Length && text[i] == c) i++;
                    continue;
                }
                if (c == '{' || c == '[' || c == '(' || c == '<')
                {
                    if (++depth > MaxNesting)
                        throw new SchemaException(file, line, i - lineStart + 1, $"the schema nests deeper than {MaxNesting} levels");
                }
                else if ((c == '}' || c == ']' || c == ')' || c == '>') && depth > 0)
                {
                    depth--;
                }
                i++;
            }
        }
    }
}
