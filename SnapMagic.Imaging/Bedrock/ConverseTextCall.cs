using System.Text.Json;
using SnapMagic.Imaging.Feedback;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// One Converse call of a feedback model that answers text: the request sent on the signed client, the answer's text
/// blocks joined, and every failure a <see cref="FeedbackModelException"/> (throttling, 5xx and unreadable answers
/// transient; validation, access and a content-filter stop refusals).
/// </summary>
internal static class ConverseTextCall
{
    public static async Task<string> AskAsync(BedrockRuntimeClient client, string modelId, ConverseRequest request, string modelName,
        string busyMessage, string refusedMessage, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, BedrockJsonContext.Default.ConverseRequest);
        byte[] answer;
        try
        {
            answer = await client.ConverseAsync(modelId, body, cancellationToken);
        }
        catch (BedrockException ex)
        {
            throw new FeedbackModelException(ex.IsTransient, ex.IsTransient ? busyMessage : refusedMessage, ex.Message, ex);
        }
        return ReadText(answer, modelName, busyMessage, refusedMessage);
    }

    public static string ReadText(byte[] responseBody, string modelName, string busyMessage, string refusedMessage)
    {
        ConverseResponse response;
        try
        {
            response = JsonSerializer.Deserialize(responseBody, BedrockJsonContext.Default.ConverseResponse)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw new FeedbackModelException(true, busyMessage, $"{modelName} answered a body that is not a Converse response: {ex.Message}", ex);
        }
        if (response.StopReason is "content_filtered" or "guardrail_intervened")
            throw new FeedbackModelException(false, refusedMessage, $"{modelName} stopped with {response.StopReason}.");
        return string.Join(" ", (response.Output?.Message?.Content ?? []).Select(block => block.Text).Where(text => !string.IsNullOrWhiteSpace(text))).Trim();
    }
}
