using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// What every Bedrock family shares: one call through <see cref="BedrockRuntimeClient"/>, its refusals mapped to
/// <see cref="ImageModelException"/>s by <see cref="BedrockException.ToImageModelException"/>, and the answer
/// read by the family. Nothing outside this folder knows which family paints the cards.
/// </summary>
public abstract class BedrockImageModel(ILogger logger) : IImageModel
{
    /// <summary>The name in log lines and failure details, e.g. "Nova Canvas".</summary>
    protected abstract string ModelName { get; }

    public async Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken = default)
    {
        byte[] responseBody;
        try
        {
            responseBody = await SendAsync(request, cancellationToken);
        }
        catch (BedrockException ex)
        {
            logger.LogWarning("Bedrock {Model} refused card {CorrelationId}: {ErrorType} {StatusCode} {Message}",
                ModelName, request.CorrelationId, ex.ErrorType, (int)ex.StatusCode, ex.ServiceMessage);
            throw ex.ToImageModelException();
        }
        return ReadCard(responseBody, request.Prompt);
    }

    /// <summary>Builds the family's request and sends it; returns the 2xx response body.</summary>
    protected abstract Task<byte[]> SendAsync(CardImageRequest request, CancellationToken cancellationToken);

    /// <summary>The finished card (PNG) from a 2xx response body, or an <see cref="ImageModelException"/>.</summary>
    protected abstract byte[] ReadCard(byte[] responseBody, string prompt);

    /// <summary>A 2xx body that is not the JSON we expect is a garbled answer: worth another attempt.</summary>
    protected T ReadJson<T>(byte[] responseBody, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(responseBody, type)
                ?? throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"{ModelName} answered 200 with a JSON null.");
        }
        catch (JsonException ex)
        {
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"{ModelName} answered 200 with a body that is not the expected JSON.", ex);
        }
    }

    protected static string Truncate(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;
}
