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

    internal static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>POST /api/auth/login: every login is a session of its own.</summary>
    public static async Task<LoginResponse> LogInAsync(this HttpClient api, string username = EventUsername, string password = EventPassword,
        CancellationToken cancellationToken = default)
    {
        using var response = await api.PostAsJsonAsync(ApiRoutes.Login, new { username, password }, Json, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<LoginResponse>(Json, cancellationToken) ?? throw new InvalidDataException("Empty login answer.");
    }

    /// <summary>POST /api/cards as the page sends it, whatever the answer (a 429, say).</summary>
    public static Task<HttpResponseMessage> PostCardAsync(this HttpClient api, string token, string prompt, CancellationToken cancellationToken = default) =>
        SendAsync(api, Authorized(HttpMethod.Post, ApiRoutes.Cards, token, JsonBody(new CreateCardRequest(prompt))), cancellationToken);

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

    /// <summary>
    /// GET /api/cards/{id} again and again (every <paramref name="interval"/>, 200 ms by default) until the card matches
    /// <paramref name="until"/>; a <see cref="TimeoutException"/> naming the last view when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<CardView> WaitForCardAsync(this HttpClient api, string token, string correlationId, Func<CardView, bool> until,
        TimeSpan timeout, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var card = await api.GetCardAsync(token, correlationId, cancellationToken);
            if (until(card))
                return card;
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"Card {correlationId} did not reach the state waited for within {timeout.TotalSeconds:0.#} s; last seen: {card}, animation {card.Animation}.");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>PUT /api/cards/{id}/rating with how it was given (<c>button</c> or <c>gesture</c>; null sends none), whatever the answer.</summary>
    public static Task<HttpResponseMessage> PutRatingAsync(this HttpClient api, string token, string correlationId, string rating, string? source = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(api, Authorized(HttpMethod.Put, ApiRoutes.CardRating(correlationId), token, JsonBody(new RateCardRequest(rating, source))), cancellationToken);

    /// <summary>PUT /api/cards/{id}/rating, which must be taken (204).</summary>
    public static async Task RateCardAsync(this HttpClient api, string token, string correlationId, string rating, string? source = null,
        CancellationToken cancellationToken = default)
    {
        using var response = await api.PutRatingAsync(token, correlationId, rating, source, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.NoContent);
    }

    /// <summary>POST /api/cards/{id}/animation as the page sends it (no body), whatever the answer (a 409, a 429).</summary>
    public static Task<HttpResponseMessage> PostAnimationAsync(this HttpClient api, string token, string correlationId, CancellationToken cancellationToken = default) =>
        SendAsync(api, Authorized(HttpMethod.Post, ApiRoutes.CardAnimation(correlationId), token), cancellationToken);

    /// <summary>
    /// POST /api/cards/{id}/animation, which must be accepted (202, <c>Location</c> the card's route): the animation as it is
    /// now (a repeated request answers the same animation).
    /// </summary>
    public static async Task<CardAnimationView> RequestAnimationAsync(this HttpClient api, string token, string correlationId, CancellationToken cancellationToken = default)
    {
        using var response = await api.PostAnimationAsync(token, correlationId, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.Accepted);
        if (response.Headers.Location?.OriginalString != ApiRoutes.Card(correlationId))
            throw new InvalidDataException($"The 202's Location is '{response.Headers.Location}', not {ApiRoutes.Card(correlationId)}.");
        return await response.Content.ReadFromJsonAsync<CardAnimationView>(Json, cancellationToken) ?? throw new InvalidDataException("Empty animation answer.");
    }

    /// <summary>Polls the card until its animation is completed or failed; the card then.</summary>
    public static Task<CardView> WaitForAnimationAsync(this HttpClient api, string token, string correlationId, TimeSpan timeout,
        TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        api.WaitForCardAsync(token, correlationId, card => card.Animation?.Status is "completed" or "failed", timeout, interval, cancellationToken);

    /// <summary>
    /// The finished animation's bytes and media type: through <paramref name="videoUrl"/> (the card's <c>videoUrl</c>, which
    /// needs no header: absolute, or relative to the Api) or, without one, GET /api/cards/{id}/animation/video as the owner.
    /// </summary>
    public static async Task<(byte[] Bytes, string? ContentType)> DownloadAnimationAsync(this HttpClient api, string token, string correlationId,
        string? videoUrl = null, CancellationToken cancellationToken = default)
    {
        using var request = videoUrl is null
            ? Authorized(HttpMethod.Get, ApiRoutes.CardAnimationVideo(correlationId), token)
            : new HttpRequestMessage(HttpMethod.Get, new Uri(videoUrl, UriKind.RelativeOrAbsolute));
        using var response = await api.SendAsync(request, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    internal static HttpRequestMessage Authorized(HttpMethod method, string route, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, route) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A JSON body with its length, as a browser's fetch sends it (JsonContent would stream the body in chunks).</summary>
    internal static HttpContent JsonBody<T>(T value)
    {
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, Json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return body;
    }

    internal static async Task<T> GetAsync<T>(HttpClient api, string token, string route, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, route, token);
        using var response = await api.SendAsync(request, cancellationToken);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) ?? throw new InvalidDataException($"GET {route} answered null.");
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
            return await api.SendAsync(request, cancellationToken);
    }

    internal static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new UnexpectedStatusException(response.StatusCode,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
    }
}
