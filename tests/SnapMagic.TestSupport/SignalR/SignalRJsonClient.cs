using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapMagic.TestSupport.SignalR;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol (version 1) over any connected WebSocket, because
/// the .NET SignalR client package is not served here. Records end with 0x1E; after the handshake it handles
/// Invocation (1), Completion (3), Ping (6) and Close (7). Server pushes are kept, so a test can wait for one
/// that arrived before it started waiting.
/// </summary>
public sealed class SignalRJsonClient : IAsyncDisposable
{
    public const string CardUpdated = "cardUpdated";
    private const byte RecordSeparator = 0x1E;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Method, TaskCompletionSource<JsonElement?> Done)> _pending = [];
    private readonly ArrayBufferWriter<byte> _inbox = new();
    private readonly List<HubMessage> _received = [];
    private readonly List<(string Target, Func<HubMessage, bool> Predicate, TaskCompletionSource<HubMessage> Done)> _waiters = [];
    private Task _readLoop = Task.CompletedTask;
    private Task _pingLoop = Task.CompletedTask;
    private Exception? _closedBecause;
    private int _nextInvocationId;

    private SignalRJsonClient(WebSocket socket) => _socket = socket;

    /// <summary>Connects a ClientWebSocket to <paramref name="hubUrl"/> (http(s) or ws(s)) with the token in <c>access_token</c>.</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(Uri hubUrl, string? accessToken, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(WebSocketUri(hubUrl, accessToken), cancellationToken);
            return await StartAsync(socket, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Ws(s) URL of a hub, with <c>access_token</c> added to the query when given.</summary>
    public static Uri WebSocketUri(Uri hubUrl, string? accessToken)
    {
        var builder = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme is "https" or "wss" ? "wss" : "ws" };
        if (accessToken is not null)
        {
            var query = builder.Query.TrimStart('?');
            builder.Query = (query.Length > 0 ? query + "&" : "") + "access_token=" + Uri.EscapeDataString(accessToken);
        }
        return builder.Uri;
    }

    /// <summary>Speaks the hub protocol over an already connected WebSocket (for example TestServer's).</summary>
    public static async Task<SignalRJsonClient> StartAsync(WebSocket socket, CancellationToken cancellationToken = default)
    {
        var client = new SignalRJsonClient(socket);
        await client.SendRecordAsync("""{"protocol":"json","version":1}""", cancellationToken);
        var handshake = await client.ReadHandshakeAsync(cancellationToken);
        if (handshake.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"SignalR handshake refused: {error.GetString()}");
        client._readLoop = Task.Run(client.ReadLoopAsync);
        client._pingLoop = Task.Run(client.PingLoopAsync);
        return client;
    }

    /// <summary>How long an invocation waits for its completion.</summary>
    public TimeSpan InvocationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every server push received so far, oldest first.</summary>
    public IReadOnlyList<HubMessage> Received
    {
        get { lock (_lock) return [.. _received]; }
    }

    /// <summary>Whether the connection ended (the server closed it, or the socket broke).</summary>
    public bool IsClosed
    {
        get { lock (_lock) return _closedBecause is not null; }
    }

    public async Task<T?> InvokeAsync<T>(string method, params object?[] arguments)
    {
        var result = await InvokeCoreAsync(method, arguments);
        return result is { } element ? element.Deserialize<T>(SerializerOptions) : default;
    }

    public Task InvokeAsync(string method, params object?[] arguments) => InvokeCoreAsync(method, arguments);

    /// <summary>
    /// The first push of <paramref name="target"/> (already received or still to come) that matches
    /// <paramref name="predicate"/>; a TimeoutException after <paramref name="timeout"/>.
    /// </summary>
    public async Task<HubMessage> WaitForAsync(string target, Func<HubMessage, bool> predicate, TimeSpan timeout)
    {
        TaskCompletionSource<HubMessage> done;
        lock (_lock)
        {
            var already = _received.FirstOrDefault(m => m.Target == target && predicate(m));
            if (already is not null)
                return already;
            if (_closedBecause is not null)
                throw new InvalidOperationException("The hub connection is closed.", _closedBecause);
            done = new TaskCompletionSource<HubMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, predicate, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_lock) _waiters.RemoveAll(w => w.Done == done);
            throw new TimeoutException($"No '{target}' message matched within {timeout.TotalSeconds:0.#} s; received: {Describe()}.");
        }
    }

    /// <summary>The first <c>cardUpdated</c> whose card (first argument, deserialized as <typeparamref name="TCard"/>) matches.</summary>
    public async Task<TCard> WaitForCardUpdatedAsync<TCard>(Func<TCard, bool> predicate, TimeSpan timeout)
    {
        var message = await WaitForAsync(CardUpdated, m => predicate(m.Argument<TCard>()), timeout);
        return message.Argument<TCard>();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closeTimeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
        _socket.Abort();
        await Task.WhenAll(_readLoop, _pingLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task<JsonElement?> InvokeCoreAsync(string method, object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_closedBecause is not null)
                throw new InvalidOperationException("The hub connection is closed.", _closedBecause);
            _pending[id] = (method, completion);
        }
        var invocation = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = method,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments, SerializerOptions),
        };
        await SendRecordAsync(invocation.ToJsonString(), _stop.Token);
        try
        {
            return await completion.Task.WaitAsync(InvocationTimeout);
        }
        catch (TimeoutException)
        {
            lock (_lock) _pending.Remove(id);
            throw new TimeoutException($"{method} got no completion within {InvocationTimeout.TotalSeconds:0.#} s.");
        }
    }

    private async Task SendRecordAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<JsonElement> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeRecord(out var record))
                return record;
            if (!await ReceiveIntoInboxAsync(cancellationToken))
                throw new InvalidOperationException("The server closed the connection during the SignalR handshake.");
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception reason = new InvalidOperationException("The server closed the connection.");
        try
        {
            while (true)
            {
                while (TryTakeRecord(out var record))
                    if (!Dispatch(record, ref reason))
                        return;
                if (!await ReceiveIntoInboxAsync(_stop.Token))
                    return;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            reason = ex;
        }
        finally
        {
            CloseWith(reason);
        }
    }

    /// <summary>Handles one record; false when the server sent Close.</summary>
    private bool Dispatch(JsonElement record, ref Exception closeReason)
    {
        switch (record.GetProperty("type").GetInt32())
        {
            case 1:
                var arguments = record.TryGetProperty("arguments", out var args) ? args.EnumerateArray().ToList() : [];
                Deliver(new HubMessage(record.GetProperty("target").GetString()!, arguments, DateTimeOffset.UtcNow));
                return true;
            case 3:
                Complete(record);
                return true;
            case 7:
                var error = record.TryGetProperty("error", out var e) ? e.GetString() : null;
                closeReason = new InvalidOperationException($"The server closed the hub connection{(error is null ? "" : ": " + error)}.");
                return false;
            default:
                return true; // Ping (6) and anything newer: nothing to do.
        }
    }

    private void Deliver(HubMessage message)
    {
        List<TaskCompletionSource<HubMessage>> matched = [];
        lock (_lock)
        {
            _received.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Target == message.Target).ToList())
            {
                if (!waiter.Predicate(message)) continue;
                _waiters.Remove(waiter);
                matched.Add(waiter.Done);
            }
        }
        foreach (var done in matched)
            done.TrySetResult(message);
    }

    private void Complete(JsonElement record)
    {
        var id = record.GetProperty("invocationId").GetString()!;
        (string Method, TaskCompletionSource<JsonElement?> Done) pending;
        lock (_lock)
        {
            if (!_pending.Remove(id, out pending))
                return;
        }
        if (record.TryGetProperty("error", out var error))
            pending.Done.TrySetException(new HubInvocationException(pending.Method, error.GetString() ?? "error"));
        else
            pending.Done.TrySetResult(record.TryGetProperty("result", out var result) ? result : null);
    }

    private void CloseWith(Exception reason)
    {
        List<TaskCompletionSource<JsonElement?>> pending;
        List<TaskCompletionSource<HubMessage>> waiters;
        lock (_lock)
        {
            _closedBecause ??= reason;
            pending = [.. _pending.Values.Select(p => p.Done)];
            waiters = [.. _waiters.Select(w => w.Done)];
            _pending.Clear();
            _waiters.Clear();
        }
        var closed = new InvalidOperationException("The hub connection is closed.", reason);
        foreach (var completion in pending) completion.TrySetException(closed);
        foreach (var waiter in waiters) waiter.TrySetException(closed);
    }

    private async Task PingLoopAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(PingInterval);
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await SendRecordAsync("""{"type":6}""", _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is going away; the read loop reports why.
        }
    }

    private async Task<bool> ReceiveIntoInboxAsync(CancellationToken cancellationToken)
    {
        var memory = _inbox.GetMemory(4096);
        var result = await _socket.ReceiveAsync(memory, cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
            return false;
        _inbox.Advance(result.Count);
        return true;
    }

    private bool TryTakeRecord(out JsonElement record)
    {
        var written = _inbox.WrittenSpan;
        var end = written.IndexOf(RecordSeparator);
        if (end < 0)
        {
            record = default;
            return false;
        }
        using (var document = JsonDocument.Parse(written[..end].ToArray()))
            record = document.RootElement.Clone();
        var rest = written[(end + 1)..].ToArray();
        _inbox.ResetWrittenCount();
        _inbox.Write(rest);
        return true;
    }

    private string Describe()
    {
        lock (_lock)
            return _received.Count == 0 ? "nothing" : string.Join(", ", _received.Select(m => $"{m.Target}({string.Join(",", m.Arguments.Select(a => a.GetRawText()))})"));
    }
}
