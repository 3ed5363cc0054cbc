using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Sr = Confluent.SchemaRegistry;

namespace EventGovernance.Registry
{
    /// <summary>
    /// The gate's own retries for every request the Confluent client sends. The client (2.x) retries 408/429/5xx
    /// with a fixed exponential backoff, ignores <c>Retry-After</c>, and gives each attempt a fresh timeout, so a
    /// registry asking for a pause was asked again too early and a flaky one could stall a build far longer than
    /// the configured timeout. Here a request has one time budget, <see cref="Budget"/> (the timeout times the
    /// attempts): a <c>Retry-After</c> (seconds or HTTP-date, on 429 and 503) is waited for as asked when it fits
    /// in what is left of it; one that does not fails at once with <see cref="RetryAfterTooLongException"/>.
    /// The client accepts no handler, so <see cref="Install"/> wraps the client's own HttpClients (found by their
    /// private field names, as <see cref="ResponseSizeLimit"/> does); the client itself then makes one attempt.
    /// </summary>
    internal sealed class RegistryRetries
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        public RegistryRetries(TimeSpan timeout, int maxRetries, TimeSpan firstWait, TimeSpan maxWait)
        {
            Timeout = timeout;
            MaxRetries = Math.Max(0, maxRetries);
            FirstWait = firstWait;
            MaxWait = maxWait;
        }

        /// <summary>One attempt, from sending to the last byte of the answer.</summary>
        public TimeSpan Timeout { get; }

        public int MaxRetries { get; }
        public TimeSpan FirstWait { get; }
        public TimeSpan MaxWait { get; }

        /// <summary>All attempts of one request and the waits between them together: never exceeded.</summary>
        public TimeSpan Budget => BudgetFor(Timeout, MaxRetries);

        /// <summary>The longest one request can take with this timeout and number of retries.</summary>
        public static TimeSpan BudgetFor(TimeSpan timeout, int maxRetries) => TimeSpan.FromTicks(timeout.Ticks * (Math.Max(0, maxRetries) + 1));

        /// <summary>408, 429 and 5xx gateway/availability answers: worth asking again (the client's own list).</summary>
        public static bool IsTransient(int status) =>
            status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>The backoff before retry <paramref name="retry"/> (0-based) when the registry named no wait.</summary>
        public TimeSpan Backoff(int retry)
        {
            double ms = FirstWait.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 20));
            return TimeSpan.FromMilliseconds(Math.Min(ms, MaxWait.TotalMilliseconds));
        }

        /// <summary>How long a <c>Retry-After</c> asks to wait from <paramref name="now"/> (never negative); null when absent.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            RetryConditionHeaderValue? header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header?.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
            return null;
        }

        /// <summary>Wraps each of the client's HttpClients; false when the client's internals are not where expected.</summary>
        public bool Install(Sr.CachedSchemaRegistryClient client, long maxResponseBytes)
        {
            object? restService = client.GetType().GetField("restService", Instance)?.GetValue(client);
            if (restService == null) return false;
            if (!(restService.GetType().GetField("clients", Instance)?.GetValue(restService) is IList httpClients) || httpClients.Count == 0) return false;
            for (int i = 0; i < httpClients.Count; i++)
            {
                if (!(httpClients[i] is HttpClient original)) return false;
                httpClients[i] = new HttpClient(new Handler(original, this))
                {
                    BaseAddress = original.BaseAddress,
                    // The handler enforces the budget; the original HttpClient times each attempt.
                    Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                    MaxResponseContentBufferSize = maxResponseBytes,
                };
            }
            return true;
        }

        /// <summary>Sends through the client's original HttpClient (its TLS, proxy, attempt timeout and size limit), retrying as above.</summary>
        private sealed class Handler : HttpMessageHandler
        {
            private readonly HttpClient _inner;
            private readonly RegistryRetries _policy;

            public Handler(HttpClient inner, RegistryRetries policy)
            {
                _inner = inner;
                _policy = policy;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                DateTimeOffset deadline = DateTimeOffset.UtcNow + _policy.Budget;
                byte[]? body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                for (int retry = 0; ; retry++)
                {
                    bool last = retry >= _policy.MaxRetries;
                    TimeSpan left = deadline - DateTimeOffset.UtcNow;
                    HttpResponseMessage response;
                    using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        attempt.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
                        try
                        {
                            response = await _inner.SendAsync(Copy(request, body), attempt.Token).ConfigureAwait(false);
                        }
                        catch (Exception e) when (!last && !cancellationToken.IsCancellationRequested && (e is HttpRequestException || e is OperationCanceledException))
                        {
                            // No connection, a reset or a timed-out attempt: transient, like a 503.
                            if (!await WaitAsync(_policy.Backoff(retry), deadline, cancellationToken).ConfigureAwait(false)) throw;
                            continue;
                        }
                    }
                    int status = (int)response.StatusCode;
                    if (last || !IsTransient(status)) return response;

                    DateTimeOffset now = DateTimeOffset.UtcNow;
                    TimeSpan? asked = RetryAfter(response, now);
                    if (asked is TimeSpan wait && now + wait > deadline)
                    {
                        response.Dispose();
                        throw new RetryAfterTooLongException(status, wait, deadline - now, _policy);
                    }
                    if (!await WaitAsync(asked ?? _policy.Backoff(retry), deadline, cancellationToken).ConfigureAwait(false)) return response;
                    response.Dispose();
                }
            }

            /// <summary>Waits unless the wait would pass the deadline (then false: the caller gives up with what it has).</summary>
            private static async Task<bool> WaitAsync(TimeSpan wait, DateTimeOffset deadline, CancellationToken cancellationToken)
            {
                if (DateTimeOffset.UtcNow + wait >= deadline) return false;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                return true;
            }

            /// <summary>HttpClient sends a request message once; each attempt gets its own copy.</summary>
            private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
            {
                var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
                foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                if (body != null)
                {
                    copy.Content = new ByteArrayContent(body);
                    foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content!.Headers)
                        copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                return copy;
            }
        }
    }

    /// <summary>
    /// The registry asked (with <c>Retry-After</c>) for a pause longer than the request's time budget has left.
    /// Not an HttpRequestException on purpose: the client would fold it into a text-only error.
    /// </summary>
    internal sealed class RetryAfterTooLongException : Exception
    {
        public RetryAfterTooLongException(int status, TimeSpan asked, TimeSpan left, RegistryRetries policy)
            : base($"answered {status} asking to retry after {Seconds(asked)} s, more than the {Seconds(left)} s left of the request's "
                + $"time limit ({Seconds(policy.Timeout)} s per attempt, {policy.MaxRetries + 1} attempt(s))")
        {
        }

        private static string Seconds(TimeSpan span) => Math.Max(0, span.TotalSeconds).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
