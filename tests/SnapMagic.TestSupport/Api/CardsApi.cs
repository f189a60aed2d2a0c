using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.Contracts;

namespace SnapMagic.TestSupport.Api;

/// <summary>
/// The Api as an attendee's browser calls it, over any HttpClient whose base address is the Api (a test server's, a
/// started system's, one replica's own): log in, submit a card, read it. The routes and bodies are SnapMagic.Contracts';
/// an answer other than the contract's raises <see cref="UnexpectedStatusException"/>.
/// </summary>
public static class CardsApi
{
    /// <summary>The event's shared credentials in Development (the Api's defaults).</summary>
    public const string EventUsername = "demo";
    public const string EventPassword = "demo";

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>POST /api/auth/login: every login is a session of its own.</summary>
    public static async Task<LoginResponse> LogInAsync(this HttpClient api, string username = EventUsername, string password = EventPassword,
        CancellationToken cancellationToken = default)
    {
        using var response = await api.PostAsJsonAsync(ApiRoutes.Login, new { username, password }, Json, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<LoginResponse>(Json, cancellationToken) ?? throw new InvalidDataException("Empty login answer.");
    }

    /// <summary>POST /api/cards as the page sends it, whatever the answer (a 429, say).</summary>
    public static Task<HttpResponseMessage> PostCardAsync(this HttpClient api, string token, string prompt, CancellationToken cancellationToken = default)
    {
        // With its length, as a browser's fetch sends it (JsonContent would stream the body in chunks).
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new CreateCardRequest(prompt), Json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Cards) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(api, request, cancellationToken);
    }

    /// <summary>POST /api/cards, which must be accepted (202, <c>Location</c> the card's route); the answer.</summary>
    public static async Task<CardAccepted> SubmitCardAsync(this HttpClient api, string token, string prompt, CancellationToken cancellationToken = default)
    {
        using var response = await api.PostCardAsync(token, prompt, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<CardAccepted>(Json, cancellationToken) ?? throw new InvalidDataException("Empty accept answer.");
        if (response.Headers.Location?.OriginalString != ApiRoutes.Card(accepted.CorrelationId))
            throw new InvalidDataException($"The 202's Location is '{response.Headers.Location}', not {ApiRoutes.Card(accepted.CorrelationId)}.");
        return accepted;
    }

    /// <summary>GET /api/cards/{id}: the status endpoint, the page's fallback.</summary>
    public static Task<CardView> GetCardAsync(this HttpClient api, string token, string correlationId, CancellationToken cancellationToken = default) =>
        GetAsync<CardView>(api, token, ApiRoutes.Card(correlationId), cancellationToken);

    /// <summary>GET /api/cards: the session's cards, newest first.</summary>
    public static async Task<IReadOnlyList<CardView>> ListCardsAsync(this HttpClient api, string token, CancellationToken cancellationToken = default) =>
        await GetAsync<List<CardView>>(api, token, ApiRoutes.Cards, cancellationToken);

    private static async Task<T> GetAsync<T>(HttpClient api, string token, string route, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) ?? throw new InvalidDataException($"GET {route} answered null.");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
            return await api.SendAsync(request, cancellationToken);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new UnexpectedStatusException(response.StatusCode,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
    }
}
