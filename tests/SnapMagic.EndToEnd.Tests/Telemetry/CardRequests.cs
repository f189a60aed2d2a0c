using SnapMagic.TestSupport.Api;

namespace SnapMagic.EndToEnd.Tests.Telemetry;

/// <summary>An attendee's requests the telemetry tests need: log in, ask for a card, poll its status until it is final.</summary>
public static class CardRequests
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Logs in, submits <paramref name="prompt"/> and returns the card's correlation id once it is completed.</summary>
    public static async Task<string> MakeCardAsync(HttpClient api, string prompt, Func<string> recentOutput)
    {
        var session = await api.LogInAsync();
        var correlationId = (await api.SubmitCardAsync(session.Token, prompt)).CorrelationId;

        var deadline = DateTime.UtcNow + CardTimeout;
        while (true)
        {
            var card = await api.GetCardAsync(session.Token, correlationId);
            if (card.Status is "completed")
                return correlationId;
            Assert.True(card.Status is not "failed", $"The card failed: {card}{Environment.NewLine}{recentOutput()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Card {correlationId} is still {card.Status} after {CardTimeout.TotalSeconds:0} s.{Environment.NewLine}{recentOutput()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
