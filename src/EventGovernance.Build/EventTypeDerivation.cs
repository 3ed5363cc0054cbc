using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace EventGovernance.Build
{
    // The files exchanged with the deriver (src/EventGovernance.CodeFirst.Host/Protocol.cs); keep both in step.

    internal sealed class DeriveRequest
    {
        public string Assembly { get; set; } = "";
        public string OutputDirectory { get; set; } = "";
        public List<RequestedType> Types { get; set; } = new List<RequestedType>();
    }

    internal sealed class RequestedType
    {
        public string Type { get; set; } = "";
        public string Format { get; set; } = "";
        public string? Settings { get; set; }
    }

    internal sealed class DeriveResponse
    {
        public List<string> Notes { get; set; } = new List<string>();
        public List<DerivedType> Types { get; set; } = new List<DerivedType>();
    }

    internal sealed class DerivedType
    {
        public string Type { get; set; } = "";
        public string? SchemaFile { get; set; }
        public string? Error { get; set; }
        public TypeSource? Source { get; set; }
        public Dictionary<string, TypeSource> Definitions { get; set; } = new Dictionary<string, TypeSource>(StringComparer.Ordinal);
    }

    internal sealed class TypeSource
    {
        public string Name { get; set; } = "";
        public SourcePlace? Place { get; set; }
        public List<MemberSource> Members { get; set; } = new List<MemberSource>();
    }

    internal sealed class MemberSource
    {
        public string Name { get; set; } = "";
        public string? JsonName { get; set; }
        public SourcePlace? Place { get; set; }
    }

    internal sealed class SourcePlace
    {
        public string File { get; set; } = "";
        public int Line { get; set; }
        public int Column { get; set; }
    }

    /// <summary>The deriver could not run or gave no answer; the message is one line.</summary>
    internal sealed class DeriverFailedException : Exception
    {
        public DeriverFailedException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// Runs the net10.0 deriver shipped in the package (<c>dotnet exec EventGovernance.CodeFirst.Host.dll</c>) on the
    /// built assembly: out of process, so MSBuild (whose nodes live on between builds) never loads the application or
    /// its NJsonSchema, and never locks the output. Request and response are JSON files in obj/.
    /// </summary>
    internal static class EventTypeDerivation
    {
        /// <summary>A bound that only a hung deriver reaches (a derivation takes about a second).</summary>
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        private static readonly JsonSerializerSettings Json = new JsonSerializerSettings
        {
            // Definition names are the schema's own: camel-case the properties, never the dictionary keys.
            ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy(processDictionaryKeys: false, overrideSpecifiedNames: true) },
            Formatting = Formatting.Indented,
        };

        public static DeriveResponse Run(string dotnet, string deriver, DeriveRequest request, string workDirectory, CancellationToken cancellation)
        {
            Directory.CreateDirectory(workDirectory);
            string requestFile = Path.Combine(workDirectory, "request.json");
            string responseFile = Path.Combine(workDirectory, "response.json");
            File.WriteAllText(requestFile, JsonConvert.SerializeObject(request, Json), new UTF8Encoding(false));
            if (File.Exists(responseFile)) File.Delete(responseFile);

            var start = new ProcessStartInfo(dotnet, $"exec {Quote(deriver)} {Quote(requestFile)} {Quote(responseFile)}")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            var errors = new StringBuilder();
            using (var process = new Process { StartInfo = start })
            {
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (errors) errors.AppendLine(e.Data); };
                process.OutputDataReceived += (_, e) => { };
                try
                {
                    process.Start();
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
                {
                    throw new DeriverFailedException($"cannot start '{dotnet}' to derive the event types' schemas: {e.Message}");
                }
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                var clock = Stopwatch.StartNew();
                while (!process.WaitForExit(100))
                {
                    if (cancellation.IsCancellationRequested || clock.Elapsed > Timeout)
                    {
                        try { process.Kill(); } catch (InvalidOperationException) { }
                        cancellation.ThrowIfCancellationRequested();
                        throw new DeriverFailedException($"deriving the event types' schemas did not finish within {Timeout.TotalMinutes} minutes");
                    }
                }
                process.WaitForExit();
                if (!File.Exists(responseFile))
                {
                    string first;
                    lock (errors) first = errors.ToString().Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                    throw new DeriverFailedException($"deriving the event types' schemas failed (exit code {process.ExitCode}){(first.Length > 0 ? ": " + first : "")}");
                }
            }
            try
            {
                return JsonConvert.DeserializeObject<DeriveResponse>(File.ReadAllText(responseFile), Json)
                    ?? throw new DeriverFailedException("the deriver's response is empty");
            }
            catch (JsonException e)
            {
                throw new DeriverFailedException($"the deriver's response {responseFile} cannot be read: {e.Message}");
            }
        }

        /// <summary>One command-line argument, quoted for both Windows' and the .NET runtime's parsing.</summary>
        private static string Quote(string argument) => "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
