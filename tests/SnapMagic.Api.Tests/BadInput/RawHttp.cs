using System.Net.Sockets;
using System.Text;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// Sends an HTTP/1.1 request byte for byte over a loopback socket, for requests HttpClient will not send as they
/// are (dot segments in the path, control characters or raw UTF-8 in headers, a broken request line).
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends <paramref name="head"/> (request line and headers, lines ending in \r\n) with Connection: close and reads the answer.</summary>
    public static async Task<CaseResponse> SendAsync(Uri baseAddress, string head, byte[]? body = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = Encoding.UTF8.GetBytes($"{head}Host: {baseAddress.Authority}\r\nConnection: close\r\nContent-Length: {body?.Length ?? 0}\r\n\r\n");
        await stream.WriteAsync(request, timeout.Token);
        if (body is not null)
            await stream.WriteAsync(body, timeout.Token);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return Parse(received.ToArray());
    }

    private static CaseResponse Parse(byte[] response)
    {
        var headEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.ASCII.GetString(response, 0, headEnd < 0 ? response.Length : headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = lines.Skip(1)
            .Where(line => line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["Content-Type:".Length..].Split(';')[0].Trim())
            .FirstOrDefault();
        var body = headEnd < 0 ? [] : response[(headEnd + 4)..];
        if (lines.Any(line => line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
            body = Unchunk(body);
        return new CaseResponse(status, contentType, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = position + chunked.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0], 16);
            if (size == 0)
                return body.ToArray();
            body.Write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
