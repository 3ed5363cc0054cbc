using System;
using System.Collections.Generic;
using System.IO;
using EventGovernance.Tests;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests.Diff
{
    /// <summary>
    /// A temporary git repository with real commits, made with the git command line. The author is set in the
    /// repository's own config, so the machine's git config is never needed or changed.
    /// </summary>
    internal sealed class GitWorkspace : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
        private readonly TempDirectory _dir = new TempDirectory();

        public GitWorkspace(bool init = true)
        {
            if (!init) return;
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "Schema Reviewer");
            Git("config", "user.email", "reviewer@example.com");
            Git("config", "commit.gpgsign", "false");
        }

        public string Path => _dir.Path;

        /// <summary>The contracts directory, given to eventgov as --contracts.</summary>
        public string Contracts => _dir.Combine("contracts");

        public string Write(string relativePath, string content) => _dir.Write(relativePath, content.Replace("\r\n", "\n"));

        public void Delete(string relativePath) => File.Delete(_dir.Combine(relativePath));

        public void Move(string from, string to)
        {
            string target = _dir.Combine(to);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Move(_dir.Combine(from), target);
        }

        /// <summary>Stages everything and commits it.</summary>
        public void Commit(string message)
        {
            Git("add", "-A");
            Git("commit", "-q", "-m", message);
        }

        public string Git(params string[] args)
        {
            ProcessResult result = ProcessRunner.Run("git", args, Path, Limit, new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1" });
            if (result.ExitCode != 0) throw new InvalidOperationException(result.Describe());
            return result.Output;
        }

        /// <summary>eventgov diff on this repository's contracts directory, files shown relative to the repository.</summary>
        public CliResult Diff(params string[] args)
        {
            var all = new List<string> { "diff", "--no-project", "--contracts", Contracts };
            all.AddRange(args);
            return CliRunner.Run(all.ToArray());
        }

        public void Dispose() => _dir.Dispose();
    }
}
