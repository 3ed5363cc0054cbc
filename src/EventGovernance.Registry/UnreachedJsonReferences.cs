using System;
using System.Linq;
using EventGovernance.Compatibility;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EventGovernance.Registry
{
    /// <summary>
    /// The JSON Schema loader follows only the <c>$ref</c>s reachable from the root, so a file of shared
    /// definitions (<c>{"$defs": {"money": {...}}}</c>, whose root accepts anything) would be registered
    /// without the references its definitions make. Another contract using a definition by fragment needs
    /// them, though: the registry resolves that contract through this one's references. This walks the
    /// whole document and resolves every other file it names through the gate's recording resolver, so those
    /// files become references too. Names that do not resolve are left to the loader (it reports them when
    /// they are reached), and anything under a nested <c>$id</c> is skipped, since its base is not this file.
    /// </summary>
    internal static class UnreachedJsonReferences
    {
        /// <summary>Keywords whose values are data, not schemas: a "$ref" in there is not a reference.</summary>
        private static readonly string[] DataKeywords = { "const", "default", "enum", "examples" };

        public static void Resolve(SchemaSource source, IReferenceResolver resolver)
        {
            JToken root;
            try
            {
                root = JToken.Parse(source.Text);
            }
            catch (JsonReaderException)
            {
                return; // the loader has already accepted the text; nothing more to learn here
            }
            Walk(root, isRoot: true, source, resolver);
        }

        private static void Walk(JToken token, bool isRoot, SchemaSource source, IReferenceResolver resolver)
        {
            if (token is JArray array)
            {
                foreach (JToken item in array) Walk(item, false, source, resolver);
                return;
            }
            if (!(token is JObject obj)) return;
            if (!isRoot && (obj["$id"]?.Type == JTokenType.String || obj["id"]?.Type == JTokenType.String)) return;
            if (obj["$ref"] is JValue { Type: JTokenType.String } reference) ResolveFile((string)reference!, source, resolver);
            foreach (JProperty property in obj.Properties().Where(p => p.Name != "$ref" && !DataKeywords.Contains(p.Name)))
                Walk(property.Value, false, source, resolver);
        }

        private static void ResolveFile(string reference, SchemaSource source, IReferenceResolver resolver)
        {
            int hash = reference.IndexOf('#');
            string location = hash >= 0 ? reference.Substring(0, hash) : reference;
            if (location.Length == 0 || ReferenceResolvers.IsRemote(location)) return;
            if (Uri.TryCreate(location, UriKind.Absolute, out Uri? absolute) && absolute.Scheme.Length > 1) return; // urn:, file:, ...
            try
            {
                resolver.Resolve(location, source);
            }
            catch (SchemaException)
            {
                // Not a file here: the loader reports it if the schema ever reaches it.
            }
        }
    }
}
