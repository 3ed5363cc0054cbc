using System.Net;
using System.Net.Sockets;

namespace EventGovernance.Build.Tests;

/// <summary>A local HTTP endpoint that refuses every request with 401, recording the Authorization headers it saw.</summary>
internal sealed class UnauthorizedRegistry : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<string?> _authorizations = new();

    public UnauthorizedRegistry()
    {
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Url { get; }

    public IReadOnlyList<string?> Authorizations
    {
        get { lock (_authorizations) return _authorizations.ToList(); }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException) { return; }
            lock (_authorizations) _authorizations.Add(context.Request.Headers["Authorization"]);
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            byte[] body = """{"error_code":401,"message":"Unauthorized"}"""u8.ToArray();
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
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

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
