using System.CommandLine;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>The options check and register share (pull takes some of them too).</summary>
    internal static class GateCommandOptions
    {
        public static Option Registry() => OptionKinds.Single("registry", "dir|url",
            "An embedded registry directory or a Confluent Schema Registry URL (default: $" + RegistryOptions.UrlVariable + ", else <contracts>/registry). " +
            "Credentials come from " + RegistryOptions.BasicAuthVariable + " or " + RegistryOptions.BearerTokenVariable + "; a private CA for https from " +
            RegistryOptions.SslCaLocationVariable + " (a PEM file).");

        public static Option Timeout() => OptionKinds.Single("timeout", "seconds", "How long one registry request may take (default 5).");

        public static Option Retries() => OptionKinds.Single("retries", "n", "How often a request failing for a transient reason is tried again (default 1).");

        public static Option Project() => OptionKinds.Single(ProjectMode.ProjectOption, "file",
            "The project (a .csproj/.fsproj/.vbproj, or a directory holding one). With it, or in a directory holding exactly one project " +
            "file, the contracts, subjects, levels and registry are the project's (its EventContract items and EventGovernance* properties, " +
            "evaluated by MSBuild), exactly as in dotnet build; the other options override the project's values.");

        public static Option NoProject() => OptionKinds.Flag(ProjectMode.NoProjectFlag, "Ignore a project in the current directory; use --contracts.");

        public static void AddTo(Command command)
        {
            command.Options.Add(Project());
            command.Options.Add(NoProject());
            command.Options.Add(OptionKinds.Single("contracts", "dir", "Where the contracts are without a project (default: contracts)."));
            command.Options.Add(Registry());
            command.Options.Add(OptionKinds.Single("level", "level", "Check every contract at this level instead of the registry's."));
            command.Options.Add(OptionKinds.Single("policy", "policy", "strict (default) | lenient: the JSON Schema policy."));
            command.Options.Add(OptionKinds.Single("format", "format", "text (default) | json | markdown | sarif | github."));
            command.Options.Add(Timeout());
            command.Options.Add(Retries());
        }
    }
}
