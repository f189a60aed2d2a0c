using SnapMagic.EndToEnd.Tests.Faults;
using SnapMagic.EndToEnd.Tests.Hosting;

namespace SnapMagic.EndToEnd.Tests.ScaleOut;

internal static class DeliveryAssertions
{
    /// <summary>
    /// Once the work is over: no attendee got a push of another session's card, none got a status of a card twice,
    /// and each learned of each of its cards' completion, by push or by the snapshot of a (re-)subscribe.
    /// </summary>
    public static async Task EveryCardReachedItsOwnerOnceAsync(EmbeddedSystem system, IReadOnlyList<Attendee> attendees, TimeSpan deadline)
    {
        await system.WaitForJobQueueEmptyAsync(deadline);
        foreach (var attendee in attendees)
            await attendee.SyncAsync();
        foreach (var attendee in attendees)
        {
            Assert.All(attendee.EveryPush, card => Assert.Contains(card.CorrelationId, attendee.Cards));
            foreach (var id in attendee.Cards)
            {
                foreach (var status in new[] { "queued", "processing", "completed" })
                    Assert.InRange(attendee.PushCount(id, status), 0, 1);
                Assert.True(attendee.PushCount(id, "completed") == 1 || attendee.Snapshot(id).Status == "completed",
                    $"Card {id} completed but its owner was told neither by push nor by snapshot.{Environment.NewLine}{system.RecentOutput()}");
            }
        }
    }
}
