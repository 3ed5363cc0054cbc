using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
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

        /// <summary>
        /// The version the package was built as (from git, see Directory.Build.props), with the commit after a '+';
        /// the assembly version carries only the major number, so it cannot tell two builds apart.
        /// </summary>
        internal static string Version =>
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Program).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";

        /// <summary>Every command, in the order --help lists them; a new command is one more entry.</summary>
        private static Command[] Commands(CliContext context) => new[]
        {
            CompatCommand.Create(context),
            CheckCommand.Create(context),
            LintCommand.Create(context),
            RegisterCommand.Create(context),
            PullCommand.Create(context),
            DeriveCommand.Create(context),
            DiffCommand.Create(context),
        };

        public static int Main(string[] args) => Run(args, CliContext.ForConsole());

        /// <summary>Runs one command; everything it prints goes to the given writers.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

        internal static int Run(string[] args, CliContext context)
        {
            Command root = Root(context);
            ParseResult parsed = root.Parse(HelpWord(args), new ParserConfiguration
            {
                // An argument starting with '@' is a file name, never a file of more arguments.
                ResponseFileTokenReplacer = null,
            });
            string help = parsed.CommandResult.Command == root ? "eventgov --help" : $"eventgov {parsed.CommandResult.Command.Name} --help";
            try
            {
                if (parsed.Errors.Count > 0 && !(parsed.Action is HelpAction))
                    throw new UsageException(UsageErrors.Describe(parsed));
                return parsed.Invoke(new InvocationConfiguration
                {
                    Output = context.Out,
                    Error = context.Error,
                    // Failures are ours to print as one line (below), never as a stack trace.
                    EnableDefaultExceptionHandler = false,
                });
            }
            catch (UsageException e)
            {
                // One line, like every other failure; the full usage is one --help away.
                context.Error.WriteLine(OneLine($"eventgov: {e.Message} (see '{help}')"));
                return Failed;
            }
            catch (ProjectException e)
            {
                context.Error.WriteLine(OneLine($"eventgov: {e.Message}"));
                return Failed;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Expected failures are handled by each command; anything reaching here is a defect in
                // eventgov or an engine. Still one line, so scripts and build logs stay readable.
                // The message comes from code that never meant to print it: scrub credentials as every other output is.
                var secrets = new Secrets(
                    context.Environment(RegistryOptions.BasicAuthVariable),
                    context.Environment(RegistryOptions.BearerTokenVariable));
                context.Error.WriteLine(OneLine($"eventgov: internal error ({e.GetType().Name}): {Echo.Cut(secrets.Scrub(e.Message))}"));
                return Failed;
            }
        }

        /// <summary>
        /// The root is a command named eventgov rather than a RootCommand, which takes its name from the process
        /// (in tests, the test host); its help and version options are the ones a RootCommand has.
        /// </summary>
        private static Command Root(CliContext context)
        {
            var root = new Command("eventgov",
                "Check event contracts for compatibility. " +
                "Exit codes: 0 compatible, 1 breaking change, 2 bad usage, bad input or registry unavailable.")
            {
                new HelpOption(),
                new VersionOption { Action = new PrintVersion() },
            };
            foreach (Command command in Commands(context)) root.Subcommands.Add(command);
            root.SetAction((Func<ParseResult, int>)(_ => throw new UsageException("no command given")));
            return root;
        }

        /// <summary>'eventgov help' and 'eventgov help check' read as --help, as they always have.</summary>
        private static IReadOnlyList<string> HelpWord(string[] args)
        {
            if (args.Length == 0 || args[0] != "help") return args;
            var rest = new List<string>(args.Length);
            for (int i = 1; i < args.Length; i++) rest.Add(args[i]);
            rest.Add("--help");
            return rest;
        }

        /// <summary>--version prints the informational version, commit included, as before System.CommandLine.</summary>
        private sealed class PrintVersion : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Version);
                return Ok;
            }
        }

        /// <summary>One line for a failure: never a stack trace, never more than one line.</summary>
        internal static string OneLine(string message) =>
            message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
    }
}
