using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>
    /// A registry that asks for a pause (429 with Retry-After) is waited for as it asks, but never beyond the
    /// request's time budget; one that fails one request in three is ridden out by the default retries. All
    /// through the official client against the loopback registry.
    /// </summary>
    public class RegistryRetriesTests
    {
        // Far beyond any wait these tests ask for, far below what a hang would take.
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private static RegistryOptions Options(string url, double timeoutSeconds = 5, int retries = 1) => new RegistryOptions
        {
            Location = url,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxRetries = retries,
            RetryWait = TimeSpan.FromMilliseconds(10),
            MaxRetryWait = TimeSpan.FromMilliseconds(50),
        };

        private static async Task<T> Within<T>(Task<T> call)
        {
            Assert.True(await Task.WhenAny(call, Task.Delay(Bound)) == call, $"the call did not end within {Bound}");
            return await call;
        }

        private static TimeSpan GapBetweenFirstTwoRequests(FakeSchemaRegistry server)
        {
            DateTimeOffset[] arrivals = server.Arrivals.ToArray();
            Assert.True(arrivals.Length >= 2, $"{arrivals.Length} request(s) reached the server");
            return arrivals[1] - arrivals[0];
        }

        [Fact]
        public void The_retries_wrap_the_client_s_http_clients()
        {
            using var registry = new ConfluentRegistry(Options("http://127.0.0.1:9"));
            Assert.True(registry.RetriesInstalled, "the Confluent client's HttpClients could not be wrapped; see RegistryRetries");
        }

        [Fact]
        public async Task A_429_with_Retry_After_in_seconds_is_waited_for_as_asked()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("orders", "id!\n");
            server.FailNext(429, 1, retryAfter: "2");
            using var registry = new ConfluentRegistry(Options(server.Url));

            Assert.Equal(new[] { "orders" }, await Within(registry.GetSubjectsAsync()));

            Assert.Equal(2, server.Requests.Count);
            TimeSpan gap = GapBetweenFirstTwoRequests(server);
            Assert.True(gap >= TimeSpan.FromSeconds(1.9), $"asked again after {gap.TotalMilliseconds} ms although the registry asked for 2 s");
        }

        [Fact]
        public async Task A_429_with_Retry_After_as_an_http_date_is_waited_for_as_asked()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("orders", "id!\n");
            // HTTP-dates have whole seconds: three seconds from now is at least two seconds of waiting.
            string date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r", CultureInfo.InvariantCulture);
            server.FailNext(429, 1, retryAfter: date);
            using var registry = new ConfluentRegistry(Options(server.Url));

            Assert.Equal(new[] { 1 }, await Within(registry.GetVersionsAsync("orders")));

            TimeSpan gap = GapBetweenFirstTwoRequests(server);
            Assert.True(gap >= TimeSpan.FromSeconds(1.5), $"asked again after {gap.TotalMilliseconds} ms although the registry asked to wait until {date}");
        }

        [Fact]
        public async Task A_Retry_After_longer_than_the_time_left_fails_at_once_and_says_so()
        {
            using var server = new FakeSchemaRegistry();
            server.FailNext(429, 5, retryAfter: "3600");
            using var registry = new ConfluentRegistry(Options(server.Url, timeoutSeconds: 2, retries: 3));

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Within(registry.GetSubjectsAsync()));

            // "8 s left" less the time the first answer took.
            Assert.StartsWith($"the registry {server.Url} answered 429 asking to retry after 3600 s, more than the ", e.Message);
            Assert.EndsWith(" s left of the request's time limit (2 s per attempt, 4 attempt(s)) while listing subjects; "
                + "try again later or raise EventGovernanceRegistryTimeout", e.Message);
            Assert.Single(server.Requests); // no attempt the registry said would be refused anyway
        }

        [Fact]
        public async Task A_Retry_After_within_the_budget_is_honoured_even_past_one_attempt_s_timeout()
        {
            // The budget is all attempts together (1 s x 3 here): a pause of 2 s fits although one attempt may take only 1 s.
            using var server = new FakeSchemaRegistry();
            server.Seed("orders", "id!\n");
            server.FailNext(503, 1, retryAfter: "2");
            using var registry = new ConfluentRegistry(Options(server.Url, timeoutSeconds: 1, retries: 2));

            Assert.Equal(new[] { "orders" }, await Within(registry.GetSubjectsAsync()));
            Assert.True(GapBetweenFirstTwoRequests(server) >= TimeSpan.FromSeconds(1.9));
        }

        [Fact]
        public async Task Without_retries_a_429_is_an_error_at_once()
        {
            using var server = new FakeSchemaRegistry();
            server.FailNext(429, 1, retryAfter: "1");
            using var registry = new ConfluentRegistry(Options(server.Url, retries: 0));

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => Within(registry.GetSubjectsAsync()));
            Assert.Contains(server.Url, e.Message);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_registry_failing_every_third_request_is_ridden_out_by_the_default_retries()
        {
            using var server = new FakeSchemaRegistry { FailEveryNth = 3 };
            server.Seed("grows", "id!\n");
            server.Seed("stays", "id!\n");
            using var dir = new TempDirectory();
            var contracts = new List<Contract>();
            foreach (string name in new[] { "fresh", "grows", "stays", "other", "more" })
            {
                string text = name == "grows" ? "id!\nnote\n" : "id!\n";
                string path = dir.Write(name + ".schema.json", text);
                contracts.Add(new Contract(path, ContractDiscovery.DefaultSubject(path), SchemaType.Json));
            }
            // The defaults of the build and of eventgov: only the location is set.
            using var registry = new ConfluentRegistry(new RegistryOptions { Location = server.Url });
            var options = new GateOptions { ContractsRoot = dir.Path };

            IReadOnlyList<ContractResult> checkedResults = await Within(new ContractGate(registry, options, _ => FieldListFormat.Instance).CheckAsync(contracts));
            Assert.All(checkedResults, r => Assert.NotEqual(ContractStatus.Invalid, r.Status));
            Assert.DoesNotContain(checkedResults, r => r.Status == ContractStatus.Breaking);

            RegistrationReport report = await Within(new ContractRegistrar(registry, new ContractGate(registry, options, _ => FieldListFormat.Instance)).RegisterAsync(contracts));
            Assert.True(report.Succeeded, report.Message);
            Assert.Equal(new[] { "fresh", "grows", "other", "more" }.OrderBy(s => s), report.Registered.Select(r => r.Subject).OrderBy(s => s));
            Assert.Equal(2, server.Versions("grows").Count);
            Assert.True(server.Requests.Count >= 12, $"only {server.Requests.Count} requests: the failures were not exercised");
        }
    }
}
