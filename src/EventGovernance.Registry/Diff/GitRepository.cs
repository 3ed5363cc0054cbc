using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace EventGovernance.Registry.Diff
{
    /// <summary>A git problem the user fixes (not a repository, an unknown ref, a shallow clone): one line, exit 2.</summary>
    public sealed class GitException : Exception
    {
        public GitException(string message) : base(message)
        {
        }
    }

    /// <summary>A commit the diff compares against, and how the user named it.</summary>
    public sealed class GitRevision
    {
        public GitRevision(string name, string commit)
        {
            Name = name;
            Commit = commit;
        }

        /// <summary>As given: <c>origin/main</c>, <c>main...HEAD</c>.</summary>
        public string Name { get; }

        /// <summary>The full commit id.</summary>
        public string Commit { get; }

        public string ShortCommit => Commit.Length > 12 ? Commit.Substring(0, 12) : Commit;
    }

    /// <summary>One file of a commit's tree.</summary>
    public sealed class GitTreeEntry
    {
        public GitTreeEntry(string path, string objectId)
        {
            Path = path;
            ObjectId = objectId;
        }

        /// <summary>Relative to the repository's top level, '/' separated.</summary>
        public string Path { get; }

        public string ObjectId { get; }
    }

    /// <summary>
    /// Reads a repository with the <c>git</c> command line as a child process: rev-parse, merge-base, ls-tree and
    /// cat-file only. Nothing is checked out and the working tree, index and refs are never written.
    /// </summary>
    public sealed class GitRepository
    {
        private readonly string _directory;

        private GitRepository(string directory, string topLevel, string prefix)
        {
            _directory = directory;
            TopLevel = topLevel;
            Prefix = prefix;
        }

        /// <summary>The working tree's top directory, as seen from the directory the repository was opened at (symbolic links kept).</summary>
        public string TopLevel { get; }

        /// <summary>The opened directory relative to <see cref="TopLevel"/>, '/' separated, empty or ending in '/'.</summary>
        public string Prefix { get; }

        /// <summary>The repository holding <paramref name="directory"/>; a <see cref="GitException"/> when there is none.</summary>
        public static GitRepository Open(string directory)
        {
            string full = Path.GetFullPath(directory);
            if (!Directory.Exists(full)) throw new GitException($"{directory}: the directory does not exist");
            GitOutput inside = Run(full, "rev-parse", "--is-inside-work-tree");
            if (inside.ExitCode != 0 || inside.Text.Trim() != "true")
                throw new GitException($"{directory} is not inside a git repository (git rev-parse found none): run eventgov diff --against in a clone, or use --registry");
            // --show-prefix rather than --show-toplevel: the top level it prints has symbolic links resolved,
            // and paths are compared with the ones the user gave.
            string prefix = Run(full, "rev-parse", "--show-prefix").Text.Trim();
            int depth = prefix.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Length;
            string top = full;
            for (int i = 0; i < depth; i++) top = Path.GetDirectoryName(top)!;
            return new GitRepository(full, top, prefix);
        }

        /// <summary>
        /// The commit a ref names: a branch, tag, commit id or expression (<c>HEAD~2</c>); <c>A...B</c> is the
        /// merge base of A and B (an empty side is HEAD), as <c>git diff A...B</c> reads it.
        /// </summary>
        public GitRevision Resolve(string name)
        {
            int dots = name.IndexOf("...", StringComparison.Ordinal);
            if (dots < 0) return new GitRevision(name, Commit(name, name));
            string left = dots == 0 ? "HEAD" : name.Substring(0, dots);
            string right = dots + 3 == name.Length ? "HEAD" : name.Substring(dots + 3);
            string a = Commit(left, name);
            string b = Commit(right, name);
            GitOutput mergeBase = Git("merge-base", a, b);
            if (mergeBase.ExitCode != 0)
            {
                if (IsShallow()) throw Shallow(name);
                throw new GitException($"'{name}': {left} and {right} have no common ancestor, so there is no merge base to compare with; name one ref instead");
            }
            return new GitRevision(name, mergeBase.Text.Trim());
        }

        /// <summary>Every regular file of the commit under <paramref name="directory"/> (relative to the top level; empty for all).</summary>
        public IReadOnlyList<GitTreeEntry> ListFiles(string commit, string directory)
        {
            var args = new List<string> { "ls-tree", "-r", "-z", "--full-tree", commit };
            if (directory.Length > 0) args.AddRange(new[] { "--", directory.TrimEnd('/') });
            GitOutput listing = Git(args.ToArray());
            if (listing.ExitCode != 0) throw new GitException($"git ls-tree failed for {commit}: {FirstLine(listing.Error)}");
            var entries = new List<GitTreeEntry>();
            foreach (string record in listing.Text.Split(new[] { '\0' }, StringSplitOptions.RemoveEmptyEntries))
            {
                // "<mode> <type> <object>\t<path>"; links (120000) and submodules (commit) are no contracts.
                int tab = record.IndexOf('\t');
                if (tab < 0) continue;
                string[] head = record.Substring(0, tab).Split(' ');
                if (head.Length != 3 || head[1] != "blob" || head[0] == "120000") continue;
                entries.Add(new GitTreeEntry(record.Substring(tab + 1), head[2]));
            }
            return entries;
        }

        /// <summary>A blob's content as text.</summary>
        public string ReadBlob(string objectId)
        {
            GitOutput blob = Git("cat-file", "blob", objectId);
            if (blob.ExitCode != 0) throw new GitException($"git cat-file could not read {objectId}: {FirstLine(blob.Error)}");
            return StripBom(blob.Text);
        }

        /// <summary>
        /// Many blobs in one <c>git cat-file --batch</c> (one process instead of one per file). Ids it cannot find
        /// are left out.
        /// </summary>
        public IReadOnlyDictionary<string, string> ReadBlobs(IReadOnlyCollection<string> objectIds)
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (objectIds.Count == 0) return texts;
            using (Process process = Start(_directory, "cat-file", "--batch"))
            {
                var error = process.StandardError.ReadToEndAsync();
                // Written from another task: git answers while it reads, and a full pipe must not stall either side.
                var writing = System.Threading.Tasks.Task.Run(() =>
                {
                    foreach (string id in objectIds) process.StandardInput.Write(id + "\n");
                    process.StandardInput.Close();
                });
                Stream output = process.StandardOutput.BaseStream;
                var utf8 = new UTF8Encoding(false);
                foreach (string id in objectIds)
                {
                    // "<id> blob <size>\n<content>\n", or "<id> missing\n".
                    string header = ReadLine(output);
                    string[] parts = header.Split(' ');
                    if (parts.Length != 3 || !int.TryParse(parts[2], out int size)) continue;
                    byte[] content = ReadExactly(output, size);
                    ReadExactly(output, 1);
                    if (parts[1] == "blob") texts[parts[0]] = StripBom(utf8.GetString(content));
                }
                writing.GetAwaiter().GetResult();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new GitException($"git cat-file --batch failed: {FirstLine(error.GetAwaiter().GetResult())}");
            }
            return texts;
        }

        private static string ReadLine(Stream stream)
        {
            var line = new List<byte>();
            int b;
            while ((b = stream.ReadByte()) >= 0 && b != '\n') line.Add((byte)b);
            return Encoding.ASCII.GetString(line.ToArray());
        }

        private static byte[] ReadExactly(Stream stream, int count)
        {
            var buffer = new byte[count];
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n <= 0) throw new GitException("git cat-file --batch ended early");
                read += n;
            }
            return buffer;
        }

        /// <summary>File.ReadAllText drops a UTF-8 byte order mark; text read from git must compare equal to it.</summary>
        private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

        private string Commit(string name, string asGiven)
        {
            // A name starting with '-' would be read as an option.
            if (name.Length == 0 || name.StartsWith("-", StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
                throw new GitException($"'{asGiven}' is not a git ref");
            GitOutput parsed = Git("rev-parse", "--verify", "--quiet", name + "^{commit}");
            if (parsed.ExitCode == 0) return parsed.Text.Trim();
            if (IsShallow()) throw Shallow(asGiven);
            throw new GitException($"unknown git ref '{asGiven}': no branch, tag or commit of that name in this repository (git fetch it first if it is remote)");
        }

        private bool IsShallow() => Git("rev-parse", "--is-shallow-repository").Text.Trim() == "true";

        private static GitException Shallow(string name) =>
            new GitException($"'{name}' is not in this shallow clone: fetch it (git fetch --unshallow, or git fetch origin <branch>; in GitHub Actions check out with fetch-depth: 0)");

        private GitOutput Git(params string[] args) => Run(_directory, args);

        private static GitOutput Run(string directory, params string[] args)
        {
            using (Process process = Start(directory, args))
            {
                process.StandardInput.Close();
                var error = process.StandardError.ReadToEndAsync();
                string text = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return new GitOutput(process.ExitCode, text, error.GetAwaiter().GetResult());
            }
        }

        private static Process Start(string directory, params string[] args)
        {
            var start = new ProcessStartInfo("git", string.Join(" ", args.Select(Quote)))
            {
                WorkingDirectory = directory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
                CreateNoWindow = true,
            };
            // Reading must never wait for a password or take the index lock another git process holds.
            start.EnvironmentVariables["GIT_TERMINAL_PROMPT"] = "0";
            start.EnvironmentVariables["GIT_OPTIONAL_LOCKS"] = "0";
            try
            {
                return Process.Start(start) ?? throw new GitException("git could not be started");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new GitException("git is not installed or not on PATH: eventgov diff --against reads the repository with it");
            }
        }

        /// <summary>Command-line quoting (the Windows rules, which also hold for .NET's parsing on other systems).</summary>
        private static string Quote(string arg)
        {
            if (arg.Length > 0 && arg.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\\' && c != '\'')) return arg;
            var quoted = new StringBuilder("\"");
            int backslashes = 0;
            foreach (char c in arg)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"') quoted.Append('\\', backslashes * 2 + 1);
                else quoted.Append('\\', backslashes);
                backslashes = 0;
                quoted.Append(c);
            }
            quoted.Append('\\', backslashes * 2).Append('"');
            return quoted.ToString();
        }

        private static string FirstLine(string text) => text.Split('\n').FirstOrDefault()?.Trim() ?? "";

        private sealed class GitOutput
        {
            public GitOutput(int exitCode, string text, string error)
            {
                ExitCode = exitCode;
                Text = text;
                Error = error;
            }

            public int ExitCode { get; }
            public string Text { get; }
            public string Error { get; }
        }
    }
}
