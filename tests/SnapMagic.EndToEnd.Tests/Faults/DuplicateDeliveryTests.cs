using SnapMagic.EndToEnd.Tests.Browser;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.EndToEnd.Tests.ScaleOut;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// The same card message delivered more than once (SQS is at-least-once; a producer may send twice): copies
/// worked at the same time by two workers, and copies arriving after the card is done. One image, one
/// <c>completed</c> push, one completion. Extra messages hurt no process, so this runs on the browser tests' system.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DuplicateDeliveryTests(BrowserSystem browser)
{
    [Fact]
    public Task Copies_of_a_card_message_make_one_image_and_one_push_per_status() => DuplicateDelivery.CheckAsync(browser.System);
}

/// <summary>With two Api replicas the copies' notices reach either one: the de-duplication they share still pushes once.</summary>
[Collection(ScaledOutCollection.Name)]
public sealed class ScaledOutDuplicateDeliveryTests(ScaledOutBrowserSystem scaledOut)
{
    [Fact]
    public Task Copies_of_a_card_message_make_one_image_and_one_push_per_status_across_two_Api_replicas() =>
        DuplicateDelivery.CheckAsync(scaledOut.System);
}

internal static class DuplicateDelivery
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// On a system with two workers of two slots each and a model that takes about a second, so the copies of a card are
    /// worked side by side; other tests' cards on it are left out of the counts.
    /// </summary>
    public static async Task CheckAsync(EmbeddedSystem system)
    {
        await using var attendee = await Attendee.LogInAsync(system);
        // Two more copies right behind each card's own message: four free slots take the copies of a card
        // within a poll of each other, so they are worked side by side, on both workers.
        var cards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await attendee.SubmitAsync($"a card sent three times, number {i + 1}");
            await system.SendCardMessageAsync(id);
            await system.SendCardMessageAsync(id);
            cards.Add(id);
        }

        await attendee.WaitAllCompletedAsync(cards, Deadline);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        var completedAt = new Dictionary<string, DateTimeOffset?>();
        foreach (var id in cards)
            completedAt[id] = (await attendee.GetAsync(id)).CompletedAt;

        // Late copies, after the cards are done: each is recognised as finished and only deleted.
        foreach (var id in cards)
            await system.SendCardMessageAsync(id);
        await system.WaitForJobQueueEmptyAsync(Deadline);
        await attendee.SyncAsync();

        // Copies were worked side by side (a copy that starts while another works the card moves it
        // processing → processing), yet every status reached the attendee once.
        await system.WaitUntilAsync(() => cards.Any(id => system.WorkerLines($"Card {id} started").Count >= 2),
            "a card started by two copies", Deadline);
        foreach (var id in cards)
        {
            // At most one: a card may start before its attendee subscribed (the snapshot then says processing).
            Assert.InRange(attendee.PushCount(id, "processing"), 0, 1);
            Assert.Equal(1, attendee.PushCount(id, "completed"));
            Assert.Single(await system.WaitForWorkerLinesAsync($"Card {id} completed", 1, Deadline));
            Assert.Equal(completedAt[id], (await attendee.GetAsync(id)).CompletedAt);
        }
        Assert.Equal(cards.Select(attendee.ImageFileOf).Order(), system.ImageFiles(attendee.SessionId));
    }
}
