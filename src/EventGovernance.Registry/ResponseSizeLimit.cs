using System.Collections;
using System.Net.Http;
using System.Reflection;
using Sr = Confluent.SchemaRegistry;

namespace EventGovernance.Registry
{
    /// <summary>
    /// Bounds how much of an answer the Confluent client reads. The client (2.x) accepts neither an HttpClient
    /// nor a handler: it makes one HttpClient per registry URL inside its <c>RestService</c> and sends with
    /// <c>HttpCompletionOption.ResponseContentRead</c>, so HttpClient buffers each body whole, up to
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> (2 GB by default), before the client makes a
    /// string of it. This sets that limit on the client's own HttpClients, found by their private field
    /// names (<c>restService</c>, <c>clients</c>). It must run before the first request (HttpClient refuses
    /// the change afterwards). A client version that renames the fields makes <see cref="Apply"/> return
    /// false, which a test checks, rather than fail at run time.
    /// </summary>
    internal static class ResponseSizeLimit
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        public static bool Apply(Sr.CachedSchemaRegistryClient client, long maxBytes)
        {
            object? restService = client.GetType().GetField("restService", Instance)?.GetValue(client);
            if (restService == null) return false;
            if (!(restService.GetType().GetField("clients", Instance)?.GetValue(restService) is IEnumerable httpClients)) return false;
            bool any = false;
            foreach (object item in httpClients)
            {
                if (!(item is HttpClient http)) return false;
                http.MaxResponseContentBufferSize = maxBytes;
                any = true;
            }
            return any;
        }
    }
}
