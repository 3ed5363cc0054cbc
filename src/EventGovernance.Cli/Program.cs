using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>
    /// <c>eventgov</c>: compare schema files, check and register a repository's contracts, mirror a registry.
    /// Exit codes: 0 compatible / done, 1 breaking change found, 2 bad usage, bad input or registry unavailable.
    /// </summary>
    public static class Program
    {
        internal const int Ok = 0;
        internal const int Breaking = 1;
        internal const int Failed = 2;

        private static readonly HashSet<string> KnownCommands = new HashSet<string>(StringComparer.Ordinal) { "compat", "check", "register", "pull", "derive", "lint" };

        /// <summary>Where schema formats come from; tests swap in a format of their own.</summary>
        internal static Func<SchemaType, ISchemaFormat> Formats { get; set; } = SchemaFormats.For;

        /// <summary>
        /// The version the package was built as (from git, see Directory.Build.props), with the commit after a '+';
        /// the assembly version carries only the major number, so it cannot tell two builds apart.
        /// </summary>
        internal static string Version =>
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Program).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";

        public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

        /// <summary>Runs one command; everything it prints goes to the given writers.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 0)
            {
                stderr.WriteLine("eventgov: no command given (see 'eventgov --help')");
                return Failed;
            }
            string command = args[0];
            var rest = new ArraySegment<string>(args, 1, args.Length - 1);
            try
            {
                switch (command)
                {
                    case "-h":
                    case "--help":
                    case "help":
                        stdout.WriteLine(Usage.General);
                        return Ok;
                    case "--version":
                        stdout.WriteLine(Version);
                        return Ok;
                    case "compat":
                        return CompatCommand.Run(rest, stdout, stderr);
                    case "check":
                        return CheckCommand.Run(rest, stdout, stderr);
                    case "register":
                        return RegisterCommand.Run(rest, stdout, stderr);
                    case "pull":
                        return PullCommand.Run(rest, stdout, stderr);
                    case "derive":
                        return DeriveCommand.Run(rest, stdout, stderr);
                    case "lint":
                        return LintCommand.Run(rest, stdout, stderr);
                    default:
                        throw new UsageException($"unknown command '{command}'");
                }
            }
            catch (UsageException e)
            {
                // One line, like every other failure; the full usage is one --help away.
                string help = KnownCommands.Contains(command) ? $"eventgov {command} --help" : "eventgov --help";
                stderr.WriteLine(OneLine($"eventgov: {e.Message} (see '{help}')"));
                return Failed;
            }
            catch (ProjectException e)
            {
                stderr.WriteLine(OneLine($"eventgov: {e.Message}"));
                return Failed;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Expected failures are handled by each command; anything reaching here is a defect in
                // eventgov or an engine. Still one line, so scripts and build logs stay readable.
                // The message comes from code that never meant to print it: scrub credentials as every other output is.
                var secrets = new Secrets(
                    Environment.GetEnvironmentVariable(RegistryOptions.BasicAuthVariable),
                    Environment.GetEnvironmentVariable(RegistryOptions.BearerTokenVariable));
                stderr.WriteLine(OneLine($"eventgov: internal error ({e.GetType().Name}): {Echo.Cut(secrets.Scrub(e.Message))}"));
                return Failed;
            }
        }

        /// <summary>One line for a failure: never a stack trace, never more than one line.</summary>
        internal static string OneLine(string message) =>
            message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }
}
