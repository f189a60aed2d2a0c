using SnapMagic.Queueing;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Cards;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests;

public sealed class CardSubmitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_card_is_accepted_stored_as_queued_and_enqueued_with_its_trace_context()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "SnapMagic.Api",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        var (client, login) = await factory.NewSessionAsync();

        using var response = await client.PostCardAsync("  A robot barista pouring latte art at a booth  ");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<CardAccepted>(ApiClient.Json))!;
        Assert.True(CorrelationIds.IsWellFormed(accepted.CorrelationId));
        Assert.Equal("queued", accepted.Status);
        Assert.Equal($"/api/cards/{accepted.CorrelationId}", response.Headers.Location?.OriginalString);

        var stored = await factory.Services.GetRequiredService<IJobStore>().GetAsync(accepted.CorrelationId);
        Assert.NotNull(stored);
        Assert.Equal(CardStatus.Queued, stored.Status);
        Assert.Equal(login.SessionId, stored.SessionId);
        Assert.Equal("A robot barista pouring latte art at a booth", stored.Prompt);

        var message = await factory.ReceiveJobAsync(accepted.CorrelationId, TimeSpan.FromSeconds(10));
        Assert.Equal(accepted.CorrelationId, JobMessage.TryParse(message.Body)?.CorrelationId);
        Activity enqueue;
        lock (spans) enqueue = spans.Single(s => s.OperationName == "cards enqueue" && (string?)s.GetTagItem(CardTelemetry.CorrelationIdTag) == accepted.CorrelationId);
        Assert.Equal(ActivityKind.Producer, enqueue.Kind);
        Assert.Equal(enqueue.Id, message.Attributes["traceparent"]);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", message.Attributes["traceparent"]);
    }

    [Fact]
    public async Task The_card_view_shows_the_accepted_card()
    {
        var (client, _) = await factory.NewSessionAsync();
        var accepted = await client.SubmitCardAsync("A lighthouse made of circuit boards");

        var view = await client.GetCardAsync(accepted.CorrelationId);

        Assert.Equal(accepted.CorrelationId, view.CorrelationId);
        Assert.Equal("queued", view.Status);
        Assert.Equal("A lighthouse made of circuit boards", view.Prompt);
        Assert.Null(view.StartedAt);
        Assert.Null(view.CompletedAt);
        Assert.Null(view.ImageUrl);
        Assert.Null(view.Error);
        Assert.InRange(view.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    public static TheoryData<string, string> BadPrompts() => new()
    {
        { "", "at least 10" },
        { "too short", "at least 10" },
        { "          a    ", "at least 10" },
        { "                                        ", "at least 10" },
        { new string('x', PromptRules.MaxLength + 1), "at most 1024" },
        { "A dragon\u0000 with a null byte", "control characters" },
        { "A dragon\u001b[31m in red", "control characters" },
    };

    [Theory]
    [MemberData(nameof(BadPrompts))]
    public async Task A_prompt_that_breaks_the_rule_is_400_ProblemDetails_naming_the_rule(string prompt, string rule)
    {
        var (client, _) = await factory.NewSessionAsync();
        using var response = await client.PostCardAsync(prompt);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(rule, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_prompt_of_exactly_the_limits_is_accepted()
    {
        var (client, _) = await factory.NewSessionAsync();
        await client.SubmitCardAsync(new string('a', PromptRules.MinLength));
        await client.SubmitCardAsync(new string('b', PromptRules.MaxLength));
        await client.SubmitCardAsync("Two lines\nwith a\ttab are fine");
    }

    [Theory]
    [InlineData("{\"prompt\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"prompt\": 42}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[\"A dragon in a hat, please\"]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"prompt\":\"A dragon in a hat\"} trailing", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"prompt\":\"A dragon in a hat\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("prompt=A+dragon+in+a+hat", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_broken_body_is_4xx_ProblemDetails(string body, string contentType, HttpStatusCode expected)
    {
        var (client, _) = await factory.NewSessionAsync();
        using var response = await client.PostAsync("/api/cards", new StringContent(body, Encoding.UTF8, contentType));
        await response.AssertProblemAsync(expected);
    }

    [Fact]
    public async Task A_request_without_a_body_or_content_type_is_415()
    {
        var (client, _) = await factory.NewSessionAsync();
        using var response = await client.PostAsync("/api/cards", null);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_413_with_and_without_a_content_length()
    {
        var (client, _) = await factory.NewSessionAsync();
        var huge = $"{{\"prompt\":\"{new string('x', 64 * 1024)}\"}}";

        using var withLength = await client.PostAsync("/api/cards", new StringContent(huge, Encoding.UTF8, "application/json"));
        await withLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var withoutLength = await client.SendAsync(request);
        await withoutLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_card_instead_of_a_second_job()
    {
        var (client, login) = await factory.NewSessionAsync();

        using var first = await client.PostCardAsync("A penguin juggling conference badges", "submit-1");
        using var retry = await client.PostCardAsync("A penguin juggling conference badges", "submit-1");
        using var other = await client.PostCardAsync("A penguin juggling conference badges", "submit-2");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<CardAccepted>(ApiClient.Json))!.CorrelationId;
        var retryId = (await retry.Content.ReadFromJsonAsync<CardAccepted>(ApiClient.Json))!.CorrelationId;
        var otherId = (await other.Content.ReadFromJsonAsync<CardAccepted>(ApiClient.Json))!.CorrelationId;
        Assert.Equal(firstId, retryId);
        Assert.Equal(retry.Headers.Location, first.Headers.Location);
        Assert.NotEqual(firstId, otherId);

        var jobs = await factory.Services.GetRequiredService<IJobStore>().ListBySessionAsync(login.SessionId, 100);
        Assert.Equal(2, jobs.Count);

        // Keys belong to the session: another attendee using the same key gets a card of their own.
        var (otherSession, _) = await factory.NewSessionAsync();
        var theirs = await otherSession.PostCardAsync("A penguin juggling conference badges", "submit-1");
        Assert.NotEqual(firstId, (await theirs.Content.ReadFromJsonAsync<CardAccepted>(ApiClient.Json))!.CorrelationId);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_prompt_is_422_and_makes_no_card()
    {
        var (client, login) = await factory.NewSessionAsync();

        using var first = await client.PostCardAsync("A penguin juggling conference badges", "submit-1");
        using var reused = await client.PostCardAsync("A walrus reading the conference schedule", "submit-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var problem = await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
        var jobs = await factory.Services.GetRequiredService<IJobStore>().ListBySessionAsync(login.SessionId, 100);
        Assert.Equal("A penguin juggling conference badges", Assert.Single(jobs).Prompt);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task A_malformed_idempotency_key_is_400(string key)
    {
        var (client, _) = await factory.NewSessionAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cards") { Content = JsonContent.Create(new { prompt = "A dragon in a party hat" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_too_long_idempotency_key_is_400()
    {
        var (client, _) = await factory.NewSessionAsync();
        using var response = await client.PostCardAsync("A dragon in a party hat", new string('k', IdempotencyKeys.MaxLength + 1));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_session_past_its_limit_gets_429_with_Retry_After_and_other_sessions_do_not()
    {
        var (client, _) = await factory.NewSessionAsync();
        for (var i = 0; i < 10; i++)
            await client.SubmitCardAsync($"Card number {i} of the rate limit test");

        using var refused = await client.PostCardAsync("One card too many for this minute");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("10 cards a minute", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);

        var (otherSession, _) = await factory.NewSessionAsync();
        await otherSession.SubmitCardAsync("Another attendee is not affected");
    }
}
