using System;

namespace EventGovernance.Registry
{
    /// <summary>Where the registry is and how to talk to it.</summary>
    public sealed class RegistryOptions
    {
        public const string UrlVariable = "SCHEMA_REGISTRY_URL";
        public const string BasicAuthVariable = "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO";
        public const string BearerTokenVariable = "SCHEMA_REGISTRY_BEARER_TOKEN";
        public const string SslCaLocationVariable = "SCHEMA_REGISTRY_SSL_CA_LOCATION";

        /// <summary>An http(s) URL (Confluent Schema Registry) or a directory (embedded registry).</summary>
        public string Location { get; set; } = "";

        /// <summary>"user:password" for basic authentication; never printed.</summary>
        public string? BasicAuthUserInfo { get; set; }

        /// <summary>A static bearer token; never printed.</summary>
        public string? BearerToken { get; set; }

        /// <summary>A PEM file of CA certificates to trust for an https registry with a private CA (else the system's trust store).</summary>
        public string? SslCaLocation { get; set; }

        // The defaults are the build's: the gate asks a remote registry on every build, so a registry that
        // hangs must cost seconds, not minutes. Worst case with them: two attempts and the wait between them
        // within one budget of 2 x DefaultTimeout (10 s, see RegistryRetries), after which the first failed
        // request ends the whole check.
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
        public const int DefaultMaxRetries = 1;

        /// <summary>How long one HTTP request may take, from sending it to the last byte of the answer.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>How often a request that failed for a transient reason (network, timeout, 408/429/5xx) is tried again; a Retry-After is honoured within the budget.</summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>First wait before a retry; later waits back off exponentially (with jitter) up to <see cref="MaxRetryWait"/>.</summary>
        public TimeSpan RetryWait { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The most retries accepted: more only multiplies how long a dead registry stalls the build.</summary>
        public const int MaxRetriesAllowed = 10;

        /// <summary>A timeout in seconds (a positive number, invariant culture: <c>1</c>, <c>2.5</c>); null when it is not one.</summary>
        public static TimeSpan? ParseTimeout(string? text)
        {
            if (!double.TryParse((text ?? "").Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds)
                || !(seconds > 0) || seconds > int.MaxValue / 1000.0)
                return null;
            return TimeSpan.FromSeconds(seconds);
        }

        /// <summary>A retry count (a whole number from 0 to <see cref="MaxRetriesAllowed"/>); null when it is not one.</summary>
        public static int? ParseRetries(string? text) =>
            int.TryParse((text ?? "").Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count)
            && count <= MaxRetriesAllowed ? count : (int?)null;

        /// <summary>True when <see cref="Location"/> names a Confluent Schema Registry.</summary>
        public bool IsRemote => IsUrl(Location);

        /// <summary>
        /// Options from the environment: the location is the argument when given, else
        /// <c>SCHEMA_REGISTRY_URL</c>; credentials come from <c>SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO</c> and
        /// <c>SCHEMA_REGISTRY_BEARER_TOKEN</c>, a private CA from <c>SCHEMA_REGISTRY_SSL_CA_LOCATION</c>. Callers overwrite properties afterwards to let explicit values win.
        /// </summary>
        public static RegistryOptions FromEnvironment(string? location) => FromEnvironment(location, Environment.GetEnvironmentVariable);

        /// <summary>As <see cref="FromEnvironment(string?)"/>, reading the variables through <paramref name="variable"/> (a caller's own environment).</summary>
        public static RegistryOptions FromEnvironment(string? location, Func<string, string?> variable)
        {
            if (variable == null) throw new ArgumentNullException(nameof(variable));
            return new RegistryOptions
            {
                Location = NonEmpty(location) ?? NonEmpty(variable(UrlVariable)) ?? "",
                BasicAuthUserInfo = NonEmpty(variable(BasicAuthVariable)),
                BearerToken = NonEmpty(variable(BearerTokenVariable)),
                SslCaLocation = NonEmpty(variable(SslCaLocationVariable)),
            };
        }

        internal static bool IsUrl(string? location) =>
            location != null &&
            (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// What is wrong with a registry location, or null when it is usable. A URL with another scheme
        /// (ftp://, file://, a typo) is refused rather than taken for a directory name, which would pass
        /// every check against an empty registry and write the URL, credentials and all, to disk. The
        /// message never repeats the location, so a password in it is never printed.
        /// </summary>
        public static string? LocationProblem(string? location)
        {
            string text = (location ?? "").Trim();
            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (IsUrl(text))
                return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0
                    ? null
                    : "the registry URL is not a valid http(s) URL";
            if (schemeEnd > 0 && IsScheme(text.Substring(0, schemeEnd)))
                return $"the registry is a '{text.Substring(0, schemeEnd)}' URL; give an http(s) URL or a directory";
            return null;
        }

        private static bool IsScheme(string text)
        {
            if (!char.IsLetter(text[0])) return false;
            foreach (char c in text)
                if (!(char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) return false;
            return true;
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Opens the registry an options object names.</summary>
    public static class SchemaRegistries
    {
        /// <summary>An http(s) URL opens Confluent Schema Registry; anything else is an embedded registry directory.</summary>
        public static ISchemaRegistry Open(RegistryOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (string.IsNullOrWhiteSpace(options.Location))
                throw new RegistryUnavailableException("no registry given: pass a directory or an http(s) URL, or set " + RegistryOptions.UrlVariable);
            if (RegistryOptions.LocationProblem(options.Location) is string problem)
                throw new RegistryUnavailableException(problem);
            return options.IsRemote ? new ConfluentRegistry(options) : (ISchemaRegistry)new EmbeddedRegistry(options.Location);
        }
    }
}
