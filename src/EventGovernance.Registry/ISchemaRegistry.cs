using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EventGovernance.Compatibility;

namespace EventGovernance.Registry
{
    /// <summary>A reference from one registered schema to another, as the registry's REST API models it.</summary>
    public sealed class SchemaReference
    {
        public SchemaReference(string name, string subject, int version)
        {
            Name = name;
            Subject = subject;
            Version = version;
        }

        /// <summary>The name the schema uses for the reference (a file name, an import path, an Avro full name).</summary>
        public string Name { get; }
        public string Subject { get; }
        public int Version { get; }
    }

    /// <summary>One registered version of a subject.</summary>
    public sealed class RegisteredSchema
    {
        public RegisteredSchema(string subject, int version, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, string? location = null)
        {
            Subject = subject;
            Version = version;
            Type = type;
            Text = text;
            References = references;
            Location = location;
        }

        public string Subject { get; }
        public int Version { get; }
        public SchemaType Type { get; }
        public string Text { get; }
        public IReadOnlyList<SchemaReference> References { get; }

        /// <summary>Where the version is stored, for messages: a file path (embedded) or a URL path (remote).</summary>
        public string? Location { get; }
    }

    /// <summary>
    /// The registry's data model: subjects with numbered versions, per-subject and global compatibility.
    /// Two implementations: an embedded directory and Confluent Schema Registry over HTTP. Callers never
    /// need to know which one they have.
    /// </summary>
    public interface ISchemaRegistry
    {
        /// <summary>A description for messages (a directory or a URL without credentials).</summary>
        string DisplayName { get; }

        Task<IReadOnlyList<string>> GetSubjectsAsync(CancellationToken cancellationToken = default);

        /// <summary>Version numbers of a subject, ascending; empty when the subject is not registered.</summary>
        Task<IReadOnlyList<int>> GetVersionsAsync(string subject, CancellationToken cancellationToken = default);

        Task<RegisteredSchema> GetSchemaAsync(string subject, int version, CancellationToken cancellationToken = default);

        /// <summary>The configured level for a subject (null subject: the global level); null when none is set.</summary>
        Task<CompatibilityLevel?> GetCompatibilityAsync(string? subject, CancellationToken cancellationToken = default);

        /// <summary>
        /// The registry's own verdict for a candidate against a subject, or null when the registry does not
        /// judge (the embedded registry: our engine is the judge there).
        /// </summary>
        Task<bool?> TestCompatibilityAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default);

        /// <summary>Registers a schema as the subject's next version and returns the version number (or the existing one when identical).</summary>
        Task<int> RegisterAsync(string subject, SchemaType type, string text,
            IReadOnlyList<SchemaReference> references, CancellationToken cancellationToken = default);
    }

    /// <summary>The registry could not be reached or refused us; the message never contains credentials.</summary>
    public sealed class RegistryUnavailableException : System.Exception
    {
        public RegistryUnavailableException(string message, System.Exception? inner = null) : base(message, inner)
        {
        }
    }
}
