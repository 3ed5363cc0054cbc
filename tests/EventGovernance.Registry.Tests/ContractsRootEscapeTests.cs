using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>
    /// Contracts cannot make the tool read outside the contracts root (a JSON <c>$ref</c> with <c>../</c>, a
    /// Protobuf <c>import "../x.proto"</c>, an Avro named type defined outside, a symbolic link pointing out,
    /// <c>..</c> or <c>/</c> in a subject name) nor reach the network (a remote <c>$ref</c>). Each file outside
    /// the root carries a marker: it must appear in no result, message or difference.
    /// </summary>
    public class ContractsRootEscapeTests
    {
        private const string Marker = "OUTSIDE-MARKER-5f3a";

        private static string Everything(IEnumerable<ContractResult> results) => string.Join("\n", results.SelectMany(r =>
            new[] { r.Contract.DisplayPath, r.Message ?? "" }.Concat(r.Differences.Select(d => d.Message + " " + d.Path))));

        private static async Task<ContractResult> CheckSingle(TempDirectory dir)
        {
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));
            IReadOnlyList<ContractResult> results = await dir.CheckContractsAsync(registry, dir.ContractsRootOptions());
            Assert.DoesNotContain(Marker, Everything(results));
            return Assert.Single(results);
        }

        [Fact]
        public async Task A_json_ref_up_out_of_the_root_is_refused()
        {
            using var dir = new TempDirectory();
            dir.Write("outside.schema.json", "{\"type\":\"object\",\"title\":\"" + Marker + "\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
            dir.Write("contracts/orders.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"x\": {\"$ref\": \"../outside.schema.json\"}\n  }\n}\n");

            ContractResult result = await CheckSingle(dir);

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("points outside the contracts root", result.Message);
        }

        [Fact]
        public async Task A_protobuf_import_up_out_of_the_root_is_refused()
        {
            using var dir = new TempDirectory();
            dir.Write("x.proto", "syntax = \"proto3\";\npackage outside;\nmessage " + Marker.Replace("-", "_") + " { string a = 1; }\n");
            dir.Write("contracts/orders.proto", "syntax = \"proto3\";\npackage shop;\nimport \"../x.proto\";\nmessage Order { string id = 1; }\n");

            ContractResult result = await CheckSingle(dir);

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("outside the contracts root", result.Message);
            Assert.DoesNotContain(Marker.Replace("-", "_"), result.Message);
        }

        [Fact]
        public async Task An_avro_named_type_defined_only_outside_the_root_is_not_found()
        {
            using var dir = new TempDirectory();
            dir.Write("com.acme.Secret.avsc", "{\"type\":\"record\",\"name\":\"Secret\",\"namespace\":\"com.acme\",\"doc\":\"" + Marker + "\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
            dir.Write("shared/com.acme.Secret.avsc", "{\"type\":\"record\",\"name\":\"Secret\",\"namespace\":\"com.acme\",\"doc\":\"" + Marker + "\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
            dir.Write("contracts/orders.avsc", "{\n  \"type\": \"record\",\n  \"name\": \"Order\",\n  \"namespace\": \"com.acme\",\n  \"fields\": [\n    {\"name\": \"s\", \"type\": \"com.acme.Secret\"}\n  ]\n}\n");

            ContractResult result = await CheckSingle(dir);

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("com.acme.Secret", result.Message);
        }

        [Fact]
        public async Task A_contract_that_is_a_symbolic_link_pointing_out_is_refused()
        {
            using var dir = new TempDirectory();
            string outside = dir.Write("outside/secret.schema.json", "{\"type\":\"object\",\"title\":\"" + Marker + "\"}");
            Directory.CreateDirectory(dir.Combine("contracts"));
            File.CreateSymbolicLink(dir.Combine("contracts", "leak.schema.json"), outside);

            ContractResult result = await CheckSingle(dir);

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("symbolic link", result.Message);
        }

        [Fact]
        public async Task A_directory_link_pointing_out_is_not_searched_for_contracts()
        {
            using var dir = new TempDirectory();
            dir.Write("outside/secret.schema.json", "{\"type\":\"object\",\"title\":\"" + Marker + "\"}");
            dir.Write("contracts/orders.schema.json", "{\"type\":\"object\"}");
            Directory.CreateSymbolicLink(dir.Combine("contracts", "linked"), dir.Combine("outside"));

            ContractResult result = await CheckSingle(dir);

            Assert.Equal("orders", result.Contract.Subject);
        }

        [Fact]
        public async Task A_registry_subject_directory_that_links_out_is_not_read()
        {
            using var dir = new TempDirectory();
            dir.Write("outside/versions/1.json", "{\"type\":\"object\",\"title\":\"" + Marker + "\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}");
            dir.Write("contracts/orders.schema.json", "{\"type\":\"object\"}");
            Directory.CreateDirectory(dir.Combine("contracts", "registry", "subjects"));
            Directory.CreateSymbolicLink(dir.Combine("contracts", "registry", "subjects", "orders"), dir.Combine("outside"));
            var registry = new EmbeddedRegistry(dir.Combine("contracts", "registry"));

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetVersionsAsync("orders"));
            Assert.Contains("symbolic link", e.Message);
            Assert.DoesNotContain(Marker, e.Message);
        }

        [Theory]
        [InlineData("../../escaped")]
        [InlineData("/tmp/escaped")]
        [InlineData("..")]
        [InlineData("a/../../b")]
        public async Task A_subject_with_dots_or_slashes_stays_inside_the_registry_directory(string subject)
        {
            using var dir = new TempDirectory();
            string contract = dir.Write("contracts/orders.schema.json", "{\"type\":\"object\"}");
            string root = dir.Combine("contracts", "registry");
            var registry = new EmbeddedRegistry(root);
            var registrar = new ContractRegistrar(registry, dir.ContractsRootOptions());

            RegistrationReport report = await registrar.RegisterAsync(new[] { new Contract(contract, subject, SchemaType.Json) });

            Assert.True(report.Succeeded, report.Message);
            string[] written = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories)
                .Where(f => f != contract).ToArray();
            Assert.All(written, f => Assert.StartsWith(Path.Combine(root, "subjects") + Path.DirectorySeparatorChar, f));
            Assert.NotEmpty(written);
            Assert.Equal(new[] { subject }, await registry.GetSubjectsAsync());
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync(subject));
        }

        [Theory]
        [InlineData("{0}/outside.schema.json")]
        [InlineData("{0}/outside.schema.json#/definitions/x")]
        public async Task A_remote_ref_is_refused_and_never_fetched(string reference)
        {
            using var server = new CountingServer();
            using var dir = new TempDirectory();
            dir.Write("contracts/orders.schema.json",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"x\": {\"$ref\": \"" + string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, server.Url) + "\"}\n  }\n}\n");

            ContractResult result = await CheckSingle(dir);
            // Registering runs the gate again and then the registrar: it must not fetch either.
            RegistrationReport report = await dir.RegisterContractsAsync(new EmbeddedRegistry(dir.Combine("contracts", "registry")), dir.ContractsRootOptions());

            Assert.Equal(ContractStatus.Invalid, result.Status);
            Assert.Contains("remote reference", result.Message);
            Assert.False(report.Succeeded);
            Assert.Equal(0, server.Hits);
        }

        /// <summary>A loopback listener that only counts connections: any would mean a fetch was attempted.</summary>
        private sealed class CountingServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private int _hits;

            public CountingServer()
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
                _ = Task.Run(async () =>
                {
                    while (true)
                    {
                        try
                        {
                            using Socket socket = await _listener.AcceptSocketAsync();
                            Interlocked.Increment(ref _hits);
                        }
                        catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                        {
                            return;
                        }
                    }
                });
            }

            public string Url { get; }
            public int Hits => Volatile.Read(ref _hits);

            public void Dispose() => _listener.Stop();
        }
    }
}
