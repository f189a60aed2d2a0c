using System.Net;
using SnapMagic.Contracts;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.Benchmarks.Client;

/// <summary>
/// The Api as attendees' browsers use it (the tests' <see cref="CardsApi"/>) over one HttpClient on 127.0.0.1 pooled for
/// load, and the liveness probe. Any answer other than the contract's raises <see cref="UnexpectedStatusException"/>.
/// </summary>
public sealed class ApiClient : IDisposable
{
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

    public Task<LoginResponse> LogInAsync(CancellationToken cancellationToken) => _http.LogInAsync(cancellationToken: cancellationToken);

    /// <summary><paramref name="count"/> sessions, logged in a few at a time.</summary>
    public async Task<IReadOnlyList<LoginResponse>> LogInManyAsync(int count, CancellationToken cancellationToken)
    {
        var sessions = new LoginResponse[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => sessions[i] = await LogInAsync(ct));
        return sessions;
    }

    /// <summary>POST /api/cards; the new card's correlation id.</summary>
    public async Task<string> SubmitAsync(LoginResponse session, string prompt, CancellationToken cancellationToken) =>
        (await _http.SubmitCardAsync(session.Token, prompt, cancellationToken)).CorrelationId;

    /// <summary>GET /api/cards/{id}, the status endpoint (the fallback a polling page uses).</summary>
    public Task<CardView> GetCardAsync(LoginResponse session, string correlationId, CancellationToken cancellationToken) =>
        _http.GetCardAsync(session.Token, correlationId, cancellationToken);

    /// <summary>GET /alive: the cheapest endpoint of the same server, the floor for the others.</summary>
    public async Task AliveAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("/alive", HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new UnexpectedStatusException(response.StatusCode, $"GET /alive answered {(int)response.StatusCode}, expected 200.");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Whether a card is done, one way or the other.</summary>
public static class CardViewExtensions
{
    public static bool IsFinal(this CardView card) => card.Status is "completed" or "failed";
}
