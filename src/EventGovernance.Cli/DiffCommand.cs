using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using EventGovernance.Cli.Reporting;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.Registry.Diff;
using EventGovernance.Registry.Reporting;

namespace EventGovernance.Cli
{
    /// <summary>
    /// <c>eventgov diff</c>: every contract of the working tree against its version at a git ref (<c>--against</c>)
    /// or against the latest registered versions (<c>--registry</c>), reported for a pull request's review.
    /// Exit codes: 0 nothing breaks, 1 something breaks, 2 bad usage or bad input.
    /// </summary>
    internal static class DiffCommand
    {
        /// <summary>The command; its action prints to the context's writers and returns the exit code.</summary>
        public static Command Create(CliContext context)
        {
            var command = new Command("diff", "Compare the working tree's contracts with a git ref or a registry, for a pull request's review.");
            command.Options.Add(OptionKinds.Single("against", "git-ref", "A git ref to compare with (origin/main, a tag, a commit, or A...B for their merge base)."));
            // The gate's own options (project, contracts, registry, level, policy, format, timeout, retries), read as check reads them.
            GateCommandOptions.AddTo(command);
            command.Options.Add(OptionKinds.Single("output", "file", "Write the report to this file instead of printing it (the summary line is still printed)."));
            command.Options.Add(OptionKinds.Single("link-base", "url", "Makes the Markdown report's file links absolute: https://github.com/<owner>/<repo>/blob/<commit>/"));
            command.SetAction(parsed =>
            {
                var options = new ParsedOptions(parsed, context);
                var request = new DiffRequest(options.Get("against"), Common.Format(options), options.Get("output"), options.Get("link-base"));
                return Run(options, request, context);
            });
            return command;
        }

        private static int Run(ParsedOptions options, DiffRequest request, CliContext context)
        {
            TextWriter stdout = context.Out;
            TextWriter stderr = context.Error;
            bool toRegistry = options.Get("registry") != null;
            if (toRegistry == (request.Against != null))
                throw options.Error(toRegistry ? "options '--against' and '--registry' contradict each other: compare with a git ref or with a registry" : "option '--against <git-ref>' or '--registry <dir|url>' is required");

            GateInputs? inputs = GateRun.Inputs(options, context, requireExistingRegistry: toRegistry, out string? projectFile, out int exit);
            if (inputs == null) return exit;
            try
            {
                DiffReport report = toRegistry
                    ? AgainstRegistry(inputs, projectFile, context)
                    : AgainstGit(inputs, request.Against!, projectFile, context.Formats);
                return Print(report, request, stdout, stderr);
            }
            catch (GitException e)
            {
                stderr.WriteLine(Program.OneLine("eventgov: " + e.Message));
                return Program.Failed;
            }
            catch (Exception e) when (GateRun.ReportedFailure(e, stderr))
            {
                return Program.Failed;
            }
        }

        /// <summary>The working tree against a git ref; files shown relative to the repository's top level, as a pull request shows them.</summary>
        /// <param name="projectFile">The project in effect; without EventGovernanceContractsRoot its directory holds the contracts.</param>
        private static DiffReport AgainstGit(GateInputs inputs, string against, string? projectFile, Func<SchemaType, ISchemaFormat> formats)
        {
            string root = inputs.Gate.ContractsRoot ?? (projectFile != null ? Path.GetDirectoryName(projectFile)! : Path.GetFullPath("contracts"));
            GitRepository repository = GitRepository.Open(root);
            GitRevision revision = repository.Resolve(against);
            GitTree tree = GitTree.Load(repository, revision, repository.Prefix);
            IReadOnlyList<Contract> found = inputs.FindContracts();

            RegistryOptions registryOptions = inputs.Registry;
            bool registryExists = registryOptions.IsRemote || Directory.Exists(registryOptions.Location);
            ISchemaRegistry? levels = registryExists ? SchemaRegistries.Open(registryOptions) : null;
            try
            {
                var differ = new ContractDiffer(repository, tree, inputs.Gate, levels, formats);
                List<Contract> contracts = found
                    .Select(c => new Contract(c.FilePath, c.Subject, c.Type, c.Compatibility, differ.RelativePath(c.FilePath) ?? c.DisplayPath))
                    .ToList();
                IReadOnlyList<DiffOutcome> outcomes = differ.DiffAsync(contracts, registryOptions.IsRemote ? null : Path.GetFullPath(registryOptions.Location))
                    .GetAwaiter().GetResult();
                return new DiffReportBuilder(new Registry.Reporting.DisplayPaths(repository.TopLevel)).Build(against, revision.Commit, outcomes);
            }
            finally
            {
                (levels as IDisposable)?.Dispose();
            }
        }

        /// <summary>
        /// The working tree against the latest registered versions: check's verdicts with the three levels for information,
        /// and (for an embedded registry inside the contracts root) the registered subjects no contract publishes any more.
        /// </summary>
        private static DiffReport AgainstRegistry(GateInputs inputs, string? projectFile, CliContext context)
        {
            IReadOnlyList<Contract> contracts = inputs.FindContracts();
            string? root = inputs.Gate.ContractsRoot ?? (projectFile != null ? Path.GetDirectoryName(Path.GetFullPath(projectFile)) : null);
            ISchemaRegistry registry = SlowRegistryNotice.Open(inputs.Registry, context);
            try
            {
                IReadOnlyList<DiffOutcome> outcomes = new RegistryDiffer(registry, inputs.Gate, context.Formats).DiffAsync(contracts, root).GetAwaiter().GetResult();
                return new DiffReportBuilder(Registry.Reporting.DisplayPaths.FromCurrentDirectory()).Build(DisplayPaths.Of(registry.DisplayName) ?? registry.DisplayName, null, outcomes);
            }
            finally
            {
                (registry as IDisposable)?.Dispose();
            }
        }

        private static int Print(DiffReport report, DiffRequest request, TextWriter stdout, TextWriter stderr)
        {
            var text = new StringWriter { NewLine = "\n" };
            switch (request.Format)
            {
                case ReportFormat.Markdown:
                    PullRequestComment.Write(text, report, request.LinkBase);
                    break;
                case ReportFormat.Json:
                    text.WriteLine(JsonReport.Serialize(JsonReport.Diff(report)));
                    break;
                case ReportFormat.Sarif:
                    text.WriteLine(SarifReport.Serialize(report.Gate));
                    break;
                case ReportFormat.GitHub:
                    GitHubAnnotations.Write(text, report.Gate);
                    break;
                default:
                    text.WriteLine($"against {report.Against}" + (report.BaseCommit == null ? "" : $" ({report.BaseCommit.Substring(0, Math.Min(12, report.BaseCommit.Length))})"));
                    TextReport.Write(text, report.Gate);
                    break;
            }
            if (request.Output != null)
            {
                File.WriteAllText(request.Output, text.ToString(), new UTF8Encoding(false));
                stdout.WriteLine(TextReport.Summary(report.Gate) + $"; report written to {request.Output}");
            }
            else
            {
                stdout.Write(text.ToString());
            }
            // A contract that cannot be read is exit 2; say where on stderr whatever the format, as every other bad input.
            if (request.Format != ReportFormat.Text || request.Output != null)
            {
                foreach (ReportFinding finding in report.Findings.Where(f => f.Code == ErrorCodes.MalformedContract && f.Severity == FindingSeverity.Error)) stderr.WriteLine(MsBuildFormat.Line(finding));
            }
            return report.ExitCode;
        }

        private sealed class DiffRequest
        {
            public DiffRequest(string? against, ReportFormat format, string? output, string? linkBase)
            {
                Against = against;
                Format = format;
                Output = output;
                LinkBase = linkBase;
            }

            public string? Against { get; }
            public ReportFormat Format { get; }
            public string? Output { get; }
            public string? LinkBase { get; }
        }
    }
}
