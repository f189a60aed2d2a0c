using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SnapMagic.Contracts;
using static SnapMagic.TestSupport.Api.CardsApi;

namespace SnapMagic.TestSupport.Api;

/// <summary>
/// The feedback endpoints as the attendee's page calls them (<see cref="CardsApi"/>'s conventions): a recording or a typed
/// answer to POST /api/feedback, then GET /api/feedback/{id}.
/// </summary>
public static class FeedbackApi
{
    /// <summary>POST /api/feedback with a recording's bytes as <paramref name="contentType"/> (<c>audio/webm</c>, <c>audio/wav</c>), whatever the answer.</summary>
    public static Task<HttpResponseMessage> PostFeedbackAsync(this HttpClient api, string token, byte[] recording, string contentType,
        CancellationToken cancellationToken = default)
    {
        var body = new ByteArrayContent(recording);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(api, Authorized(HttpMethod.Post, ApiRoutes.Feedback, token, body), cancellationToken);
    }

    /// <summary>POST /api/feedback with a typed answer (<c>application/json</c> <see cref="TypedFeedbackRequest"/>), whatever the answer.</summary>
    public static Task<HttpResponseMessage> PostTypedFeedbackAsync(this HttpClient api, string token, string? text, CancellationToken cancellationToken = default) =>
        SendAsync(api, Authorized(HttpMethod.Post, ApiRoutes.Feedback, token, JsonBody(new TypedFeedbackRequest(text))), cancellationToken);

    /// <summary>A recording that must be accepted (202, <c>Location</c> /api/feedback/{id}).</summary>
    public static async Task<FeedbackAccepted> SubmitFeedbackAsync(this HttpClient api, string token, byte[] recording, string contentType,
        CancellationToken cancellationToken = default)
    {
        using var response = await api.PostFeedbackAsync(token, recording, contentType, cancellationToken);
        return await AcceptedAsync(response, cancellationToken);
    }

    /// <summary>A typed answer that must be accepted (202, <c>Location</c> /api/feedback/{id}).</summary>
    public static async Task<FeedbackAccepted> SubmitTypedFeedbackAsync(this HttpClient api, string token, string text, CancellationToken cancellationToken = default)
    {
        using var response = await api.PostTypedFeedbackAsync(token, text, cancellationToken);
        return await AcceptedAsync(response, cancellationToken);
    }

    /// <summary>GET /api/feedback/{id}: the session's own feedback.</summary>
    public static Task<FeedbackView> GetFeedbackAsync(this HttpClient api, string token, string feedbackId, CancellationToken cancellationToken = default) =>
        GetAsync<FeedbackView>(api, token, ApiRoutes.FeedbackItem(feedbackId), cancellationToken);

    /// <summary>Polls GET /api/feedback/{id} until it is completed or failed; a <see cref="TimeoutException"/> naming the last view otherwise.</summary>
    public static async Task<FeedbackView> WaitForFeedbackAsync(this HttpClient api, string token, string feedbackId, TimeSpan timeout,
        TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var feedback = await api.GetFeedbackAsync(token, feedbackId, cancellationToken);
            if (feedback.Status is "completed" or "failed")
                return feedback;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"Feedback {feedbackId} did not finish within {timeout.TotalSeconds:0.#} s; last seen: {feedback}.");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<FeedbackAccepted> AcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ExpectAsync(response, HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<FeedbackAccepted>(Json, cancellationToken) ?? throw new InvalidDataException("Empty feedback answer.");
        if (response.Headers.Location?.OriginalString != ApiRoutes.FeedbackItem(accepted.FeedbackId))
            throw new InvalidDataException($"The 202's Location is '{response.Headers.Location}', not {ApiRoutes.FeedbackItem(accepted.FeedbackId)}.");
        return accepted;
    }
}
