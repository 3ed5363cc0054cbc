using System;
using System.Collections.Generic;
using System.Linq;

namespace EventGovernance.Cli
{
    /// <summary>Bad usage: one line on stderr pointing at the command's help, exit code 2.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// The options of one command: <c>--name value</c> or <c>--name=value</c>; some may repeat.
    /// Anything unknown, a missing value or a stray positional argument is a <see cref="UsageException"/>.
    /// </summary>
    internal sealed class Arguments
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        public bool Help { get; private set; }

        private readonly HashSet<string> _flags = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="flags">Options that take no value (<c>--no-project</c>).</param>
        public static Arguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> single, IReadOnlyCollection<string>? repeatable = null,
            IReadOnlyCollection<string>? flags = null)
        {
            repeatable ??= Array.Empty<string>();
            flags ??= Array.Empty<string>();
            var parsed = new Arguments();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (arg == "-h" || arg == "--help")
                {
                    parsed.Help = true;
                    continue;
                }
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"unexpected argument '{arg}'");
                string name = arg.Substring(2);
                string? value = null;
                int equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    value = name.Substring(equals + 1);
                    name = name.Substring(0, equals);
                }
                if (flags.Contains(name))
                {
                    if (value != null) throw new UsageException($"option '--{name}' takes no value");
                    if (!parsed._flags.Add(name)) throw new UsageException($"option '--{name}' may be given only once");
                    continue;
                }
                bool isRepeatable = repeatable.Contains(name);
                if (!isRepeatable && !single.Contains(name))
                    throw new UsageException($"unknown option '--{name}'");
                if (value == null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"option '--{name}' needs a value");
                    value = args[++i];
                }
                if (!parsed._values.TryGetValue(name, out List<string>? list))
                    parsed._values[name] = list = new List<string>();
                else if (!isRepeatable)
                    throw new UsageException($"option '--{name}' may be given only once");
                list.Add(value);
            }
            return parsed;
        }

        public bool Has(string name) => _flags.Contains(name);

        public string? Get(string name) => _values.TryGetValue(name, out List<string>? list) ? list[0] : null;

        public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out List<string>? list) ? list : (IReadOnlyList<string>)Array.Empty<string>();

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
