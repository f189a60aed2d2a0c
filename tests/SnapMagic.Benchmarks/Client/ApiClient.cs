using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Client;

/// <summary>
/// The Api as attendees' browsers use it, over one pooled HttpClient on 127.0.0.1: log in, submit a card,
/// read a card, and the liveness probe. Any answer other than the contract's raises <see cref="UnexpectedStatusException"/>.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        var handler = new SocketsHttpHandler
        {
            // Open-loop load keeps many requests in flight; each needs its own HTTP/1.1 connection.
            MaxConnectionsPerServer = 2000,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }
    public Uri HubUrl => CardsHubConnection.UrlOn(BaseAddress);

    public async Task<Session> LogInAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" }, Json, cancellationToken);
        Expect(response, HttpStatusCode.OK);
        var login = await response.Content.ReadFromJsonAsync<LoginAnswer>(Json, cancellationToken)
            ?? throw new InvalidDataException("Empty login answer.");
        return new Session(login.SessionId, login.Token);
    }

    /// <summary><paramref name="count"/> sessions, logged in a few at a time.</summary>
    public async Task<IReadOnlyList<Session>> LogInManyAsync(int count, CancellationToken cancellationToken)
    {
        var sessions = new Session[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => sessions[i] = await LogInAsync(ct));
        return sessions;
    }

    /// <summary>POST /api/cards; the new card's correlation id.</summary>
    public async Task<string> SubmitAsync(Session session, string prompt, CancellationToken cancellationToken)
    {
        // With its length, as a browser's fetch sends it: JsonContent would stream the body in chunks, which costs both sides more.
        using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { prompt }, Json));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var response = await _http.SendAsync(request, cancellationToken);
        Expect(response, HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<AcceptedAnswer>(Json, cancellationToken)
            ?? throw new InvalidDataException("Empty accept answer.");
        return accepted.CorrelationId;
    }

    /// <summary>GET /api/cards/{id}, the status endpoint (the fallback a polling page uses).</summary>
    public async Task<CardSnapshot> GetCardAsync(Session session, string correlationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cards/{correlationId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var response = await _http.SendAsync(request, cancellationToken);
        Expect(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<CardSnapshot>(Json, cancellationToken)
            ?? throw new InvalidDataException("Empty card.");
    }

    /// <summary>GET /alive: the cheapest endpoint of the same server, the floor for the others.</summary>
    public async Task AliveAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("/alive", HttpCompletionOption.ResponseContentRead, cancellationToken);
        Expect(response, HttpStatusCode.OK);
    }

    public void Dispose() => _http.Dispose();

    private static void Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new UnexpectedStatusException(response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}, expected {(int)expected}.");
    }

    private sealed record LoginAnswer(string Token, string SessionId);
    private sealed record AcceptedAnswer(string CorrelationId, string Status);
}

/// <summary>One login: many attendees share the event's credentials, each login is its own session.</summary>
public sealed record Session(string Id, string Token);

/// <summary>The fields of the card view the benchmarks read.</summary>
public sealed record CardSnapshot(string CorrelationId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Error)
{
    public bool IsFinal => Status is "completed" or "failed";
}

public sealed class UnexpectedStatusException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
