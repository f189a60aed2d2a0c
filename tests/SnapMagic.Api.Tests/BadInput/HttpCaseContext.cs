using SnapMagic.Contracts;
using System.Net.Http.Headers;
using System.Text;
using SnapMagic.Api.Internal;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>What one HTTP case needs: the server, a fresh session's token, and ways to send a request as it is.</summary>
public sealed class HttpCaseContext(BadInputServer server, string token)
{
    public BadInputServer Server => server;

    /// <summary>A session of its own per case, so the per-session submit limit never answers in a case's place.</summary>
    public string Token => token;

    public Task<CaseResponse> PostCardJson(string json) => PostCard(new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<CaseResponse> PostCard(HttpContent? content, Action<HttpRequestMessage>? change = null) =>
        Send(HttpMethod.Post, "/api/cards", content, token, change);

    public Task<CaseResponse> PostCardWithKey(params string[] idempotencyKeys) =>
        PostCard(Json("""{"prompt":"A dragon in a party hat"}"""), request =>
        {
            foreach (var key in idempotencyKeys)
                request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        });

    public Task<CaseResponse> GetWithToken(string path, string? bearer) => Send(HttpMethod.Get, path, null, bearer);

    public Task<CaseResponse> Get(string path) => Send(HttpMethod.Get, path, null, token);

    public Task<CaseResponse> GetAnonymous(string path, Action<HttpRequestMessage>? change = null) => Send(HttpMethod.Get, path, null, null, change);

    /// <summary>PUT a rating on the server's completed card, as its owner.</summary>
    public Task<CaseResponse> RateOwnCard(HttpContent? content) =>
        Send(HttpMethod.Put, $"/api/cards/{server.SignedImageCard}/rating", content, server.SignedImageCardOwnerToken);

    /// <summary>POST /api/feedback with this case's session.</summary>
    public Task<CaseResponse> PostFeedback(HttpContent? content, Action<HttpRequestMessage>? change = null) =>
        Send(HttpMethod.Post, "/api/feedback", content, token, change);

    /// <summary>POST /api/cards/{id}/animation with this case's session.</summary>
    public Task<CaseResponse> Animate(string correlationId) => Send(HttpMethod.Post, $"/api/cards/{correlationId}/animation", null, token);

    /// <summary>The id of a card this case's session just submitted (still queued).</summary>
    public async Task<string> OwnQueuedCardAsync()
    {
        using var client = server.CreateClient();
        return (await client.SubmitCardAsync(token, "A card of the case's own, still queued")).CorrelationId;
    }

    public Task<CaseResponse> Login(HttpContent? content) => Send(HttpMethod.Post, "/api/auth/login", content, null);

    public Task<CaseResponse> Internal(string correlationId, string? key, HttpMethod? method = null, string kind = "cards", string query = "") =>
        Send(method ?? HttpMethod.Post, $"/internal/{kind}/{correlationId}/changed{query}", null, null, request =>
        {
            if (key is not null)
                request.Headers.TryAddWithoutValidation(InternalApi.KeyHeader, key);
        });

    /// <summary>Request line and headers exactly as given (each line ending in \r\n); Host, Connection and Content-Length are added.</summary>
    public Task<CaseResponse> Raw(string head, byte[]? body = null) => RawHttp.SendAsync(server.BaseAddress, head, body);

    public string Bearer => $"Authorization: Bearer {token}\r\n";

    public static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public static HttpContent Bytes(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public async Task<CaseResponse> Send(
        HttpMethod method, string path, HttpContent? content, string? bearer, Action<HttpRequestMessage>? change = null)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {bearer}");
        change?.Invoke(request);
        using var response = await client.SendAsync(request);
        return await CaseResponse.FromAsync(response);
    }
}
