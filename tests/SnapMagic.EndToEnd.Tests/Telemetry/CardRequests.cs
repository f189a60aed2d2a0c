using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>An attendee's requests the telemetry tests need: log in, ask for a card, poll its status until it is final.</summary>
public static class CardRequests
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Logs in, submits <paramref name="prompt"/> and returns the card's correlation id once it is completed.</summary>
    public static async Task<string> MakeCardAsync(HttpClient api, string prompt, Func<string> recentOutput)
    {
        using var login = await api.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/cards") { Content = JsonContent.Create(new { prompt }) };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await api.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var correlationId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("correlationId").GetString()!;

        var deadline = DateTime.UtcNow + CardTimeout;
        while (true)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/cards/{correlationId}");
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await api.SendAsync(read);
            var card = await response.Content.ReadFromJsonAsync<JsonElement>();
            var status = card.GetProperty("status").GetString();
            if (status is "completed")
                return correlationId;
            Assert.True(status is not "failed", $"The card failed: {card}{Environment.NewLine}{recentOutput()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Card {correlationId} is still {status} after {CardTimeout.TotalSeconds:0} s.{Environment.NewLine}{recentOutput()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
