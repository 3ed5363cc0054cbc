using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace EventGovernance.Tests
{
    public sealed record ProcessResult(int ExitCode, string Output, string CommandLine)
    {
        public string Describe() => $"`{CommandLine}` exited with {ExitCode}. Output:{Environment.NewLine}{Output}";
    }

    /// <summary>Runs a command with a time limit, capturing everything it prints.</summary>
    public static class ProcessRunner
    {
        /// <summary>Runs the dotnet CLI.</summary>
        public static ProcessResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args) =>
            Run("dotnet", args, workingDirectory, timeout, environment);

        /// <param name="environment">Variables to set; a null value removes the variable.</param>
        public static ProcessResult Run(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
            IReadOnlyDictionary<string, string?>? environment = null)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args) info.ArgumentList.Add(arg);

            // The test host runs inside `dotnet test`, which sets MSBuild and test-platform variables
            // pointing at its own SDK instance; a child build must find its SDK afresh.
            foreach (string key in info.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase))
                {
                    info.Environment.Remove(key);
                }
            }
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            if (environment != null)
            {
                foreach (var (key, value) in environment)
                {
                    if (value == null) info.Environment.Remove(key);
                    else info.Environment[key] = value;
                }
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            string commandLine = fileName + " " + string.Join(" ", info.ArgumentList);
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                lock (output) throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s. Output so far:{Environment.NewLine}{output}");
            }
            process.WaitForExit(); // drains the redirected streams
            lock (output) return new ProcessResult(process.ExitCode, output.ToString(), commandLine);
        }
    }
}
