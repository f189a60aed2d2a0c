using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SnapMagic.Contracts;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.EndToEnd.Tests.Cards;

/// <summary>
/// An attendee's card from login to the downloaded PNG, through the real processes: the Api, the workers
/// and the backend the fixture chose. Each backend gets a subclass with its own fixture.
/// </summary>
public abstract class CardJourneyTests<TSystem>(TSystem system) where TSystem : SnapMagicSystem
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);

    protected TSystem System => system;
    private const string Prompt = "a phoenix rising over a neon city";

    [Fact]
    public async Task A_submitted_card_is_pushed_completed_over_SignalR_and_its_image_is_the_template_with_its_art_window_painted()
    {
        var api = system.Api;
        var session = await api.LogInAsync();
        await using var hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(system.App.ApiUrl), session.Token);
        using var pushes = hub.CardUpdates();

        var correlationId = (await api.SubmitCardAsync(session.Token, Prompt)).CorrelationId;

        // The local model takes a second (fixture setting), so the subscription is in place before the card is done.
        var snapshot = await hub.SubscribeAsync(correlationId);
        Assert.Equal(correlationId, snapshot.CorrelationId);
        Assert.NotEqual("completed", snapshot.Status);

        CardView completed;
        try
        {
            completed = (await pushes.WaitForAsync(c => c.CorrelationId == correlationId && c.Status is "completed" or "failed", CardTimeout)).Value;
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
        PaintedCard.AssertPainted(await image.Content.ReadAsByteArrayAsync());

        // The status endpoint agrees with the push.
        Assert.Equal("completed", (await api.GetCardAsync(session.Token, correlationId)).Status);
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

    /// <summary>Submits <paramref name="prompt"/> as a new attendee and returns the card once it is pushed completed or failed.</summary>
    protected async Task<CardView> FinishedCardAsync(string prompt)
    {
        var session = await system.Api.LogInAsync();
        await using var hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(system.App.ApiUrl), session.Token);
        using var pushes = hub.CardUpdates();
        var correlationId = (await system.Api.SubmitCardAsync(session.Token, prompt)).CorrelationId;
        var snapshot = await hub.SubscribeAsync(correlationId);
        if (snapshot.Status is "completed" or "failed")
            return snapshot;
        return (await pushes.WaitForAsync(c => c.CorrelationId == correlationId && c.Status is "completed" or "failed", CardTimeout)).Value;
    }
}

/// <summary>On the embedded system the browser tests already run (one system start less).</summary>
[Collection(Browser.BrowserCollection.Name)]
public sealed class EmbeddedCardJourneyTests(Browser.BrowserSystem browser) : CardJourneyTests<EmbeddedSystem>(browser.System);

[Collection(AwsCollection.Name)]
public sealed class AwsCardJourneyTests(AwsSystem system) : CardJourneyTests<AwsSystem>(system);
