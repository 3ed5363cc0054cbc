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
                Assert.Equal(TimeSpan.FromSeconds(30), fromEnv.Timeout);
                Assert.Equal(3, fromEnv.MaxRetries);
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
    }
}
