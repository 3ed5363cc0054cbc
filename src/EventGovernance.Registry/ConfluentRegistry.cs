using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using Sr = Confluent.SchemaRegistry;

namespace EventGovernance.Registry
{
    /// <summary>
    /// Confluent Schema Registry through the official client (<c>CachedSchemaRegistryClient</c>): its
    /// timeouts, retries with backoff for network failures and 408/429/5xx answers, TLS and basic
    /// authentication; a static bearer token is sent with a small header provider because the client's own
    /// static-token source requires Confluent Cloud's logical cluster id. Every message leaving this class
    /// has the credentials removed.
    /// </summary>
    public sealed class ConfluentRegistry : ISchemaRegistry, IDisposable
    {
        // The registry's error codes for "not there" (subject, version, schema, subject-level config).
        private const int SubjectNotFound = 40401;
        private const int VersionNotFound = 40402;
        private const int SubjectConfigNotFound = 40408;

        private readonly Sr.CachedSchemaRegistryClient _client;
        private readonly Secrets _secrets;
        private readonly TimeSpan _timeout;

        public ConfluentRegistry(RegistryOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            string? userInfo = options.BasicAuthUserInfo ?? Secrets.UserInfoOf(options.Location);
            _secrets = new Secrets(userInfo, options.BearerToken);
            string url = Secrets.StripUserInfo(options.Location.Trim()).TrimEnd('/');
            DisplayName = url;
            _timeout = options.Timeout;

            var config = new Sr.SchemaRegistryConfig
            {
                Url = url,
                RequestTimeoutMs = (int)Math.Max(1, options.Timeout.TotalMilliseconds),
                // The client counts attempts: one first try plus the retries.
                MaxRetries = Math.Max(0, options.MaxRetries) + 1,
                RetriesWaitMs = (int)Math.Max(0, options.RetryWait.TotalMilliseconds),
                RetriesMaxWaitMs = (int)Math.Max(0, options.MaxRetryWait.TotalMilliseconds),
            };
            if (options.SslCaLocation != null)
            {
                if (!System.IO.File.Exists(options.SslCaLocation))
                    throw new RegistryUnavailableException($"the CA certificate file {options.SslCaLocation} for {DisplayName} does not exist");
                config.SslCaLocation = options.SslCaLocation;
            }
            Sr.IAuthenticationHeaderValueProvider? bearer = null;
            if (options.BearerToken != null)
            {
                bearer = new StaticBearerToken(options.BearerToken);
            }
            else if (userInfo != null)
            {
                config.BasicAuthCredentialsSource = Sr.AuthCredentialsSource.UserInfo;
                config.BasicAuthUserInfo = userInfo;
            }
            try
            {
                _client = new Sr.CachedSchemaRegistryClient(config, bearer);
            }
            catch (Exception e) when (e is ArgumentException || e is System.Security.Cryptography.CryptographicException || e is System.IO.IOException)
            {
                throw new RegistryUnavailableException($"cannot use the registry {DisplayName}: {_secrets.Scrub(e.Message)}");
            }
        }

        public string DisplayName { get; }

        public Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default) =>
            CallAsync<IReadOnlyList<string>>("listing subjects", async () => (await _client.GetAllSubjectsAsync().ConfigureAwait(false)).ToList());

        public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default) =>
            CallAsync<IReadOnlyList<int>>($"listing the versions of '{subject}'", async () =>
            {
                try
                {
                    List<int> versions = await _client.GetSubjectVersionsAsync(subject).ConfigureAwait(false);
                    versions.Sort();
                    return versions;
                }
                catch (Sr.SchemaRegistryException e) when (e.ErrorCode == SubjectNotFound)
                {
                    return Array.Empty<int>();
                }
            });

        public Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default) =>
            CallAsync($"reading version {version} of '{subject}'", async () =>
            {
                Sr.RegisteredSchema schema = await _client.GetRegisteredSchemaAsync(subject, version, true).ConfigureAwait(false);
                var references = (schema.References ?? new List<Sr.SchemaReference>())
                    .Select(r => new SchemaReference(r.Name, r.Subject, r.Version))
                    .ToList();
                return new RegisteredSchema(subject, version, FromClientType(schema.SchemaType), schema.SchemaString, references,
                    $"{DisplayName}/subjects/{Uri.EscapeDataString(subject)}/versions/{version}");
            });

        public Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) =>
            CallAsync(subject == null ? "reading the global compatibility level" : $"reading the compatibility level of '{subject}'", async () =>
            {
                try
                {
                    Sr.Compatibility level = await _client.GetCompatibilityAsync(subject).ConfigureAwait(false);
                    return (CompatibilityLevel?)FromClientLevel(level);
                }
                catch (Sr.SchemaRegistryException e) when (e.ErrorCode == SubjectConfigNotFound || e.ErrorCode == SubjectNotFound)
                {
                    return null;
                }
            });

        public Task<bool?> TestCompatibilityAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default) =>
            CallAsync($"checking compatibility for '{subject}'", async () =>
            {
                try
                {
                    return (bool?)await _client.IsCompatibleAsync(subject, ToClientSchema(type, text, references)).ConfigureAwait(false);
                }
                catch (Sr.SchemaRegistryException e) when (e.ErrorCode == SubjectNotFound || e.ErrorCode == VersionNotFound)
                {
                    return true; // nothing registered yet: nothing to break
                }
            });

        public Task<int> RegisterAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default) =>
            CallAsync($"registering '{subject}'", async () =>
            {
                Sr.Schema schema = ToClientSchema(type, text, references);
                await _client.RegisterSchemaAsync(subject, schema, false).ConfigureAwait(false);
                // The registration answers with the schema id; the lookup tells the version number.
                Sr.RegisteredSchema registered = await _client.LookupSchemaAsync(subject, schema, true, false).ConfigureAwait(false);
                return registered.Version;
            });

        /// <summary>Sets the level of a subject, or the global level when subject is null.</summary>
        public Task SetCompatibilityAsync(string? subject, CompatibilityLevel level, CancellationToken cancellationToken = default) =>
            CallAsync("setting the compatibility level", async () =>
            {
                await _client.UpdateCompatibilityAsync(ToClientLevel(level), subject).ConfigureAwait(false);
                return true;
            });

        public void Dispose() => _client.Dispose();

        /// <summary>Runs one client call and turns its failures into clear, credential-free messages.</summary>
        private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Sr.SchemaRegistryException e) when (e.Status == HttpStatusCode.Unauthorized || e.Status == HttpStatusCode.Forbidden)
            {
                throw Refused((int)e.Status);
            }
            catch (Sr.SchemaRegistryException e)
            {
                throw new RegistryUnavailableException(
                    $"the registry {DisplayName} answered {(int)e.Status} (error {e.ErrorCode}) while {what}: {_secrets.Scrub(e.Message)}");
            }
            catch (HttpRequestException e) when (e.Message == "Unauthorized")
            {
                throw Refused(401);
            }
            catch (HttpRequestException e) when (IsTimeout(e))
            {
                throw TimedOut(what);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryUnavailableException($"cannot reach the registry {DisplayName} while {what}: {_secrets.Scrub(e.Message)}");
            }
            catch (OperationCanceledException)
            {
                throw TimedOut(what);
            }
        }

        // No inner exception on purpose: the client's text may echo request details.
        private RegistryUnavailableException Refused(int status) =>
            new RegistryUnavailableException($"the registry refused the credentials ({status}): {DisplayName}");

        private RegistryUnavailableException TimedOut(string what) =>
            new RegistryUnavailableException($"the registry {DisplayName} did not answer within {_timeout.TotalSeconds:0.###} s while {what} (after retries)");

        private static bool IsTimeout(Exception e)
        {
            for (Exception? inner = e; inner != null; inner = inner.InnerException)
            {
                if (inner is OperationCanceledException || inner is TimeoutException) return true;
                if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTimeout)) return true;
            }
            return false;
        }

        private static Sr.Schema ToClientSchema(SchemaType type, string text, IReadOnlyList<SchemaReference> references) =>
            new Sr.Schema(text, references.Select(r => new Sr.SchemaReference(r.Name, r.Subject, r.Version)).ToList(), ToClientType(type));

        private static Sr.SchemaType ToClientType(SchemaType type) => type switch
        {
            SchemaType.Avro => Sr.SchemaType.Avro,
            SchemaType.Protobuf => Sr.SchemaType.Protobuf,
            _ => Sr.SchemaType.Json,
        };

        private static SchemaType FromClientType(Sr.SchemaType type) => type switch
        {
            Sr.SchemaType.Protobuf => SchemaType.Protobuf,
            Sr.SchemaType.Json => SchemaType.Json,
            _ => SchemaType.Avro,
        };

        private static CompatibilityLevel FromClientLevel(Sr.Compatibility level) => level switch
        {
            Sr.Compatibility.None => CompatibilityLevel.None,
            Sr.Compatibility.Backward => CompatibilityLevel.Backward,
            Sr.Compatibility.BackwardTransitive => CompatibilityLevel.BackwardTransitive,
            Sr.Compatibility.Forward => CompatibilityLevel.Forward,
            Sr.Compatibility.ForwardTransitive => CompatibilityLevel.ForwardTransitive,
            Sr.Compatibility.Full => CompatibilityLevel.Full,
            Sr.Compatibility.FullTransitive => CompatibilityLevel.FullTransitive,
            _ => CompatibilityLevel.Backward,
        };

        private static Sr.Compatibility ToClientLevel(CompatibilityLevel level) => level switch
        {
            CompatibilityLevel.None => Sr.Compatibility.None,
            CompatibilityLevel.BackwardTransitive => Sr.Compatibility.BackwardTransitive,
            CompatibilityLevel.Forward => Sr.Compatibility.Forward,
            CompatibilityLevel.ForwardTransitive => Sr.Compatibility.ForwardTransitive,
            CompatibilityLevel.Full => Sr.Compatibility.Full,
            CompatibilityLevel.FullTransitive => Sr.Compatibility.FullTransitive,
            _ => Sr.Compatibility.Backward,
        };

        /// <summary>Sends a fixed bearer token on every request.</summary>
        private sealed class StaticBearerToken : Sr.IAuthenticationHeaderValueProvider
        {
            private readonly string _token;

            public StaticBearerToken(string token) => _token = token;

            public AuthenticationHeaderValue GetAuthenticationHeader() => new AuthenticationHeaderValue("Bearer", _token);
        }
    }
}
