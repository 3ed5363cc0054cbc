using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EventGovernance.Tests
{
    /// <summary>How a <see cref="MisbehavingRegistry"/> treats every request.</summary>
    public enum Misbehavior
    {
        /// <summary>Reads the request and never answers (the connection stays open).</summary>
        Hang,

        /// <summary>Reads the request and resets the connection (TCP RST).</summary>
        Reset,

        /// <summary>Answers 200 with a registry content type and a body that is not JSON.</summary>
        Garbage,

        /// <summary>Answers 200 with a JSON array of one endless string, streamed until the client hangs up.</summary>
        Huge,

        /// <summary>Answers 500 with a registry error whose message repeats the request's Authorization header (a careless proxy or registry).</summary>
        EchoAuthorization,

        /// <summary>Answers 429 with <c>Retry-After: 3600</c>: rate limited for longer than any request may wait.</summary>
        TooManyRequests,
    }

    /// <summary>
    /// A loopback endpoint that accepts HTTP requests and then misbehaves, written on raw sockets so it can do
    /// what an HTTP server library would not (hang, reset, stream without end). It records each request's
    /// head so tests can see the credentials were sent, and how many bytes it managed to stream.
    /// </summary>
    public sealed class MisbehavingRegistry : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentBag<Socket> _open = new ConcurrentBag<Socket>();
        private long _bytesStreamed;

        public MisbehavingRegistry(Misbehavior behavior)
        {
            Behavior = behavior;
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _ = Task.Run(AcceptLoop);
        }

        public Misbehavior Behavior { get; }
        public string Url { get; }

        /// <summary>The head (request line and headers) of every request received.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>Bytes of body written for <see cref="Misbehavior.Huge"/> before the client stopped reading.</summary>
        public long BytesStreamed => Interlocked.Read(ref _bytesStreamed);

        /// <summary>The body of a <see cref="Misbehavior.Garbage"/> answer.</summary>
        public const string GarbageBody = "<html><body>502 Bad Gateway: upstream said hello</body></html>";

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try { socket = await _listener.AcceptSocketAsync().ConfigureAwait(false); }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException) { return; }
                _open.Add(socket);
                _ = Task.Run(() => Serve(socket));
            }
        }

        private async Task Serve(Socket socket)
        {
            try
            {
                using var stream = new NetworkStream(socket, ownsSocket: false);
                while (!_stop.IsCancellationRequested)
                {
                    string? head = await ReadHead(stream).ConfigureAwait(false);
                    if (head == null) return;
                    Requests.Enqueue(head);
                    switch (Behavior)
                    {
                        case Misbehavior.Hang:
                            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                            return;
                        case Misbehavior.Reset:
                            socket.LingerState = new LingerOption(true, 0);
                            socket.Close();
                            return;
                        case Misbehavior.Garbage:
                            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\n"
                                + $"Content-Length: {Encoding.ASCII.GetByteCount(GarbageBody)}\r\n\r\n{GarbageBody}").ConfigureAwait(false);
                            break;
                        case Misbehavior.Huge:
                            await StreamForever(stream).ConfigureAwait(false);
                            return;
                        case Misbehavior.EchoAuthorization:
                            await Answer(stream, "500 Internal Server Error", "",
                                "{\"error_code\":50001,\"message\":\"cannot serve the request with " + Escape(AuthorizationOf(head)) + "\"}").ConfigureAwait(false);
                            break;
                        case Misbehavior.TooManyRequests:
                            await Answer(stream, "429 Too Many Requests", "Retry-After: 3600\r\n",
                                "{\"error_code\":42901,\"message\":\"rate limited\"}").ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The client hung up or the test ended: either way this connection is done.
            }
            finally
            {
                socket.Dispose();
            }
        }

        /// <summary>A body with no length that never ends: one chunk at a time, the same buffer each time.</summary>
        private async Task StreamForever(NetworkStream stream)
        {
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nConnection: close\r\n\r\n[\"").ConfigureAwait(false);
            byte[] chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            while (!_stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, 0, chunk.Length, _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref _bytesStreamed, chunk.Length);
            }
        }

        private static Task Answer(NetworkStream stream, string status, string headers, string body) =>
            Write(stream, $"HTTP/1.1 {status}\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\n{headers}"
                + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

        private static string AuthorizationOf(string head)
        {
            foreach (string line in head.Split("\r\n"))
                if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase)) return line;
            return "no Authorization header";
        }

        private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

        private static Task Write(NetworkStream stream, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return stream.WriteAsync(bytes, 0, bytes.Length);
        }

        /// <summary>Reads up to the blank line ending the request head, then skips a body of Content-Length bytes.</summary>
        private async Task<string?> ReadHead(NetworkStream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(one, 0, 1, _stop.Token).ConfigureAwait(false);
                if (read == 0) return null;
                head.Append((char)one[0]);
                if (head.Length > 64 * 1024) return null;
            }
            string text = head.ToString();
            foreach (string line in text.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && int.TryParse(line.Substring(15).Trim(), out int length))
                {
                    var body = new byte[length];
                    int got = 0;
                    while (got < length)
                    {
                        int read = await stream.ReadAsync(body, got, length - got, _stop.Token).ConfigureAwait(false);
                        if (read == 0) return null;
                        got += read;
                    }
                }
            }
            return text;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (Socket socket in _open)
            {
                try { socket.Dispose(); } catch (ObjectDisposedException) { }
            }
        }
    }
}
