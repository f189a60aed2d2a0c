using System.Net;
using SnapMagic.Api.Internal;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Tests;

internal static class InternalCalls
{
    /// <summary>What a worker does when it takes a card: moves it to processing in the store, then tells the Api.</summary>
    public static async Task StartAndNotifyAsync(this ApiFactory factory, HttpClient client, string correlationId)
    {
        await factory.StartAsync(correlationId);
        await client.NotifyChangedAsync(correlationId, "processing");
    }

    /// <summary>What the worker does after each status change: POST /internal/cards/{id}/changed with the internal key.</summary>
    public static async Task NotifyChangedAsync(this HttpClient client, string correlationId, string? status = null)
    {
        var query = status is null ? "" : $"?status={status}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/internal/cards/{correlationId}/changed{query}");
        request.Headers.Add("X-SnapMagic-Internal-Key", InternalOptions.DevelopmentApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>What the worker does after an animation's change: the card notice with <c>&amp;animation=</c>.</summary>
    public static async Task NotifyAnimationChangedAsync(this HttpClient client, string correlationId, string animationStatus)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + InternalApi.CardChangedPath(correlationId, "completed", animationStatus));
        request.Headers.Add(InternalApi.KeyHeader, InternalOptions.DevelopmentApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>What the worker does after a feedback item's change: POST /internal/feedback/{id}/changed?status=.</summary>
    public static async Task NotifyFeedbackChangedAsync(this HttpClient client, string feedbackId, string status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + InternalApi.FeedbackChangedPath(feedbackId, status));
        request.Headers.Add(InternalApi.KeyHeader, InternalOptions.DevelopmentApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
