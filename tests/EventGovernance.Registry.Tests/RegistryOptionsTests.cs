using System;
using EventGovernance.Registry;

namespace EventGovernance.Registry.Tests
{
    public class RegistryOptionsTests
    {
        [Fact]
        public void Explicit_location_wins_and_the_environment_fills_the_rest()
        {
            string?[] saved = { Get(RegistryOptions.UrlVariable), Get(RegistryOptions.BasicAuthVariable), Get(RegistryOptions.BearerTokenVariable) };
            try
            {
                Environment.SetEnvironmentVariable(RegistryOptions.UrlVariable, "https://env.example");
                Environment.SetEnvironmentVariable(RegistryOptions.BasicAuthVariable, "u:p");
                Environment.SetEnvironmentVariable(RegistryOptions.BearerTokenVariable, "tok");

                RegistryOptions fromEnv = RegistryOptions.FromEnvironment(null);
                Assert.Equal(("https://env.example", "u:p", "tok"), (fromEnv.Location, fromEnv.BasicAuthUserInfo, fromEnv.BearerToken));
                Assert.True(fromEnv.IsRemote);
                Assert.Equal("registry-dir", RegistryOptions.FromEnvironment("registry-dir").Location);
                Assert.Equal(TimeSpan.FromSeconds(5), fromEnv.Timeout);
                Assert.Equal(1, fromEnv.MaxRetries);
            }
            finally
            {
                Environment.SetEnvironmentVariable(RegistryOptions.UrlVariable, saved[0]);
                Environment.SetEnvironmentVariable(RegistryOptions.BasicAuthVariable, saved[1]);
                Environment.SetEnvironmentVariable(RegistryOptions.BearerTokenVariable, saved[2]);
            }
        }

        [Fact]
        public void Secrets_are_scrubbed_from_text_and_urls()
        {
            var secrets = new Secrets("alice:pa55", "tok");
            Assert.Equal("GET https://host/x failed for *** with *** and ***",
                secrets.Scrub("GET https://bob:hunter2@host/x failed for alice:pa55 with pa55 and tok"));
        }

        private static string? Get(string name) => Environment.GetEnvironmentVariable(name);
    
        [Theory]
        [InlineData("contracts/registry", null)]
        [InlineData("https://user:pw@registry.example:8081", null)]
        [InlineData("http://localhost:8081/", null)]
        [InlineData("ftp://user:pw@registry.example/", "the registry is a 'ftp' URL; give an http(s) URL or a directory")]
        [InlineData("file:///srv/registry", "the registry is a 'file' URL; give an http(s) URL or a directory")]
        [InlineData("http://user:pw@[bad", "the registry URL is not a valid http(s) URL")]
        [InlineData("https://", "the registry URL is not a valid http(s) URL")]
        public void Location_problems_are_named_without_repeating_the_location(string location, string? expected)
        {
            Assert.Equal(expected, RegistryOptions.LocationProblem(location));
        }

        [Fact]
        public void Opening_a_registry_at_a_non_http_url_is_refused_rather_than_taken_for_a_directory()
        {
            var e = Assert.Throws<RegistryUnavailableException>(() => SchemaRegistries.Open(new RegistryOptions { Location = "ftp://user:pw-secret@host/" }));
            Assert.DoesNotContain("pw-secret", e.Message);
        }
}
}
