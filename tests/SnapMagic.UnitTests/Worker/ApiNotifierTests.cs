using SnapMagic.Contracts;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Cards;
using SnapMagic.Worker.Notifications;

namespace SnapMagic.UnitTests.Worker;

public sealed class ApiNotifierTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Posts_an_empty_body_to_the_internal_endpoint_with_the_key()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var http = Client(handler);

        await new ApiNotifier(http, NullLogger<ApiNotifier>.Instance).CardChangedAsync(Id, CardStatus.Completed);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"http://127.0.0.1:5180/internal/cards/{Id}/changed?status=completed", request.RequestUri!.ToString());
        Assert.Equal("the-key", Assert.Single(request.Headers.GetValues(InternalApi.KeyHeader)));
        Assert.Null(request.Content);
    }

    [Fact]
    public async Task An_animation_notice_names_the_completed_card_and_the_animation_status()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var http = Client(handler);

        await new ApiNotifier(http, NullLogger<ApiNotifier>.Instance).AnimationChangedAsync(Id, CardAnimationStatus.Processing);

        var request = Assert.Single(handler.Requests);
        Assert.Equal($"http://127.0.0.1:5180/internal/cards/{Id}/changed?status=completed&animation=processing", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task An_error_answer_is_logged_not_thrown()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var http = Client(handler);

        await new ApiNotifier(http, NullLogger<ApiNotifier>.Instance).CardChangedAsync(Id, CardStatus.Completed);

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_unreachable_Api_is_logged_not_thrown()
    {
        var handler = new StubHandler(_ => throw new HttpRequestException("connection refused"));
        using var http = Client(handler);

        await new ApiNotifier(http, NullLogger<ApiNotifier>.Instance).CardChangedAsync(Id, CardStatus.Completed);

        Assert.Single(handler.Requests);
    }

    private static HttpClient Client(StubHandler handler)
    {
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:5180/") };
        http.DefaultRequestHeaders.Add(InternalApi.KeyHeader, "the-key");
        return http;
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
