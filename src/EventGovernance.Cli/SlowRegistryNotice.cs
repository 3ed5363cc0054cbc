using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using EventGovernance.Registry;

namespace EventGovernance.Cli
{
    /// <summary>
    /// A remote registry that says, once, on stderr, when a request has not been answered after a short while,
    /// so a slow registry is not mistaken for a hung eventgov. Never more than one line per command, never on
    /// stdout (which scripts parse), and only the registry's display name: it carries no credentials.
    /// </summary>
    internal sealed class SlowRegistryNotice : ISchemaRegistry, IDisposable
    {
        private readonly ISchemaRegistry _inner;
        private readonly TextWriter _stderr;
        private readonly TimeSpan _delay;
        private readonly string _notice;
        private int _told;

        private SlowRegistryNotice(ISchemaRegistry inner, TextWriter stderr, TimeSpan delay, TimeSpan timeout)
        {
            _inner = inner;
            _stderr = stderr;
            _delay = delay;
            string seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            _notice = $"eventgov: waiting for the registry at {inner.DisplayName} (timeout {seconds} s)...";
        }

        /// <summary>Opens the registry; a remote one is watched. An embedded registry is a local directory: never slow enough to tell.</summary>
        public static ISchemaRegistry Open(RegistryOptions options, CliContext context)
        {
            ISchemaRegistry registry = SchemaRegistries.Open(options);
            // A request can take its timeout once per attempt; when even that is no longer than the delay, the answer
            // (or the EG1003 that says why there is none) comes as soon as a notice would, and the notice is noise.
            return options.IsRemote && RegistryRetries.BudgetFor(options.Timeout, options.MaxRetries) > context.ProgressDelay
                ? new SlowRegistryNotice(registry, context.Error, context.ProgressDelay, options.Timeout)
                : registry;
        }

        public string DisplayName => _inner.DisplayName;

        public Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default) =>
            Watch(_inner.GetSubjectsAsync(cancellationToken));

        public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default) =>
            Watch(_inner.GetVersionsAsync(subject, cancellationToken));

        public Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default) =>
            Watch(_inner.GetSchemaAsync(subject, version, cancellationToken));

        public Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default) =>
            Watch(_inner.GetCompatibilityAsync(subject, cancellationToken));

        public Task<bool?> TestCompatibilityAsync(string subject, SchemaType type, string text, IReadOnlyList<SchemaReference> references,
            CancellationToken cancellationToken = default) =>
            Watch(_inner.TestCompatibilityAsync(subject, type, text, references, cancellationToken));

        public Task<int> RegisterAsync(string subject, SchemaType type, string text, IReadOnlyList<SchemaReference> references,
            CancellationToken cancellationToken = default) =>
            Watch(_inner.RegisterAsync(subject, type, text, references, cancellationToken));

        public void Dispose() => (_inner as IDisposable)?.Dispose();

        private async Task<T> Watch<T>(Task<T> request)
        {
            if (Volatile.Read(ref _told) == 0 && !request.IsCompleted)
            {
                using var stopWaiting = new CancellationTokenSource();
                Task first = await Task.WhenAny(request, Task.Delay(_delay, stopWaiting.Token)).ConfigureAwait(false);
                stopWaiting.Cancel();
                // The command waits for its requests, so nothing else writes to stderr meanwhile.
                if (first != request && Interlocked.Exchange(ref _told, 1) == 0) _stderr.WriteLine(_notice);
            }
            return await request.ConfigureAwait(false);
        }
    }
}
