using System.Collections.Generic;
using System.Text;

namespace EventGovernance.Compatibility.Protobuf
{
    /// <summary>An <c>import</c> statement as written in a file.</summary>
    internal sealed class ProtoImport
    {
        public ProtoImport(string name, int line, int column)
        {
            Name = name;
            Line = line;
            Column = column;
        }

        public string Name { get; }
        public int Line { get; }
        public int Column { get; }
    }

    /// <summary>
    /// Where each declaration of a .proto file starts. protobuf-net's descriptors carry no source
    /// positions, so a light scan of the text (comments and strings skipped, braces tracked) finds the
    /// line and column of messages, enums, oneofs, fields, enum constants and the package statement.
    /// The scan never fails: text it does not understand simply has no position, and the real parser
    /// reports the syntax error.
    /// </summary>
    internal sealed class ProtoSourceIndex
    {
        private readonly Dictionary<string, (int Line, int Column)> _positions = new Dictionary<string, (int, int)>();

        public List<ProtoImport> Imports { get; } = new List<ProtoImport>();

        public (int Line, int Column)? Package { get; private set; }

        /// <summary>Position of a message or enum, by its path inside the file (<c>Outer.Inner</c>, no package).</summary>
        public (int Line, int Column)? Type(string localPath) => Find("T:" + localPath);

        /// <summary>Position of a field (or enum constant) by number inside the message (or enum) at <paramref name="localPath"/>.</summary>
        public (int Line, int Column)? Member(string localPath, int number) => Find("M:" + localPath + "#" + number);

        public (int Line, int Column)? Oneof(string localPath, string name) => Find("O:" + localPath + "/" + name);

        private (int Line, int Column)? Find(string key) => _positions.TryGetValue(key, out var p) ? p : ((int, int)?)null;

        private void Record(string key, Token at)
        {
            // The first declaration wins; a duplicate is a parse error the real parser reports.
            if (!_positions.ContainsKey(key)) _positions[key] = (at.Line, at.Column);
        }

        private enum ScopeKind { Message, Enum, Oneof, Other }

        private readonly struct Scope
        {
            public Scope(ScopeKind kind, string path)
            {
                Kind = kind;
                Path = path;
            }

            public ScopeKind Kind { get; }

            /// <summary>The enclosing message or enum path for messages, enums and oneofs.</summary>
            public string Path { get; }
        }

        public static ProtoSourceIndex Build(string text)
        {
            var index = new ProtoSourceIndex();
            index.Walk(Tokenize(text));
            return index;
        }

        private void Walk(List<Token> tokens)
        {
            var scopes = new List<Scope>();
            string CurrentPath() => scopes.Count == 0 ? "" : scopes[scopes.Count - 1].Path;
            ScopeKind CurrentKind() => scopes.Count == 0 ? ScopeKind.Other : scopes[scopes.Count - 1].Kind;
            string Child(string name) => CurrentPath().Length == 0 ? name : CurrentPath() + "." + name;
            bool IsIdent(int i) => i < tokens.Count && tokens[i].Kind == TokenKind.Identifier;
            bool IsSymbol(int i, char c) => i < tokens.Count && tokens[i].Kind == TokenKind.Symbol && tokens[i].Text[0] == c;

            int statementStart = 0;
            int i = 0;
            while (i < tokens.Count)
            {
                Token t = tokens[i];
                bool atStart = i == statementStart;
                if (t.Kind == TokenKind.Symbol)
                {
                    switch (t.Text[0])
                    {
                        case ';':
                            statementStart = i + 1;
                            break;
                        case '{':
                            scopes.Add(new Scope(ScopeKind.Other, CurrentPath()));
                            statementStart = i + 1;
                            break;
                        case '}':
                            if (scopes.Count > 0) scopes.RemoveAt(scopes.Count - 1);
                            statementStart = i + 1;
                            break;
                        case '[':
                            i = SkipBalanced(tokens, i, '[', ']');
                            continue;
                    }
                    i++;
                    continue;
                }

                if (atStart && t.Kind == TokenKind.Identifier)
                {
                    // message / enum / oneof Name {
                    if ((t.Text == "message" || t.Text == "enum" || t.Text == "oneof") && IsIdent(i + 1) && IsSymbol(i + 2, '{'))
                    {
                        string name = tokens[i + 1].Text;
                        if (t.Text == "oneof")
                        {
                            Record("O:" + CurrentPath() + "/" + name, t);
                            scopes.Add(new Scope(ScopeKind.Oneof, CurrentPath()));
                        }
                        else
                        {
                            string path = Child(name);
                            Record("T:" + path, t);
                            scopes.Add(new Scope(t.Text == "message" ? ScopeKind.Message : ScopeKind.Enum, path));
                        }
                        i += 3;
                        statementStart = i;
                        continue;
                    }
                    // Options may hold aggregate values in braces; skip the whole statement.
                    if (t.Text == "option")
                    {
                        i = SkipStatement(tokens, i);
                        statementStart = i;
                        continue;
                    }
                    if (t.Text == "package" && scopes.Count == 0)
                    {
                        Package = (t.Line, t.Column);
                    }
                    if (t.Text == "import" && scopes.Count == 0)
                    {
                        int s = i + 1;
                        if (IsIdent(s) && (tokens[s].Text == "public" || tokens[s].Text == "weak")) s++;
                        if (s < tokens.Count && tokens[s].Kind == TokenKind.String) Imports.Add(new ProtoImport(tokens[s].Text, t.Line, t.Column));
                    }
                }

                // A proto2 group: [label] group Name = N { ... } declares a field and a nested message.
                if (t.Kind == TokenKind.Identifier && t.Text == "group" && IsIdent(i + 1) && IsSymbol(i + 2, '=')
                    && i + 3 < tokens.Count && tokens[i + 3].Kind == TokenKind.Number && IsSymbol(i + 4, '{')
                    && (CurrentKind() == ScopeKind.Message || CurrentKind() == ScopeKind.Oneof))
                {
                    if (int.TryParse(tokens[i + 3].Text, out int groupNumber)) Record("M:" + CurrentPath() + "#" + groupNumber, tokens[statementStart]);
                    string path = Child(tokens[i + 1].Text);
                    Record("T:" + path, tokens[statementStart]);
                    scopes.Add(new Scope(ScopeKind.Message, path));
                    i += 5;
                    statementStart = i;
                    continue;
                }

                // name = N  (a field in a message or oneof, a constant in an enum)
                if (t.Kind == TokenKind.Identifier && IsSymbol(i + 1, '='))
                {
                    int n = i + 2;
                    bool negative = IsSymbol(n, '-');
                    if (negative) n++;
                    if (n < tokens.Count && tokens[n].Kind == TokenKind.Number && TryParseNumber(tokens[n].Text, out long number))
                    {
                        ScopeKind kind = CurrentKind();
                        if (negative) number = -number;
                        if (kind == ScopeKind.Message || kind == ScopeKind.Oneof || kind == ScopeKind.Enum)
                            Record("M:" + CurrentPath() + "#" + number, tokens[statementStart]);
                    }
                }
                i++;
            }
        }

        private static bool TryParseNumber(string text, out long value)
        {
            if (text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
                return long.TryParse(text.Substring(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out value);
            return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        private static int SkipBalanced(List<Token> tokens, int i, char open, char close)
        {
            int depth = 0;
            for (; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != TokenKind.Symbol) continue;
                if (tokens[i].Text[0] == open) depth++;
                else if (tokens[i].Text[0] == close && --depth == 0) return i + 1;
            }
            return i;
        }

        /// <summary>Index after the statement's closing ';' (braces and brackets inside are skipped).</summary>
        private static int SkipStatement(List<Token> tokens, int i)
        {
            int depth = 0;
            for (; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != TokenKind.Symbol) continue;
                char c = tokens[i].Text[0];
                if (c == '{' || c == '[' || c == '(') depth++;
                else if (c == '}' || c == ']' || c == ')')
                {
                    if (depth == 0) return i; // an unbalanced close belongs to the enclosing scope
                    depth--;
                }
                else if (c == ';' && depth == 0) return i + 1;
            }
            return i;
        }

        private enum TokenKind { Identifier, Number, String, Symbol }

        private readonly struct Token
        {
            public Token(TokenKind kind, string text, int line, int column)
            {
                Kind = kind;
                Text = text;
                Line = line;
                Column = column;
            }

            public TokenKind Kind { get; }
            public string Text { get; }
            public int Line { get; }
            public int Column { get; }
        }

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            int line = 1, lineStart = 0, i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = ++i;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                int column = i - lineStart + 1;
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
                    i = System.Math.Min(text.Length, i + 2);
                    continue;
                }
                if (c == '"' || c == '\'')
                {
                    var value = new StringBuilder();
                    i++;
                    while (i < text.Length && text[i] != c && text[i] != '\n')
                    {
                        if (text[i] == '\\' && i + 1 < text.Length) i++;
                        value.Append(text[i]);
                        i++;
                    }
                    if (i < text.Length && text[i] == c) i++;
                    tokens.Add(new Token(TokenKind.String, value.ToString(), line, column));
                    continue;
                }
                if (char.IsLetter(c) || c == '_' || c == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
                {
                    int start = i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.')) i++;
                    tokens.Add(new Token(TokenKind.Identifier, text.Substring(start, i - start), line, column));
                    continue;
                }
                if (char.IsDigit(c))
                {
                    int start = i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.')) i++;
                    tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), line, column));
                    continue;
                }
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), line, column));
                i++;
            }
            return tokens;
        }
    }
}
