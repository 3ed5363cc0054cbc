using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using EventGovernance.Compatibility;
using EventGovernance.TestSupport;

namespace EventGovernance.Cli.Tests
{
    /// <summary>
    /// Packs eventgov as the .NET tool it ships as, installs it from a local feed and runs the installed tool,
    /// including a check against a registry over HTTP (a loopback server speaking the REST API).
    /// </summary>
    public sealed class ToolPackageTests : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        // No librdkafka and its companions: the package was 45 MB with them, about 1 MB without.
        private const long MaximumPackageBytes = 5 * 1024 * 1024;

        private readonly string _work = Path.Combine(Path.GetTempPath(), "eg-tool-" + Guid.NewGuid().ToString("N")[..12]);
        private string _version = "";
        private readonly Dictionary<string, string?> _environment;

        public ToolPackageTests()
        {
            Directory.CreateDirectory(_work);
            _environment = new Dictionary<string, string?>
            {
                // A private package folder: the install sees only the package just packed, and leaves no trace.
                ["NUGET_PACKAGES"] = Path.Combine(_work, "packages"),
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                ["SCHEMA_REGISTRY_URL"] = null,
                ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"] = null,
                ["SCHEMA_REGISTRY_BEARER_TOKEN"] = null,
            };
        }

        public void Dispose()
        {
            try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        [Fact]
        public void Packed_tool_has_no_native_kafka_libraries_and_checks_against_a_remote_registry()
        {
            string package = Pack();
            var entries = new List<string>();
            using (ZipArchive zip = ZipFile.OpenRead(package))
                entries.AddRange(zip.Entries.Select(e => e.FullName));
            string listing = string.Join("\n", entries);
            Assert.True(!entries.Any(e => e.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)), "librdkafka is in the tool package:\n" + listing);
            Assert.True(!entries.Any(e => e.Contains("/runtimes/", StringComparison.Ordinal)), "native runtime assets are in the tool package:\n" + listing);
            Assert.Contains("README.md", entries);
            long size = new FileInfo(package).Length;
            Assert.True(size < MaximumPackageBytes, $"the tool package is {size} bytes");

            string eventgov = Install();

            ProcessResult version = Run(eventgov, "--version");
            Assert.True(version.ExitCode == 0, version.Describe());
            // The version the package was built as (from git), then the commit; the same build as the one under test.
            string printed = version.Output.Trim();
            Assert.Equal(Program.Version, printed);
            Assert.True(printed == _version || printed.StartsWith(_version + "+", StringComparison.Ordinal),
                $"--version printed '{printed}' for package version {_version}");

            using var registry = new FakeSchemaRegistry { Formats = SchemaFormats.For };
            registry.Seed("order-placed", """{"type":"object","additionalProperties":false,"properties":{"total":{"type":"number"}}}""");
            string contracts = Path.Combine(_work, "contracts");
            Directory.CreateDirectory(contracts);
            string contract = Path.Combine(contracts, "order-placed.schema.json");

            // The registry client runs without librdkafka: a compatible change passes, a breaking one fails.
            File.WriteAllText(contract, """{"type":"object","additionalProperties":false,"properties":{"total":{"type":"number"},"note":{"type":"string"}}}""");
            ProcessResult compatible = Run(eventgov, "check", "--contracts", contracts, "--registry", registry.Url);
            Assert.True(compatible.ExitCode == 0, "a compatible change should pass. " + compatible.Describe());
            Assert.Contains(registry.Requests, r => r.Contains("/subjects/order-placed", StringComparison.Ordinal));

            File.WriteAllText(contract, """{"type":"object","additionalProperties":false,"properties":{"total":{"type":"string"}}}""");
            ProcessResult breaking = Run(eventgov, "check", "--contracts", contracts, "--registry", registry.Url);
            Assert.True(breaking.ExitCode == 1, "a breaking change should exit 1. " + breaking.Describe());
            Assert.Contains("order-placed", breaking.Output, StringComparison.Ordinal);
        }

        private string Pack()
        {
            string feed = Path.Combine(_work, "feed");
            // The version comes from git, as in a release; the private package folder keeps any cache out.
            // The test build restored already, so restore only when packing without it fails.
            string[] pack = { "pack", Path.Combine("src", "EventGovernance.Cli"), "-c", "Release", "-o", feed, "-nologo" };
            ProcessResult packed = ProcessRunner.Dotnet(RepositoryPaths.Root, _environment, Timeout, pack.Append("--no-restore").ToArray());
            if (packed.ExitCode != 0) packed = ProcessRunner.Dotnet(RepositoryPaths.Root, _environment, Timeout, pack);
            Assert.True(packed.ExitCode == 0, "packing the tool failed: " + packed.Describe());
            string package = FeedPackages.Single(feed, "EventGovernance.Cli", packed);
            _version = FeedPackages.VersionOf(package, "EventGovernance.Cli");
            return package;
        }

        /// <summary>Installs the tool from the local feed alone (no other source is asked) and returns its command.</summary>
        private string Install()
        {
            string config = Path.Combine(_work, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Path.Combine(_work, "feed")}" />
                  </packageSources>
                </configuration>
                """);
            string tools = Path.Combine(_work, "tools");
            ProcessResult install = ProcessRunner.Dotnet(_work, _environment, Timeout,
                "tool", "install", "EventGovernance.Cli", "--version", _version, "--tool-path", tools, "--configfile", config);
            Assert.True(install.ExitCode == 0, "installing the tool failed: " + install.Describe());
            string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "eventgov.exe" : "eventgov");
            Assert.True(File.Exists(command), $"the installed tool has no {command}: " + install.Describe());
            return command;
        }

        private ProcessResult Run(string eventgov, params string[] args) =>
            ProcessRunner.Run(eventgov, args, _work, Timeout, _environment);
    }
}
