using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.TestSupport
{
    /// <summary>
    /// An in-process HTTP server speaking the part of Confluent Schema Registry's REST API that the official
    /// client calls: subjects, versions, registration, lookup, compatibility checks, config and schemas by id,
    /// with the registry's JSON bodies, content type and error bodies (<c>{"error_code":40401,...}</c>).
    /// Its compatibility verdicts come from <see cref="Verdict"/>: by default it runs our engine with the
    /// test format at the subject's level, so tests can also script a verdict that disagrees.
    /// It can demand credentials, fail the next requests with a status, and delay answers.
    /// </summary>
    internal sealed class FakeSchemaRegistry : IDisposable
    {
        private const string ContentType = "application/vnd.schemaregistry.v1+json";

        private readonly HttpListener _listener = new HttpListener();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly Dictionary<string, List<Version>> _subjects = new Dictionary<string, List<Version>>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _subjectConfig = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new ConcurrentQueue<(int, string?)>();
        private int _nextId = 1;
        private int _requestCount;

        public FakeSchemaRegistry()
        {
            Verdict = EngineVerdict;
            // A free port can be taken by a parallel test between the probe and Start: try another one.
            for (int attempt = 1; ; attempt++)
            {
                Url = $"http://127.0.0.1:{FreePort()}";
                _listener.Prefixes.Add(Url + "/");
                try
                {
                    _listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    _listener.Prefixes.Clear();
                }
            }
            _ = Task.Run(AcceptLoop);
        }

        public string Url { get; private set; }

        public string GlobalLevel { get; set; } = "BACKWARD";

        /// <summary>When set, requests must carry exactly this Authorization header value, else 401.</summary>
        public string? RequiredAuthorization { get; set; }

        /// <summary>Every answer waits this long first.</summary>
        public TimeSpan Delay { get; set; } = TimeSpan.Zero;

        /// <summary>The server's compatibility verdict (subject, level, history oldest first, candidate).</summary>
        public Func<string, CompatibilityLevel, IReadOnlyList<SchemaSource>, SchemaSource, bool> Verdict { get; set; }

        /// <summary>The formats the default verdict uses: the test format unless a test asks for the real engines.</summary>
        public Func<SchemaType, ISchemaFormat> Formats { get; set; } = _ => FieldListFormat.Instance;

        /// <summary>Registrations under this subject are answered 503 (a registry failing half-way through a batch).</summary>
        public string? FailRegistrationOf { get; set; }

        /// <summary>Requests whose path contains this text are answered 500 (a registry failing part of the way through a read).</summary>
        public string? FailPathsContaining { get; set; }

        /// <summary>"METHOD path?query" of every request, in order.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>The Authorization headers received.</summary>
        public ConcurrentQueue<string> Authorizations { get; } = new ConcurrentQueue<string>();

        /// <summary>
        /// The next <paramref name="count"/> requests are answered with <paramref name="status"/>, with a
        /// <c>Retry-After</c> header of <paramref name="retryAfter"/> (seconds or an HTTP-date) when given.
        /// </summary>
        public void FailNext(int status, int count = 1, string? retryAfter = null)
        {
            for (int i = 0; i < count; i++) _failures.Enqueue((status, retryAfter));
        }

        /// <summary>When above 0, every n-th request (the n-th, 2n-th, ...) is answered 500: one bad node of n behind a round-robin balancer.</summary>
        public int FailEveryNth { get; set; }

        /// <summary>When each request arrived, in order (to see how long the client waited between attempts).</summary>
        public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new ConcurrentQueue<DateTimeOffset>();

        /// <summary>Adds a version directly, as if someone else registered it.</summary>
        public int Seed(string subject, string schema, string schemaType = "JSON", params (string Name, string Subject, int Version)[] references)
        {
            lock (_gate)
            {
                if (!_subjects.TryGetValue(subject, out List<Version>? versions)) _subjects[subject] = versions = new List<Version>();
                var version = new Version(versions.Count + 1, _nextId++, schemaType, schema, references.ToList());
                versions.Add(version);
                return version.Number;
            }
        }

        public void SetSubjectLevel(string subject, string level)
        {
            lock (_gate) _subjectConfig[subject] = level;
        }

        public IReadOnlyList<(int Number, string Schema, IReadOnlyList<(string Name, string Subject, int Version)> References)> Versions(string subject)
        {
            lock (_gate)
            {
                return _subjects.TryGetValue(subject, out List<Version>? versions)
                    ? versions.Select(v => (v.Number, v.Schema, (IReadOnlyList<(string, string, int)>)v.References)).ToList()
                    : new List<(int, string, IReadOnlyList<(string, string, int)>)>();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _listener.Stop();
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }
            catch (HttpListenerException)
            {
                // Closing re-binds the port to release its prefix; when a parallel test holds that port by now,
                // the listener is closed all the same.
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            try
            {
                HttpListenerRequest request = context.Request;
                string path = request.Url!.AbsolutePath;
                Arrivals.Enqueue(DateTimeOffset.UtcNow);
                int number = Interlocked.Increment(ref _requestCount);
                Requests.Enqueue($"{request.HttpMethod} {request.Url.PathAndQuery}");
                Authorizations.Enqueue(request.Headers["Authorization"] ?? "");
                string body;
                using (var reader = new System.IO.StreamReader(request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();

                if (Delay > TimeSpan.Zero) await Task.Delay(Delay, _stop.Token);

                (int Status, string? RetryAfter) failure = default;
                (int status, JsonNode? answer) = RequiredAuthorization != null && request.Headers["Authorization"] != RequiredAuthorization
                    ? (401, Error(40101, "Unauthorized"))
                    : FailPathsContaining != null && path.Contains(FailPathsContaining, StringComparison.Ordinal)
                        ? (500, Error(50001, "scripted failure"))
                    : FailEveryNth > 0 && number % FailEveryNth == 0
                        ? (500, Error(50001, "scripted failure"))
                    : _failures.TryDequeue(out failure)
                        ? (failure.Status, Error(failure.Status * 100 + 1, "scripted failure"))
                        : Route(request.HttpMethod, path, request.QueryString["verbose"] == "true", body);
                if (failure.RetryAfter != null) context.Response.AddHeader("Retry-After", failure.RetryAfter);

                byte[] bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "null");
                context.Response.StatusCode = status;
                context.Response.ContentType = ContentType;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
                context.Response.Close();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // Shutting down: the client has gone.
            }
            catch (HttpListenerException)
            {
                // The client gave up (a timeout test): nothing to answer.
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private (int, JsonNode?) Route(string method, string path, bool verbose, string body)
        {
            string[] parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
            lock (_gate)
            {
                switch (method, parts)
                {
                    case ("GET", ["subjects"]):
                        return (200, new JsonArray(_subjects.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()));
                    case ("GET", ["subjects", var s, "versions"]):
                        return _subjects.TryGetValue(s, out List<Version>? vs)
                            ? (200, new JsonArray(vs.Select(v => (JsonNode)JsonValue.Create(v.Number)!).ToArray()))
                            : SubjectNotFound(s);
                    case ("GET", ["subjects", var s, "versions", var v]):
                        return FindVersion(s, v) is Version found ? (200, found.ToJson(s)) : VersionNotFound(s, v);
                    case ("POST", ["subjects", var s, "versions"]) when s == FailRegistrationOf:
                        return (503, Error(50301, "scripted: registrations of this subject fail"));
                    case ("POST", ["subjects", var s, "versions"]):
                        return Register(s, JsonNode.Parse(body)!);
                    case ("POST", ["subjects", var s]):
                        return Lookup(s, JsonNode.Parse(body)!);
                    case ("POST", ["compatibility", "subjects", var s, "versions", var v]):
                        return CheckCompatibility(s, v, JsonNode.Parse(body)!, verbose);
                    case ("GET", ["config"]):
                        return (200, new JsonObject { ["compatibilityLevel"] = GlobalLevel });
                    case ("PUT", ["config"]):
                        GlobalLevel = (string)JsonNode.Parse(body)!["compatibility"]!;
                        return (200, new JsonObject { ["compatibility"] = GlobalLevel });
                    case ("GET", ["config", var s]):
                        return _subjectConfig.TryGetValue(s, out string? level)
                            ? (200, new JsonObject { ["compatibilityLevel"] = level })
                            : (404, Error(40408, $"Subject '{s}' does not have subject-level compatibility configured"));
                    case ("PUT", ["config", var s]):
                        _subjectConfig[s] = (string)JsonNode.Parse(body)!["compatibility"]!;
                        return (200, new JsonObject { ["compatibility"] = _subjectConfig[s] });
                    case ("GET", ["schemas", "ids", var id]):
                        Version? byId = _subjects.Values.SelectMany(x => x).FirstOrDefault(x => x.Id.ToString() == id);
                        if (byId == null) return (404, Error(40403, "Schema not found"));
                        JsonObject schema = byId.ToJson(null);
                        schema.Remove("subject");
                        schema.Remove("version");
                        schema.Remove("id");
                        return (200, schema);
                    default:
                        return (404, Error(404, $"HTTP 404 Not Found: {method} {path}"));
                }
            }
        }

        private (int, JsonNode?) Register(string subject, JsonNode body)
        {
            Version candidate = Candidate(body);
            if (_subjects.TryGetValue(subject, out List<Version>? versions) && versions.FirstOrDefault(v => v.SameAs(candidate)) is Version existing)
                return (200, new JsonObject { ["id"] = existing.Id });
            if (!ReferencesExist(candidate)) return (422, Error(42201, "Invalid schema: a reference does not exist"));
            if (versions != null && !Judge(subject, versions, candidate))
                return (409, Error(409, "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\""));
            Seed(subject, candidate.Schema, candidate.SchemaType, candidate.References.ToArray());
            return (200, new JsonObject { ["id"] = _subjects[subject].Last().Id });
        }

        private (int, JsonNode?) Lookup(string subject, JsonNode body)
        {
            Version candidate = Candidate(body);
            if (!_subjects.TryGetValue(subject, out List<Version>? versions)) return SubjectNotFound(subject);
            Version? found = versions.FirstOrDefault(v => v.SameAs(candidate));
            return found == null ? (404, Error(40403, "Schema not found")) : (200, found.ToJson(subject));
        }

        private (int, JsonNode?) CheckCompatibility(string subject, string version, JsonNode body, bool verbose)
        {
            if (!_subjects.TryGetValue(subject, out List<Version>? versions)) return SubjectNotFound(subject);
            if (version != "latest" && FindVersion(subject, version) == null) return VersionNotFound(subject, version);
            bool compatible = Judge(subject, versions, Candidate(body));
            var answer = new JsonObject { ["is_compatible"] = compatible };
            if (verbose) answer["messages"] = new JsonArray();
            return (200, answer);
        }

        private bool Judge(string subject, List<Version> versions, Version candidate)
        {
            string levelName = _subjectConfig.TryGetValue(subject, out string? configured) ? configured : GlobalLevel;
            CompatibilityLevel level = CompatibilityLevels.Parse(levelName) ?? CompatibilityLevel.Backward;
            return Verdict(subject, level, versions.Select(v => Source(v, subject)).ToList(), Source(candidate, subject));
        }

        private SchemaSource Source(Version version, string subject)
        {
            var references = version.References.ToDictionary(
                r => r.Name,
                r => Source(FindVersion(r.Subject, r.Version.ToString())!, r.Subject));
            return new SchemaSource(version.Schema, SchemaTypes.Parse(version.SchemaType) ?? SchemaType.Avro,
                $"{subject}/versions/{version.Number}", new InMemoryReferenceResolver(references));
        }

        private bool ReferencesExist(Version candidate) =>
            candidate.References.All(r => FindVersion(r.Subject, r.Version.ToString()) != null);

        private bool EngineVerdict(string subject, CompatibilityLevel level, IReadOnlyList<SchemaSource> history, SchemaSource candidate)
        {
            ISchemaFormat format = Formats(candidate.Type);
            return CompatibilityChecker.Check(format, format.Parse(candidate), history.Select(format.Parse).ToList(), level).IsCompatible;
        }

        private Version? FindVersion(string subject, string version)
        {
            if (!_subjects.TryGetValue(subject, out List<Version>? versions) || versions.Count == 0) return null;
            if (version == "latest" || version == "-1") return versions.Last();
            return versions.FirstOrDefault(v => v.Number.ToString() == version);
        }

        private static Version Candidate(JsonNode body)
        {
            var references = (body["references"] as JsonArray ?? new JsonArray())
                .Select(r => ((string)r!["name"]!, (string)r["subject"]!, (int)r["version"]!))
                .ToList();
            return new Version(0, 0, (string?)body["schemaType"] ?? "AVRO", (string)body["schema"]!, references);
        }

        private static (int, JsonNode?) SubjectNotFound(string subject) => (404, Error(40401, $"Subject '{subject}' not found."));

        private static (int, JsonNode?) VersionNotFound(string subject, string version) => (404, Error(40402, $"Version {version} not found."));

        private static JsonObject Error(int code, string message) => new JsonObject { ["error_code"] = code, ["message"] = message };

        private sealed class Version
        {
            public Version(int number, int id, string schemaType, string schema, List<(string Name, string Subject, int Version)> references)
            {
                Number = number;
                Id = id;
                SchemaType = schemaType;
                Schema = schema;
                References = references;
            }

            public int Number { get; }
            public int Id { get; }
            public string SchemaType { get; }
            public string Schema { get; }
            public List<(string Name, string Subject, int Version)> References { get; }

            public bool SameAs(Version other) =>
                other.Schema == Schema && other.SchemaType == SchemaType && other.References.SequenceEqual(References);

            public JsonObject ToJson(string? subject)
            {
                var json = new JsonObject
                {
                    ["subject"] = subject,
                    ["version"] = Number,
                    ["id"] = Id,
                    ["schema"] = Schema,
                    ["references"] = new JsonArray(References.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["subject"] = r.Subject,
                        ["version"] = r.Version,
                    }).ToArray()),
                };
                // The registry leaves schemaType out for Avro, its default.
                if (SchemaType != "AVRO") json["schemaType"] = SchemaType;
                return json;
            }
        }
    }
}
