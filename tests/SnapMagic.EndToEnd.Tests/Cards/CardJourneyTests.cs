using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.Imaging;
using SnapMagic.TestSupport.SignalR;

namespace SnapMagic.EndToEnd.Tests.Cards;

/// <summary>
/// An attendee's card from login to the downloaded PNG, through the real processes: the Api, the workers
/// and the backend the fixture chose. Each backend gets a subclass with its own fixture.
/// </summary>
public abstract class CardJourneyTests<TSystem>(TSystem system) where TSystem : SnapMagicSystem
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);
    private const string Prompt = "a phoenix rising over a neon city";

    [Fact]
    public async Task A_submitted_card_is_pushed_completed_over_SignalR_and_its_image_is_a_PNG()
    {
        var api = system.Api;
        var token = await LogInAsync(api);
        await using var hub = await SignalRJsonClient.ConnectAsync(new Uri(system.App.ApiUrl, "/hubs/cards"), token);

        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/cards")
        {
            Content = JsonContent.Create(new { prompt = Prompt }),
        };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var accepted = await api.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var correlationId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("correlationId").GetString()!;
        Assert.Equal($"/api/cards/{correlationId}", accepted.Headers.Location?.OriginalString);

        // The local model takes a second (fixture setting), so the subscription is in place before the card is done.
        var snapshot = await hub.InvokeAsync<Card>("Subscribe", correlationId);
        Assert.Equal(correlationId, snapshot!.CorrelationId);
        Assert.NotEqual("completed", snapshot.Status);

        Card completed;
        try
        {
            completed = await hub.WaitForCardUpdatedAsync<Card>(c => c.CorrelationId == correlationId && c.Status is "completed" or "failed", CardTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{system.RecentOutput()}", ex);
        }
        Assert.True(completed.Status == "completed", $"The card failed: {completed.Error}{Environment.NewLine}{system.RecentOutput()}");
        Assert.NotNull(completed.CompletedAt);
        Assert.False(string.IsNullOrEmpty(completed.ImageUrl));
        system.AssertBackendMadeCard(Prompt);

        // As an <img> tag would load it: no Authorization header.
        using var anonymous = new HttpClient();
        using var image = await anonymous.GetAsync(new Uri(system.App.ApiUrl, completed.ImageUrl));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var png = Png.Decode(await image.Content.ReadAsByteArrayAsync());
        var template = CardTemplate.Load();
        Assert.Equal((template.Width, template.Height), (png.Width, png.Height));

        // The status endpoint agrees with the push.
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/cards/{correlationId}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var status = await api.SendAsync(read);
        Assert.Equal("completed", (await status.Content.ReadFromJsonAsync<Card>())!.Status);
    }

    [Fact]
    public void The_backends_local_servers_are_resources_of_their_own_running_and_healthy()
    {
        var servers = system.App.All.Where(p => p.Name is not ("api" or "web") && !p.Name.StartsWith("worker-", StringComparison.Ordinal)).ToList();

        Assert.Equal(system.LocalServers, servers.Select(s => s.Name));
        foreach (var server in servers)
        {
            Assert.Equal((KnownResourceStates.Running, HealthStatus.Healthy), (server.State, server.Latest?.Snapshot.HealthStatus));
            Assert.True(server.LauncherPid is { } pid && ProcessTree.IsRunning(pid), $"{server.Name}: pid {server.LauncherPid}");
        }
    }

    private static async Task<string> LogInAsync(HttpClient api)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "demo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The fields of the card view (GET /api/cards/{id}, <c>cardUpdated</c>) this test reads.</summary>
    private sealed record Card(string CorrelationId, string Status, DateTimeOffset? CompletedAt, string? ImageUrl, string? Error);
}

/// <summary>On the embedded system the browser tests already run (one system start less).</summary>
[Collection(Browser.BrowserCollection.Name)]
public sealed class EmbeddedCardJourneyTests(Browser.BrowserSystem browser) : CardJourneyTests<EmbeddedSystem>(browser.System);

[Collection(AwsCollection.Name)]
public sealed class AwsCardJourneyTests(AwsSystem system) : CardJourneyTests<AwsSystem>(system);
