using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Statistics;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests;

public sealed class PipelineTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Unknown_routes_and_wrong_methods_are_ProblemDetails()
    {
        using var client = factory.CreateClient();

        using var notFound = await client.GetAsync("/api/nothing-here");
        await notFound.AssertProblemAsync(HttpStatusCode.NotFound);

        using var wrongMethod = await client.DeleteAsync("/api/auth/login");
        await wrongMethod.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Health_and_alive_answer()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("/api/cards", "POST", "authorization,content-type,idempotency-key")]
    [InlineData("/api/auth/login", "POST", "content-type")]
    [InlineData("/hubs/cards/negotiate?negotiateVersion=1", "POST", "authorization,x-signalr-user-agent,x-requested-with")]
    public async Task The_web_origin_passes_the_CORS_preflight(string path, string method, string headers)
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", ApiFactory.WebOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", headers);

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(ApiFactory.WebOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // Bearer tokens, no cookies: credentialed cross-origin requests are not allowed.
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in headers.Split(','))
            Assert.Contains(header, allowed);
    }

    [Fact]
    public async Task Responses_to_the_web_origin_expose_Location_and_Retry_After()
    {
        var (client, _) = await factory.NewSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { prompt = "A cross-origin card request" }),
        };
        request.Headers.Add("Origin", ApiFactory.WebOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(ApiFactory.WebOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("Location", exposed);
        Assert.Contains("Retry-After", exposed);
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        using var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/cards");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_ProblemDetails_without_the_stack_trace()
    {
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IJobStore, FailingStore>()));
        var login = await factory.LoginAsync();
        using var client = broken.CreateClient().WithBearer(login.Token);

        using var response = await client.GetAsync("/api/cards");

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task A_queue_that_refuses_the_message_is_503_and_the_card_is_marked_failed()
    {
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<ICardQueues, RefusingQueues>()));
        var login = await factory.LoginAsync();
        using var client = broken.CreateClient().WithBearer(login.Token);

        using var response = await client.PostCardAsync("A card the queue will not take");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var jobs = await factory.Services.GetRequiredService<IJobStore>().ListBySessionAsync(login.SessionId, 10);
        var job = Assert.Single(jobs);
        Assert.Equal(CardStatus.Failed, job.Status);
        Assert.Contains("could not be queued", job.Error);
    }

    private sealed class FailingStore : IJobStore
    {
        private static Exception Failure() => new InvalidOperationException("secret detail that must not reach the client");
        public Task<(CardJob Job, bool Created)> CreateAsync(CardJob job, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> GetAsync(string id, CancellationToken ct = default) => throw Failure();
        public Task<IReadOnlyList<CardJob>> ListBySessionAsync(string s, int limit, CancellationToken ct = default) => throw Failure();
        public Task<long?> CountQueuedAheadAsync(CardJob job, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryStartAsync(string id, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryCompleteAsync(string id, string key, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryFailAsync(string id, string error, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryRateAsync(string id, CardRating rating, RatingSource source = RatingSource.Button, CancellationToken ct = default) => throw Failure();
        public Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string id, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryStartAnimationAsync(string id, string invocationId, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryCompleteAnimationAsync(string id, string key, string contentType, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<CardJob?> TryFailAnimationAsync(string id, string error, DateTimeOffset at, CancellationToken ct = default) => throw Failure();
        public Task<EventStatistics> GetStatisticsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct = default) => throw Failure();
        public IAsyncEnumerable<CardJob> ListAllAsync(CancellationToken ct = default) => throw Failure();
        public Task<IReadOnlyList<CardJob>> ListLatestCompletedAsync(int limit, CancellationToken ct = default) => throw Failure();
        public Task PingAsync(CancellationToken ct = default) => throw Failure();
    }
}
