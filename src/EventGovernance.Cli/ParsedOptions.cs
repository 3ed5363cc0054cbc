using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace EventGovernance.Cli
{
    /// <summary>How eventgov's options are declared: every value is text, checked by the command so the wording is ours.</summary>
    internal static class OptionKinds
    {
        /// <summary><c>--name value</c> (or <c>--name=value</c>), at most once.</summary>
        public static Option<string?> Single(string name, string valueName, string description) =>
            new Option<string?>("--" + name) { Description = description, HelpName = valueName, Arity = ArgumentArity.ExactlyOne };

        /// <summary><c>--name value</c>, repeatable: one value per occurrence.</summary>
        public static Option<string[]> Repeatable(string name, string valueName, string description) =>
            new Option<string[]>("--" + name) { Description = description, HelpName = valueName, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

        /// <summary><c>--name</c> alone: takes no value.</summary>
        public static Option<bool> Flag(string name, string description) =>
            new Option<bool>("--" + name) { Description = description, Arity = ArgumentArity.Zero };
    }

    /// <summary>
    /// The options one command was given, by name without the leading dashes, as System.CommandLine parsed them,
    /// and the environment it runs in (registry URL and credentials variables). What a value must be is checked
    /// here and in <see cref="Common"/>, each failure a <see cref="UsageException"/>.
    /// </summary>
    internal sealed class ParsedOptions
    {
        private readonly ParseResult _result;

        public ParsedOptions(ParseResult result, CliContext context)
        {
            _result = result;
            Environment = context.Environment;
        }

        /// <summary>Reads an environment variable (null when unset).</summary>
        public Func<string, string?> Environment { get; }

        private OptionResult? Given(string name) =>
            _result.GetResult("--" + name) is OptionResult option && !option.Implicit ? option : null;

        public bool Has(string name) => Given(name) != null;

        public string? Get(string name) => Given(name) is OptionResult option && option.Tokens.Count > 0 ? option.Tokens[0].Value : null;

        public IReadOnlyList<string> GetAll(string name) =>
            Given(name) is OptionResult option ? option.Tokens.Select(t => t.Value).ToList() : (IReadOnlyList<string>)Array.Empty<string>();

        public string Required(string name) => Get(name) ?? throw new UsageException($"option '--{name}' is required");

        /// <summary>The value when it is one of the allowed ones (case-insensitive), else the default.</summary>
        public string Choice(string name, string defaultValue, params string[] allowed)
        {
            string? value = Get(name);
            if (value == null) return defaultValue;
            string? match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            return match ?? throw new UsageException($"option '--{name}' must be one of {string.Join(", ", allowed)}, not '{value}'");
        }

        public UsageException Error(string message) => new UsageException(message);
    }
}
