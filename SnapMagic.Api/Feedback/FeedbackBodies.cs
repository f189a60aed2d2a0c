using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using SnapMagic.Api.Http;
using SnapMagic.Contracts;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Feedback;

/// <summary>What POST /api/feedback carried: a recording (its bytes and media type) or a typed text.</summary>
internal sealed record FeedbackBody(FeedbackKind Kind, byte[]? Recording, string? RecordingContentType, string? Text);

/// <summary>
/// Reads POST /api/feedback's body: <c>audio/webm</c> (Opus, as browsers record), <c>audio/wav</c>, or JSON
/// <see cref="TypedFeedbackRequest"/>. A recording must be what it says (the EBML header of a WebM file, the RIFF/WAVE
/// header of a WAV file), at most <see cref="FeedbackLimits.MaxRecordingBytes"/>, and not empty; each refusal is a ProblemDetails.
/// </summary>
internal static class FeedbackBodies
{
    private static readonly byte[] EbmlMagic = [0x1A, 0x45, 0xDF, 0xA3];
    // Within the EBML header, before the first segment: far less than this.
    private const int DocTypeSearchBytes = 64;

    public static async Task<(FeedbackBody? Body, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        switch (contentType)
        {
            case FeedbackLimits.TypedContentType:
                var (typed, problem) = await JsonRequestBody.ReadAsync(request, ApiJsonContext.Default.TypedFeedbackRequest);
                if (problem is not null)
                    return (null, problem);
                var (text, error) = FeedbackTextRules.Validate(typed!.Text);
                return text is null
                    ? (null, ApiProblems.BadRequest(error!, "Answer not accepted"))
                    : (new FeedbackBody(FeedbackKind.Typed, null, null, text), null);
            case FeedbackLimits.WebmContentType:
                return await ReadRecordingAsync(request, FeedbackLimits.WebmContentType, IsWebm, "a WebM recording (it has no EBML header with the webm document type)");
            case FeedbackLimits.WavContentType:
                return await ReadRecordingAsync(request, FeedbackLimits.WavContentType, IsWav, "a WAV recording (it has no RIFF/WAVE header)");
            default:
                return (null, TypedResults.Problem(
                    $"Send a recording as {FeedbackLimits.WebmContentType} or {FeedbackLimits.WavContentType}, or a typed answer as {FeedbackLimits.TypedContentType} {{\"text\":\"...\"}}.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type"));
        }
    }

    public static bool IsWebm(byte[] bytes) => IsWebm(bytes.AsSpan());

    public static bool IsWav(byte[] bytes) => IsWav(bytes.AsSpan());

    public static bool IsWebm(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(EbmlMagic) && bytes[..Math.Min(bytes.Length, DocTypeSearchBytes)].IndexOf("webm"u8) >= 0;

    public static bool IsWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WAVE"u8);

    private static async Task<(FeedbackBody? Body, IResult? Problem)> ReadRecordingAsync(
        HttpRequest request, string contentType, Func<byte[], bool> isWhatItSays, string expected)
    {
        // The server's body limit is small for JSON endpoints; a recording may take up to its own cap.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = FeedbackLimits.MaxRecordingBytes;
        var (bytes, problem) = await RequestBytes.ReadAsync(request, FeedbackLimits.MaxRecordingBytes);
        if (problem is not null)
            return (null, problem);
        if (bytes!.Length == 0)
            return (null, ApiProblems.BadRequest("The recording is empty; record your answer first.", "Empty recording"));
        if (!isWhatItSays(bytes))
            return (null, ApiProblems.BadRequest($"The body is labelled {contentType} but is not {expected}.", "Recording not accepted"));
        return (new FeedbackBody(FeedbackKind.Spoken, bytes, contentType, null), null);
    }
}
