using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// A WebSocket to the hub that sends records exactly as given, for what the SignalR client will not
/// send: a broken handshake, a record that is not JSON, a streaming invocation. Reads records until the server closes.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _inbox = new();

    private RawHubSocket()
    {
    }

    public static async Task<RawHubSocket> ConnectAsync(Uri hubUrl, string token)
    {
        var raw = new RawHubSocket();
        using var timeout = new CancellationTokenSource(Timeout);
        await raw._socket.ConnectAsync(CardsHubConnection.WebSocketUri(hubUrl, token), timeout.Token);
        return raw;
    }

    /// <summary>Connects and completes the JSON protocol handshake.</summary>
    public static async Task<RawHubSocket> ConnectWithHandshakeAsync(Uri hubUrl, string token)
    {
        var raw = await ConnectAsync(hubUrl, token);
        await raw.SendRecordAsync("""{"protocol":"json","version":1}""");
        var handshake = await raw.ReadRecordAsync();
        if (handshake is not { } answer || answer.TryGetProperty("error", out _))
            throw new InvalidOperationException($"Handshake refused: {handshake}");
        return raw;
    }

    public Task SendRecordAsync(string json) => SendTextAsync(json + RecordSeparator);

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next record other than a ping, or null once the server has closed the socket.</summary>
    public async Task<JsonElement?> ReadRecordAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var written = _inbox.WrittenSpan;
            var end = written.IndexOf((byte)RecordSeparator);
            if (end >= 0)
            {
                using var document = JsonDocument.Parse(written[..end].ToArray());
                var record = document.RootElement.Clone();
                var rest = written[(end + 1)..].ToArray();
                _inbox.ResetWrittenCount();
                _inbox.Write(rest);
                if (record.TryGetProperty("type", out var type) && type.GetInt32() == 6)
                    continue;
                return record;
            }
            var result = await _socket.ReceiveAsync(_inbox.GetMemory(4096), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            _inbox.Advance(result.Count);
        }
    }

    /// <summary>Records until the server sends Close (type 7) or closes the socket; the Close record's error, if any.</summary>
    public async Task<(bool Closed, string? Error)> ReadUntilClosedAsync()
    {
        while (await ReadRecordAsync() is { } record)
        {
            if (record.GetProperty("type").GetInt32() == 7)
                return (true, record.TryGetProperty("error", out var error) ? error.GetString() : null);
        }
        return (true, null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        _socket.Dispose();
    }
}
