namespace EventGovernance.Analyzers
{
    /// <summary>
    /// A name pattern from .editorconfig: <c>*</c> matches any run of characters (dots included), <c>?</c>
    /// one character; everything else matches itself, case-sensitively, over the whole name.
    /// </summary>
    internal static class Glob
    {
        public static bool IsMatch(string pattern, string text)
        {
            // Iterative wildcard matching: on a mismatch, let the last '*' swallow one more character.
            int p = 0, t = 0, star = -1, starText = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    starText = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++starText;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
