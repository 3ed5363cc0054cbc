using System.Diagnostics;
using System.Text;

namespace EventGovernance.Build.Tests;

public sealed record ProcessResult(int ExitCode, string Output, string CommandLine)
{
    public string Describe() => $"`{CommandLine}` exited with {ExitCode}. Output:\n{Output}";
}

/// <summary>Runs the dotnet CLI with a time limit, capturing everything it prints.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) info.ArgumentList.Add(arg);

        // The test host runs inside `dotnet test`, which sets MSBuild variables pointing at its own SDK
        // instance; a child build must find its SDK afresh.
        foreach (string key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase))
                info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            if (value == null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string commandLine = "dotnet " + string.Join(" ", args);
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s. Output so far:\n{output}");
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) return new ProcessResult(process.ExitCode, output.ToString(), commandLine);
    }
}
