using System.Buffers;
using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace SnapMagic.AppHost.Telemetry;

/// <summary>Reads an OTLP/HTTP protobuf body, gunzipping when asked, never more than the configured bytes.</summary>
internal static class OtlpRequestBody
{
    public const string ProtobufContentType = "application/x-protobuf";

    public static async Task<(byte[]? Body, IResult? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(StatusCodes.Status415UnsupportedMediaType, $"OTLP/HTTP bodies must be {ProtobufContentType} (OTLP/JSON is not accepted)."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refuse(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; use gzip or none."));
        }

        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                // Checked after decompression too: a small gzip body can expand without limit.
                if (body.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "The body is not valid gzip."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (body.ToArray(), null);
    }

    public static IResult Refuse(int statusCode, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: statusCode, title: "OTLP request refused");

    private static IResult TooLarge(int maxBytes) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, $"OTLP bodies are limited to {maxBytes} bytes.");
}
