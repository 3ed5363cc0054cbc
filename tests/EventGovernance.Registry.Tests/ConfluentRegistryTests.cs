using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;
using EventGovernance.TestSupport;

namespace EventGovernance.Registry.Tests
{
    /// <summary>The Confluent registry through the official client, against an in-process server that speaks the REST API.</summary>
    public class ConfluentRegistryTests
    {
        private static readonly SchemaReference[] NoReferences = Array.Empty<SchemaReference>();

        internal static RegistryOptions Fast(string url) => new RegistryOptions
        {
            Location = url,
            Timeout = TimeSpan.FromSeconds(5),
            MaxRetries = 2,
            RetryWait = TimeSpan.FromMilliseconds(10),
            MaxRetryWait = TimeSpan.FromMilliseconds(50),
        };

        [Fact]
        public async Task Reads_subjects_versions_schemas_references_and_config()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("address", "street!\n");
            server.Seed("customer", "import address.txt\nname!\n", "JSON", ("address.txt", "address", 1));
            server.Seed("legacy", "{\"type\":\"string\"}", "AVRO");
            server.SetSubjectLevel("customer", "FULL_TRANSITIVE");
            server.GlobalLevel = "FORWARD";
            using var registry = new ConfluentRegistry(Fast(server.Url));

            Assert.Equal(new[] { "address", "customer", "legacy" }, await registry.GetSubjectsAsync());
            Assert.Equal(new[] { 1 }, await registry.GetVersionsAsync("customer"));
            Assert.Empty(await registry.GetVersionsAsync("nobody"));
            RegisteredSchema customer = await registry.GetSchemaAsync("customer", 1);
            Assert.Equal(SchemaType.Json, customer.Type);
            Assert.Equal("import address.txt\nname!\n", customer.Text);
            Assert.Equal(("address.txt", "address", 1), (customer.References[0].Name, customer.References[0].Subject, customer.References[0].Version));
            Assert.Equal(SchemaType.Avro, (await registry.GetSchemaAsync("legacy", 1)).Type);
            Assert.Equal(CompatibilityLevel.FullTransitive, await registry.GetCompatibilityAsync("customer"));
            Assert.Null(await registry.GetCompatibilityAsync("address"));
            Assert.Equal(CompatibilityLevel.Forward, await registry.GetCompatibilityAsync(null));
        }

        [Fact]
        public async Task Registers_and_answers_the_version_number()
        {
            using var server = new FakeSchemaRegistry();
            using var registry = new ConfluentRegistry(Fast(server.Url));

            Assert.Equal(1, await registry.RegisterAsync("orders", SchemaType.Json, "id!\n", NoReferences));
            Assert.Equal(2, await registry.RegisterAsync("orders", SchemaType.Json, "id!\nnote\n", NoReferences));
            Assert.Equal(1, await registry.RegisterAsync("orders", SchemaType.Json, "id!\n", NoReferences));
            Assert.Equal(2, server.Versions("orders").Count);
            Assert.Contains(server.Requests, r => r.StartsWith("POST /subjects/orders/versions", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_compatibility_verdict_is_the_registry_s_own()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("orders", "id!\n");
            using var registry = new ConfluentRegistry(Fast(server.Url));

            Assert.True(await registry.TestCompatibilityAsync("orders", SchemaType.Json, "id!\nnote\n", NoReferences));
            Assert.False(await registry.TestCompatibilityAsync("orders", SchemaType.Json, "id!\ncustomer!\n", NoReferences));
            Assert.True(await registry.TestCompatibilityAsync("brand-new", SchemaType.Json, "x!\n", NoReferences));
            Assert.Contains(server.Requests, r => r.StartsWith("POST /compatibility/subjects/orders/versions/latest", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Refused_credentials_are_a_clear_error_without_the_credentials()
        {
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Basic " + Convert.ToBase64String("right:pw".Select(c => (byte)c).ToArray()) };
            RegistryOptions options = Fast(server.Url);
            options.BasicAuthUserInfo = "alice:s3cret-pass";
            using var registry = new ConfluentRegistry(options);

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());

            Assert.Contains("the registry refused the credentials (401)", e.Message);
            AssertNoSecret(e, "s3cret-pass", "alice");
        }

        [Fact]
        public async Task A_forbidden_answer_is_reported_as_refused_credentials_too()
        {
            using var server = new FakeSchemaRegistry();
            using var registry = new ConfluentRegistry(Fast(server.Url));
            server.FailNext(403);

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetVersionsAsync("orders"));
            Assert.Equal($"the registry refused the credentials (403): {server.Url}", e.Message);
            Assert.Single(server.Requests); // refusals are not retried
        }

        [Fact]
        public async Task Basic_credentials_from_options_or_the_url_are_sent_and_never_shown()
        {
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Basic " + Convert.ToBase64String("alice:s3cret-pass"u8.ToArray()) };
            string url = server.Url.Replace("http://", "http://alice:s3cret-pass@", StringComparison.Ordinal);
            using var registry = new ConfluentRegistry(Fast(url));

            Assert.Empty(await registry.GetSubjectsAsync());
            Assert.Equal(server.Url, registry.DisplayName);
            server.FailNext(500, 5);
            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            AssertNoSecret(e, "s3cret-pass", "alice");
        }

        [Fact]
        public async Task A_bearer_token_is_sent_and_never_shown()
        {
            using var server = new FakeSchemaRegistry { RequiredAuthorization = "Bearer tok-123-secret" };
            RegistryOptions options = Fast(server.Url);
            options.BearerToken = "tok-123-secret";
            using var registry = new ConfluentRegistry(options);

            Assert.Empty(await registry.GetSubjectsAsync());
            server.RequiredAuthorization = "Bearer another";
            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            Assert.Contains("(401)", e.Message);
            AssertNoSecret(e, "tok-123-secret");
        }

        [Fact]
        public async Task A_server_error_is_retried_and_then_succeeds()
        {
            using var server = new FakeSchemaRegistry();
            server.Seed("orders", "id!\n");
            using var registry = new ConfluentRegistry(Fast(server.Url));
            server.FailNext(500);

            Assert.Equal(new[] { "orders" }, await registry.GetSubjectsAsync());
            Assert.Equal(2, server.Requests.Count(r => r.StartsWith("GET /subjects", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Server_errors_beyond_the_retries_are_a_clear_error()
        {
            using var server = new FakeSchemaRegistry();
            using var registry = new ConfluentRegistry(Fast(server.Url));
            server.FailNext(503, 10);

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            Assert.Contains(server.Url, e.Message);
            Assert.Equal(3, server.Requests.Count); // one try and MaxRetries = 2 retries
        }

        [Fact]
        public async Task A_registry_slower_than_the_timeout_fails_fast_with_a_clear_error()
        {
            using var server = new FakeSchemaRegistry { Delay = TimeSpan.FromSeconds(5) };
            RegistryOptions options = Fast(server.Url);
            options.Timeout = TimeSpan.FromMilliseconds(200);
            options.MaxRetries = 1;
            using var registry = new ConfluentRegistry(options);

            var watch = Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            watch.Stop();

            Assert.Contains("did not answer within 0.2 s", e.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        }

        [Fact]
        public async Task An_unreachable_registry_is_a_clear_error()
        {
            using var server = new FakeSchemaRegistry();
            string url = server.Url;
            server.Dispose();
            using var registry = new ConfluentRegistry(Fast(url));

            var e = await Assert.ThrowsAsync<RegistryUnavailableException>(() => registry.GetSubjectsAsync());
            Assert.Contains(url, e.Message);
        }

        [Fact]
        public void Open_picks_the_registry_kind_from_the_location()
        {
            using var remote = (ConfluentRegistry)SchemaRegistries.Open(new RegistryOptions { Location = "https://user:pw@registry.example:8081/" });
            Assert.Equal("https://registry.example:8081", remote.DisplayName);
            Assert.IsType<EmbeddedRegistry>(SchemaRegistries.Open(new RegistryOptions { Location = "contracts/registry" }));
            Assert.Throws<RegistryUnavailableException>(() => SchemaRegistries.Open(new RegistryOptions()));
        }

        internal static void AssertNoSecret(Exception e, params string[] secrets)
        {
            for (Exception? x = e; x != null; x = x.InnerException)
            {
                foreach (string secret in secrets)
                    Assert.DoesNotContain(secret, x.ToString(), StringComparison.Ordinal);
            }
        }
    }
}
