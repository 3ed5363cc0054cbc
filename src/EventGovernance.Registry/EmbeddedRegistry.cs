using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Registry
{
    /// <summary>
    /// A registry kept in a directory, laid out like the registry's data model so it can live in the
    /// repository next to the contracts:
    /// <code>
    /// &lt;root&gt;/config.json                                 {"compatibilityLevel": "BACKWARD"}  (optional, global)
    /// &lt;root&gt;/subjects/&lt;subject&gt;/config.json              (optional, per subject)
    /// &lt;root&gt;/subjects/&lt;subject&gt;/versions/&lt;n&gt;.json|.avsc|.proto   the schema text of version n
    /// &lt;root&gt;/subjects/&lt;subject&gt;/versions/&lt;n&gt;.references.json  [{"name","subject","version"}] (optional)
    /// </code>
    /// Subject directory names are escaped with <see cref="SubjectFileNames"/>. Every file is written to a
    /// temporary file in the same directory and renamed into place, so readers never see half a file; a
    /// version's references are written before the version itself and removed again if that fails, so
    /// a version exists completely or not at all (the version file is what makes it exist).
    /// </summary>
    public sealed class EmbeddedRegistry : ISchemaRegistry, IRollbackRegistry
    {
        internal const string ConfigFileName = "config.json";
        private const string ReferencesSuffix = ".references.json";
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        public EmbeddedRegistry(string rootDirectory)
        {
            if (string.IsNullOrWhiteSpace(rootDirectory)) throw new ArgumentException("a registry directory is needed", nameof(rootDirectory));
            Root = Path.GetFullPath(rootDirectory);
        }

        public string Root { get; }

        public string DisplayName => Root;

        /// <summary>Test hook: called with the final path just before each file is renamed into place.</summary>
        internal Action<string>? BeforeCommit { get; set; }

        private string SubjectsDirectory => Path.Combine(Root, "subjects");

        private string SubjectDirectory(string subject) => Path.Combine(SubjectsDirectory, SubjectFileNames.Escape(subject));

        private string VersionsDirectory(string subject) => Path.Combine(SubjectDirectory(subject), "versions");

        public Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default)
        {
            var subjects = new List<string>();
            if (Directory.Exists(SubjectsDirectory))
            {
                foreach (string dir in Directory.GetDirectories(SubjectsDirectory))
                {
                    string name = Path.GetFileName(dir);
                    string subject = SubjectFileNames.Unescape(name)
                        ?? throw new SchemaException(dir, $"'{name}' is not an escaped subject name (see SubjectFileNames: letters, digits, '-', '_', '.' and %XX escapes)");
                    if (ListVersionFiles(subject).Count > 0) subjects.Add(subject);
                }
            }
            subjects.Sort(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<string>>(subjects);
        }

        public Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<int>>(ListVersionFiles(subject).Keys.ToList());

        public Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default)
        {
            if (!ListVersionFiles(subject).TryGetValue(version, out string? file))
                throw new RegistryUnavailableException($"subject '{Echo.Cut(subject)}' has no version {version} in the embedded registry at {Echo.Cut(Root)}");
            SchemaType type = SchemaTypes.FromFileName(file)!.Value;
            string text = ReadText(file);
            string referencesFile = ReferencesFile(subject, version);
            IReadOnlyList<SchemaReference> references = File.Exists(referencesFile)
                ? ReadReferences(referencesFile)
                : Array.Empty<SchemaReference>();
            return Task.FromResult(new RegisteredSchema(subject, version, type, text, references, file));
        }

        public Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default)
        {
            string file = subject == null ? Path.Combine(Root, ConfigFileName) : Path.Combine(SubjectDirectory(subject), ConfigFileName);
            if (File.Exists(file)) RefuseLinks(file);
            return Task.FromResult<CompatibilityLevel?>(File.Exists(file) ? ReadConfig(file) : null);
        }

        /// <summary>The embedded registry has no judge of its own: our engine decides.</summary>
        public Task<bool?> TestCompatibilityAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default) =>
            Task.FromResult<bool?>(null);

        public async Task<int> RegisterAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default)
        {
            // Like the registry: registering a schema the subject already has returns that version.
            IReadOnlyList<int> versions = await GetVersionsAsync(subject, cancellationToken).ConfigureAwait(false);
            foreach (int existing in versions)
            {
                RegisteredSchema registered = await GetSchemaAsync(subject, existing, cancellationToken).ConfigureAwait(false);
                if (registered.Type == type && SameText(registered.Text, text) && SameReferences(registered.References, references))
                    return existing;
            }
            int next = versions.Count == 0 ? 1 : versions[versions.Count - 1] + 1;
            WriteVersion(subject, next, type, text, references, overwrite: false);
            return next;
        }

        /// <summary>Writes a version with a given number (used to mirror another registry); replaces what is there.</summary>
        public Task WriteVersionAsync(string subject, int version, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default)
        {
            if (version < 1) throw new ArgumentOutOfRangeException(nameof(version), "versions start at 1");
            WriteVersion(subject, version, type, text, references, overwrite: true);
            return Task.CompletedTask;
        }

        /// <summary>Sets (or with null, removes) the level of a subject, or the global level when subject is null.</summary>
        public Task SetCompatibilityAsync(string? subject, CompatibilityLevel? level, CancellationToken cancellationToken = default)
        {
            string dir = subject == null ? Root : SubjectDirectory(subject);
            string file = Path.Combine(dir, ConfigFileName);
            Guard(file, () =>
            {
                if (level == null)
                {
                    if (File.Exists(file)) File.Delete(file);
                    return;
                }
                var json = new JObject { ["compatibilityLevel"] = level.Value.ToRegistryName() };
                WriteAtomically(file, json.ToString(Formatting.Indented) + "\n", overwrite: true);
            });
            return Task.CompletedTask;
        }

        /// <summary>Removes a version this process just registered (a batch that failed half-way is undone).</summary>
        Task IRollbackRegistry.RemoveVersionAsync(string subject, int version, CancellationToken cancellationToken)
        {
            if (ListVersionFiles(subject).TryGetValue(version, out string? file))
            {
                Guard(file, () =>
                {
                    File.Delete(file);
                    string references = ReferencesFile(subject, version);
                    if (File.Exists(references)) File.Delete(references);
                    RemoveCreatedDirectories(subject);
                });
            }
            return Task.CompletedTask;
        }

        // Directories this instance created for new versions, so an undone batch leaves the tree as it found it.
        private readonly HashSet<string> _createdDirectories = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Creates the versions directory of a subject, remembering each level that did not exist yet.</summary>
        private void CreateVersionsDirectory(string dir)
        {
            var missing = new List<string>();
            for (string? level = dir; level != null && !Directory.Exists(level); level = Path.GetDirectoryName(level))
                missing.Add(level);
            Directory.CreateDirectory(dir);
            lock (_createdDirectories)
                foreach (string level in missing) _createdDirectories.Add(level);
        }

        /// <summary>Removes, deepest first, the now-empty directories this instance created for a subject's versions.</summary>
        private void RemoveCreatedDirectories(string subject)
        {
            lock (_createdDirectories)
            {
                for (string? level = VersionsDirectory(subject); level != null && _createdDirectories.Contains(level); level = Path.GetDirectoryName(level))
                {
                    if (!Directory.Exists(level) || Directory.EnumerateFileSystemEntries(level).Any()) return;
                    Directory.Delete(level);
                    _createdDirectories.Remove(level);
                }
            }
        }

        private void WriteVersion(string subject, int version, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, bool overwrite)
        {
            string dir = VersionsDirectory(subject);
            string versionFile = Path.Combine(dir, version.ToString(CultureInfo.InvariantCulture) + type.FileExtension());
            string referencesFile = ReferencesFile(subject, version);
            Guard(versionFile, () =>
            {
                CreateVersionsDirectory(dir);
                if (overwrite)
                {
                    // A mirrored version may change type: drop a file of another extension for the same number.
                    foreach (SchemaType other in new[] { SchemaType.Json, SchemaType.Avro, SchemaType.Protobuf })
                    {
                        string otherFile = Path.Combine(dir, version.ToString(CultureInfo.InvariantCulture) + other.FileExtension());
                        if (other != type && File.Exists(otherFile)) File.Delete(otherFile);
                    }
                }
                bool wroteReferences = false;
                try
                {
                    if (references.Count > 0)
                    {
                        WriteAtomically(referencesFile, ReferencesJson(references), overwrite: true);
                        wroteReferences = true;
                    }
                    else if (overwrite && File.Exists(referencesFile))
                    {
                        File.Delete(referencesFile);
                    }
                    WriteAtomically(versionFile, text, overwrite);
                }
                catch when (wroteReferences && !overwrite)
                {
                    // The version file is what makes a version exist; without it its references must go too.
                    TryDelete(referencesFile);
                    throw;
                }
            });
        }

        private void WriteAtomically(string path, string content, bool overwrite)
        {
            string dir = Path.GetDirectoryName(path)!;
            string temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    byte[] bytes = Utf8.GetBytes(content);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                BeforeCommit?.Invoke(path);
                if (overwrite && File.Exists(path)) File.Replace(temp, path, null);
                else File.Move(temp, path); // fails when another writer created the version first
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is ignored by readers.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private void Guard(string path, Action write)
        {
            try
            {
                write();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new RegistryUnavailableException($"cannot write {path} in the embedded registry: {e.Message}", e);
            }
        }

        /// <summary>The registry is read only inside its directory: a link on the way (subjects, a subject, versions, a file) is refused.</summary>
        private void RefuseLinks(string path)
        {
            if (SymbolicLinks.FirstBelow(Root, path) is string link)
                throw new RegistryUnavailableException(
                    $"the embedded registry at {Echo.Cut(Root)} holds the symbolic link {Echo.Cut(link)}, which is refused: the registry is read only inside its directory");
        }

        private string ReferencesFile(string subject, int version) =>
            Path.Combine(VersionsDirectory(subject), version.ToString(CultureInfo.InvariantCulture) + ReferencesSuffix);

        /// <summary>Version number → schema file, ascending. Anything else in the directory is an error.</summary>
        private SortedDictionary<int, string> ListVersionFiles(string subject)
        {
            var versions = new SortedDictionary<int, string>();
            string dir = VersionsDirectory(subject);
            if (!Directory.Exists(dir)) return versions;
            RefuseLinks(dir);
            foreach (string file in Directory.GetFiles(dir))
            {
                RefuseLinks(file);
                string name = Path.GetFileName(file);
                if (name.StartsWith(".", StringComparison.Ordinal)) continue; // temporary files of a writer
                if (name.EndsWith(ReferencesSuffix, StringComparison.OrdinalIgnoreCase)) continue;
                string ext = Path.GetExtension(name);
                string stem = Path.GetFileNameWithoutExtension(name);
                bool known = SchemaTypes.FromFileName(name) != null && ext.Length > 0;
                if (!known || !int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out int version) || version < 1)
                    throw new SchemaException(file, "not a version file: expected <n>.json, <n>.avsc, <n>.proto or <n>.references.json with n = 1, 2, ...");
                if (versions.TryGetValue(version, out string? other))
                    throw new SchemaException(file, $"version {version} is stored twice ({Path.GetFileName(other)} and {name})");
                versions.Add(version, file);
            }
            return versions;
        }

        private static string ReadText(string file)
        {
            try
            {
                // The engine's bound (4 M characters, at most 4 bytes each), checked before reading: a stray
                // 50 MB file in the registry must not be read into memory whole only to be refused.
                if (new FileInfo(file).Length > SchemaSource.MaxLength * 4L)
                    throw new SchemaException(file, $"the file is larger than the {SchemaSource.MaxLength / (1024 * 1024)} MB limit for one schema");
                return File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new SchemaException(file, "cannot read the file: " + e.Message, e);
            }
        }

        private static JToken ParseJson(string file)
        {
            string text = ReadText(file);
            try
            {
                using (var reader = new JsonTextReader(new StringReader(text)))
                {
                    JToken token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
                    while (reader.Read())
                    {
                        if (reader.TokenType != JsonToken.Comment)
                            throw new SchemaException(file, reader.LineNumber, reader.LinePosition, "unexpected content after the JSON value");
                    }
                    return token;
                }
            }
            catch (JsonReaderException e)
            {
                throw new SchemaException(file, e.LineNumber, e.LinePosition, "malformed JSON: " + FirstSentence(e.Message), e);
            }
        }

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". Path", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end) : message.TrimEnd('.');
        }

        private static SchemaException ErrorAt(string file, JToken token, string problem)
        {
            var info = (IJsonLineInfo)token;
            return info.HasLineInfo()
                ? new SchemaException(file, info.LineNumber, info.LinePosition, problem)
                : new SchemaException(file, problem);
        }

        internal static CompatibilityLevel ReadConfig(string file)
        {
            JToken root = ParseJson(file);
            if (!(root is JObject obj)) throw ErrorAt(file, root, "expected an object like {\"compatibilityLevel\": \"BACKWARD\"}");
            // GET /config answers "compatibilityLevel", PUT /config takes "compatibility": accept both.
            JToken? value = obj["compatibilityLevel"] ?? obj["compatibility"];
            if (value == null) throw ErrorAt(file, root, "missing \"compatibilityLevel\" (for example {\"compatibilityLevel\": \"BACKWARD\"})");
            if (value.Type != JTokenType.String) throw ErrorAt(file, value, "\"compatibilityLevel\" must be a string such as \"BACKWARD\"");
            return CompatibilityLevels.Parse((string?)value)
                ?? throw ErrorAt(file, value, $"unknown compatibility level '{(string?)value}' (expected {CompatibilityLevels.Choices})");
        }

        internal static IReadOnlyList<SchemaReference> ReadReferences(string file)
        {
            JToken root = ParseJson(file);
            if (!(root is JArray array)) throw ErrorAt(file, root, "expected an array of {\"name\", \"subject\", \"version\"} objects");
            var references = new List<SchemaReference>();
            foreach (JToken item in array)
            {
                if (!(item is JObject obj)) throw ErrorAt(file, item, "expected a {\"name\", \"subject\", \"version\"} object");
                string name = RequiredString(file, obj, "name");
                string subject = RequiredString(file, obj, "subject");
                JToken? version = obj["version"];
                if (version == null || version.Type != JTokenType.Integer || (long)version < 1)
                    throw ErrorAt(file, version ?? obj, "\"version\" must be a whole number from 1 up");
                references.Add(new SchemaReference(name, subject, (int)version));
            }
            return references;
        }

        private static string RequiredString(string file, JObject obj, string property)
        {
            JToken? value = obj[property];
            if (value == null || value.Type != JTokenType.String || string.IsNullOrEmpty((string?)value))
                throw ErrorAt(file, value ?? obj, $"\"{property}\" must be a non-empty string");
            return (string)value!;
        }

        internal static string ReferencesJson(IEnumerable<SchemaReference> references)
        {
            var array = new JArray(references.Select(r => new JObject
            {
                ["name"] = r.Name,
                ["subject"] = r.Subject,
                ["version"] = r.Version,
            }));
            return array.ToString(Formatting.Indented) + "\n";
        }

        internal static bool SameText(string a, string b) =>
            string.Equals(a.Replace("\r\n", "\n").TrimEnd(), b.Replace("\r\n", "\n").TrimEnd(), StringComparison.Ordinal);

        internal static bool SameReferences(IReadOnlyList<SchemaReference> a, IReadOnlyList<SchemaReference> b) =>
            a.Count == b.Count && a.Zip(b, (x, y) => x.Name == y.Name && x.Subject == y.Subject && x.Version == y.Version).All(same => same);
    }

    /// <summary>A registry that can take back a version registered moments ago (used to undo a failed batch).</summary>
    internal interface IRollbackRegistry
    {
        Task RemoveVersionAsync(string subject, int version, CancellationToken cancellationToken = default);
    }
}
