using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using EventGovernance.Compatibility;

namespace EventGovernance.Cli
{
    /// <summary>
    /// Turns System.CommandLine's parse errors into eventgov's one line (its own output is several lines plus the
    /// help), with a suggestion when a command or option looks mistyped. The wording comes from what went wrong,
    /// not from the parser's (localised) messages, so it reads the same on every machine.
    /// </summary>
    internal static class UsageErrors
    {
        public static string Describe(ParseResult parsed)
        {
            CommandResult commandResult = parsed.CommandResult;
            Command command = commandResult.Command;
            if (parsed.UnmatchedTokens.Count > 0)
            {
                string token = parsed.UnmatchedTokens[0];
                if (token.StartsWith("-", StringComparison.Ordinal))
                    return $"unknown option '{Echo.Cut(token)}'" + Suggestion(token, command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)));
                if (commandResult.Parent == null)
                    return $"unknown command '{Echo.Cut(token)}'" + Suggestion(token, command.Subcommands.Select(c => c.Name));
                return $"unexpected argument '{Echo.Cut(token)}'";
            }
            foreach (ParseError error in parsed.Errors)
            {
                OptionResult? option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
                if (option == null) continue;
                string name = option.Option.Name;
                ArgumentArity arity = option.Option.Arity;
                if (arity.MaximumNumberOfValues == 0) return $"option '{name}' takes no value";
                if (option.IdentifierTokenCount == 0) return $"option '{name}' is required";
                if (option.Tokens.Count == 0) return $"option '{name}' needs a value";
                if (option.IdentifierTokenCount > 1 && arity.MaximumNumberOfValues == 1) return $"option '{name}' may be given only once";
            }
            return Spaced(parsed.Errors[0].Message);
        }

        /// <summary>"; did you mean '--contracts'?" for the closest name, or nothing when none is close.</summary>
        internal static string Suggestion(string typed, IEnumerable<string> names)
        {
            string bare = typed.TrimStart('-');
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string name in names.Distinct(StringComparer.Ordinal))
            {
                string candidate = name.TrimStart('-');
                if (candidate.Length == 0) continue;
                // One name the start of the other ('--contract', '--output') is as close as it gets.
                bool prefix = bare.Length > 0 && (candidate.StartsWith(bare, StringComparison.OrdinalIgnoreCase) || bare.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
                int distance = prefix ? 0 : Distance(bare.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = name;
                    bestDistance = distance;
                }
            }
            // A third of the name may be wrong: 'contarcts' finds 'contracts', 'frobnicate' finds nothing.
            return best != null && bestDistance <= Math.Max(1, bare.Length / 3) ? $"; did you mean '{best}'?" : "";
        }

        /// <summary>Edit distance (insertions, deletions, substitutions, swaps of neighbours).</summary>
        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }

        /// <summary>The parser's messages list choices on lines of their own, with tabs; one line reads better with single spaces.</summary>
        private static string Spaced(string message) =>
            string.Join(" ", message.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
