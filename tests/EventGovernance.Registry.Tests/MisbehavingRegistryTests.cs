using System;
using System.Diagnostics;
using System.Threading.Tasks;
using EventGovernance.Registry;
using EventGovernance.Tests;

namespace EventGovernance.Registry.Tests
{
    /// <summary>
    /// A registry that hangs, resets the connection, answers something that is not its REST API, or answers
    /// without end: each is "registry unavailable" with a message that says which, never an internal error,
    /// within the timeout and with bounded memory, and never with the credentials.
    /// </summary>
    public class MisbehavingRegistryTests
    {
        private const string Password = "mis-Pa55-7c1e";
        private const string Token = "tok-mis-19f0d2";

        // Far beyond the configured timeouts and far below what a hang would take.
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private static RegistryOptions Options(string url, bool bearer = false) => new RegistryOptions
        {
            Location = url,
            BasicAuthUserInfo = bearer ? null : "alice:" + Password,
            BearerToken = bearer ? Token : null,
            Timeout = TimeSpan.FromSeconds(1),
            MaxRetries = 0,
        };

        private static async Task<RegistryUnavailableException> Fails(MisbehavingRegistry server, Func<ConfluentRegistry, Task> call, bool bearer = false)
        {
            using var registry = new ConfluentRegistry(Options(server.Url, bearer));
            Task attempt = call(registry);
            Task first = await Task.WhenAny(attempt, Task.Delay(Bound));
            Assert.True(first == attempt, $"the call against a registry that does {server.Behavior} did not end within {Bound}");
            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => attempt);
            Assert.DoesNotContain(Password, e.Message);
            Assert.DoesNotContain(Token, e.Message);
            Assert.True(!server.Requests.IsEmpty, "no request reached the server: " + e.Message);
            return e;
        }

        [Fact]
        public async Task A_registry_that_never_answers_times_out()
        {
            using var server = new MisbehavingRegistry(Misbehavior.Hang);
            var e = await Fails(server, r => r.GetSubjectsAsync());
            Assert.Contains("did not answer within 1 s", e.Message);
        }

        [Fact]
        public async Task A_reset_connection_is_named_as_such()
        {
            using var server = new MisbehavingRegistry(Misbehavior.Reset);
            var e = await Fails(server, r => r.GetVersionsAsync("orders"));
            Assert.Contains("the connection was reset", e.Message);
            Assert.Contains(server.Url, e.Message);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task An_answer_that_is_not_the_registry_api_is_named_as_such(bool bearer)
        {
            using var server = new MisbehavingRegistry(Misbehavior.Garbage);
            var e = await Fails(server, r => r.GetSubjectsAsync(), bearer);
            Assert.Contains($"the registry at {server.Url} answered something that is not Schema Registry's REST API", e.Message);
            Assert.Contains("listing subjects", e.Message);
        }

        [Fact]
        public async Task Garbage_for_a_schema_or_a_level_is_named_the_same_way()
        {
            using var server = new MisbehavingRegistry(Misbehavior.Garbage);
            var schema = await Fails(server, r => r.GetSchemaAsync("orders", 1));
            Assert.Contains("not Schema Registry's REST API", schema.Message);
            var level = await Fails(server, r => r.GetCompatibilityAsync("orders"));
            Assert.Contains("not Schema Registry's REST API", level.Message);
        }

        [Fact]
        public async Task An_endless_answer_is_cut_off_at_the_size_limit()
        {
            using var server = new MisbehavingRegistry(Misbehavior.Huge);
            long before = GC.GetTotalAllocatedBytes(precise: false);
            var e = await Fails(server, r => r.GetSubjectsAsync());
            Assert.Contains($"more than {ConfluentRegistry.MaxResponseBytes / (1024 * 1024)} MB", e.Message);
            // Bounded: the client stopped reading soon after the limit, long before the timeout let it stream gigabytes.
            Assert.True(server.BytesStreamed < 4L * ConfluentRegistry.MaxResponseBytes, $"{server.BytesStreamed} bytes were streamed");
            Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 8L * ConfluentRegistry.MaxResponseBytes, "the answer was read far past the limit");
        }

        [Fact]
        public void The_response_size_limit_reaches_the_client_s_http_clients()
        {
            using var registry = new ConfluentRegistry(Options("http://127.0.0.1:9"));
            Assert.True(registry.ResponseSizeLimited, "the Confluent client's HttpClient could not be bounded; see ResponseSizeLimit");
        }
    }
}
