using System.Net;
using System.Net.Http.Json;

namespace SnapMagic.Api.Tests.Limits;

/// <summary>Failed logins per user name and per address: past the limit every attempt is 429 until the minute ends.</summary>
public sealed class LoginThrottleTests : IDisposable
{
    private readonly LimitsFactory _factory = new(("Login:FailuresPerUsernamePerMinute", "2"), ("Login:FailuresPerAddressPerMinute", "4"));

    [Fact]
    public async Task Past_the_failures_for_a_user_name_even_the_right_password_gets_429_until_the_minute_ends()
    {
        using var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "demo", "wrong-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "demo", "wrong-2")).StatusCode);
        using var throttled = await LoginAsync(client, "demo", "demo");
        using var otherName = await LoginAsync(client, "organizer", "organizer");

        var problem = await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("user name", problem.GetProperty("detail").GetString());
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, otherName.StatusCode);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "demo", "demo")).StatusCode);
    }

    [Fact]
    public async Task Past_the_failures_from_one_address_every_name_gets_429_naming_the_address()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, $"guess-{i}", "wrong")).StatusCode);

        using var throttled = await LoginAsync(client, "demo", "demo");

        var problem = await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("address", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Successful_logins_are_not_counted()
    {
        using var client = _factory.CreateClient();

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "demo", "demo")).StatusCode);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username, password });

    public void Dispose() => _factory.Dispose();
}
