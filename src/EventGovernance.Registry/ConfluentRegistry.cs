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
        private readonly RegistryRetries _retries;

        public ConfluentRegistry(RegistryOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            string? userInfo = options.BasicAuthUserInfo ?? Secrets.UserInfoOf(options.Location);
            _secrets = new Secrets(userInfo, options.BearerToken);
            string url = Secrets.StripUserInfo(options.Location.Trim()).TrimEnd('/');
            DisplayName = Echo.Cut(url);
            _timeout = options.Timeout;

            var config = new Sr.SchemaRegistryConfig
            {
                Url = url,
                RequestTimeoutMs = (int)Math.Max(1, options.Timeout.TotalMilliseconds),
                // The client makes one attempt (it counts attempts, not retries); RegistryRetries retries it,
                // honouring Retry-After within one time budget.
                MaxRetries = 1,
                RetriesWaitMs = 0,
                RetriesMaxWaitMs = 0,
            };
            _retries = new RegistryRetries(options.Timeout, options.MaxRetries, options.RetryWait, options.MaxRetryWait);
            if (options.SslCaLocation != null)
            {
                if (!System.IO.File.Exists(options.SslCaLocation))
                    throw new RegistryUnavailableException($"the CA certificate file {Echo.Cut(options.SslCaLocation)} for {DisplayName} does not exist");
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
                throw new RegistryUnavailableException($"cannot use the registry {DisplayName}: {Echo.Cut(_secrets.Scrub(e.Message))}");
            }
            ResponseSizeLimited = ResponseSizeLimit.Apply(_client, MaxResponseBytes);
            RetriesInstalled = _retries.Install(_client, MaxResponseBytes);
        }

        /// <summary>True when <see cref="RegistryRetries"/> wraps the client's HTTP clients (else a request is tried once).</summary>
        internal bool RetriesInstalled { get; }

        /// <summary>
        /// The largest answer read from the registry. The client buffers each answer whole (and then makes a
        /// string of it), so without a bound a registry, proxy or captive portal that streams without end
        /// takes all the memory there is. Real answers (a schema, the subject list of a large registry) stay
        /// far below it.
        /// </summary>
        public const long MaxResponseBytes = 16L * 1024 * 1024;

        /// <summary>True when <see cref="MaxResponseBytes"/> could be applied to the client's HTTP clients.</summary>
        internal bool ResponseSizeLimited { get; }

        public string DisplayName { get; }

        public Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default) =>
            CallAsync<IReadOnlyList<string>>("listing subjects", async () =>
            {
                List<string> subjects = await _client.GetAllSubjectsAsync().ConfigureAwait(false);
                if (subjects == null || subjects.Any(string.IsNullOrEmpty)) throw new NotTheRegistryApiException();
                return subjects;
            });

        public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default) =>
            CallAsync<IReadOnlyList<int>>($"listing the versions of '{Echo.Cut(subject)}'", async () =>
            {
                try
                {
                    List<int> versions = await _client.GetSubjectVersionsAsync(subject).ConfigureAwait(false)
                        ?? throw new NotTheRegistryApiException();
                    versions.Sort();
                    return versions;
                }
                catch (Sr.SchemaRegistryException e) when (e.ErrorCode == SubjectNotFound)
                {
                    return Array.Empty<int>();
                }
            });

        public Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default) =>
            CallAsync($"reading version {version} of '{Echo.Cut(subject)}'", async () =>
            {
                Sr.RegisteredSchema schema = await _client.GetRegisteredSchemaAsync(subject, version, true).ConfigureAwait(false);
                if (schema?.SchemaString == null) throw new NotTheRegistryApiException();
                var references = (schema.References ?? new List<Sr.SchemaReference>())
                    .Select(r => new SchemaReference(r.Name, r.Subject, r.Version))
                    .ToList();
                return new RegisteredSchema(subject, version, FromClientType(schema.SchemaType), schema.SchemaString, references,
                    $"{DisplayName}/subjects/{Uri.EscapeDataString(subject)}/versions/{version}");
            });

        public Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) =>
            CallAsync(subject == null ? "reading the global compatibility level" : $"reading the compatibility level of '{Echo.Cut(subject)}'", async () =>
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
            CallAsync($"checking compatibility for '{Echo.Cut(subject)}'", async () =>
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
            CallAsync($"registering '{Echo.Cut(subject)}'", async () =>
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
            catch (RetryAfterTooLongException e)
            {
                throw new RegistryUnavailableException($"the registry {DisplayName} {e.Message} while {what}; try again later or raise EventGovernanceRegistryTimeout");
            }
            catch (Sr.SchemaRegistryException e) when (e.Status == HttpStatusCode.Unauthorized || e.Status == HttpStatusCode.Forbidden)
            {
                throw Refused((int)e.Status);
            }
            catch (Sr.SchemaRegistryException e)
            {
                throw new RegistryUnavailableException(
                    $"the registry {DisplayName} answered {(int)e.Status} (error {e.ErrorCode}) while {what}: {Echo.Cut(_secrets.Scrub(e.Message))}");
            }
            catch (HttpRequestException e) when (e.Message == "Unauthorized")
            {
                throw Refused(401);
            }
            catch (Exception e) when (IsTooLarge(e))
            {
                throw new RegistryUnavailableException(
                    $"the registry at {DisplayName} answered more than {MaxResponseBytes / (1024 * 1024)} MB while {what}; that is not a Schema Registry answer");
            }
            catch (Exception e) when (IsConnectionReset(e))
            {
                throw new RegistryUnavailableException($"the connection was reset by the registry at {DisplayName} while {what}");
            }
            catch (HttpRequestException e) when (IsTimeout(e))
            {
                throw TimedOut(what);
            }
            catch (HttpRequestException e)
            {
                throw new RegistryUnavailableException($"cannot reach the registry {DisplayName} while {what}: {Echo.Cut(_secrets.Scrub(e.Message))}");
            }
            catch (OperationCanceledException)
            {
                throw TimedOut(what);
            }
            catch (Exception e) when (IsNotTheRegistryApi(e))
            {
                // A 200 whose body is not the JSON the endpoint answers: a proxy's error page, a captive portal,
                // another service on the port. The body is not repeated: it may be anything, of any size.
                throw new RegistryUnavailableException(
                    $"the registry at {DisplayName} answered something that is not Schema Registry's REST API while {what}");
            }
            catch (System.IO.IOException e)
            {
                throw new RegistryUnavailableException($"cannot reach the registry {DisplayName} while {what}: {Echo.Cut(_secrets.Scrub(e.Message))}");
            }
        }

        // No inner exception on purpose: the client's text may echo request details.
        private RegistryUnavailableException Refused(int status) =>
            new RegistryUnavailableException($"the registry refused the credentials ({status}): {DisplayName}");

        private RegistryUnavailableException TimedOut(string what) =>
            new RegistryUnavailableException($"the registry {DisplayName} did not answer within {_timeout.TotalSeconds:0.###} s while {what} (after retries)");

        private static bool IsTimeout(Exception e) => Any(e, inner => inner is OperationCanceledException || inner is TimeoutException);

        private static bool IsConnectionReset(Exception e) =>
            Any(e, inner => inner is System.Net.Sockets.SocketException socket
                && (socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset || socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionAborted));

        /// <summary>HttpClient's own error for an answer past <c>MaxResponseContentBufferSize</c> (it has no type of its own).</summary>
        private static bool IsTooLarge(Exception e) =>
            Any(e, inner => inner.Message.IndexOf("maximum buffer size", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>What the client throws when a body is not the JSON it expects: not JSON at all, or JSON of another shape.</summary>
        private static bool IsNotTheRegistryApi(Exception e) =>
            e is NotTheRegistryApiException || e is Newtonsoft.Json.JsonException || e is FormatException || e is InvalidCastException
            || e is OverflowException || e is ArgumentException;

        private static bool Any(Exception e, Func<Exception, bool> test)
        {
            for (Exception? inner = e; inner != null; inner = inner.InnerException)
            {
                if (test(inner)) return true;
                if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(x => Any(x, test))) return true;
            }
            return false;
        }

        /// <summary>An answer that parsed but lacks what every registry answer of its kind has.</summary>
        private sealed class NotTheRegistryApiException : Exception
        {
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
