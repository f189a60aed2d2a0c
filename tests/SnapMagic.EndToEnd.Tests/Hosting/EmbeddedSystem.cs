using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.Queueing;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>
/// The default backend: SQLite queue and store, images on disk, the local image model. The test reaches the same
/// SQLite queue and job store the services use, to inject messages and read the truth behind the Api, and reads the
/// workers' output.
/// </summary>
public class EmbeddedSystem : SnapMagicSystem
{
    protected override string Backend => "embedded";

    /// <summary>The queues in the services' data folder (same SQLite file, same names).</summary>
    public SqliteCardQueues OpenQueues() => new(App.DataDirectory, new QueueOptions());

    public SqliteJobStore OpenJobStore() => new(App.DataDirectory);

    /// <summary>Sends a card message onto the job queue as the Api does: a redelivery or a duplicate send, as far as the workers can tell.</summary>
    public async Task SendCardMessageAsync(string correlationId)
    {
        using var queues = OpenQueues();
        await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(correlationId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = correlationId }));
    }

    /// <summary>
    /// Every file under the image store's folder, relative to it, with '/' separators; only the session's own
    /// (<see cref="CardJob.ImageKeyFor"/>) when given, for a system other tests make cards on too.
    /// </summary>
    public IReadOnlyList<string> ImageFiles(string? sessionId = null)
    {
        var root = Path.Combine(App.DataDirectory, "images");
        var prefix = sessionId is null ? "" : CardJob.ImageKeyFor(sessionId, "")[..^".png".Length];
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Order()]
            : [];
    }

    /// <summary>Lines every worker printed that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> WorkerLines(string text) =>
        [.. App.All.Where(s => s.Name.StartsWith("worker-", StringComparison.Ordinal)).SelectMany(s => s.Lines(2000, text))];

    /// <summary>
    /// Waits until the workers' output holds at least <paramref name="count"/> lines containing <paramref name="text"/>
    /// and returns them all: a resource's console output reaches the test a little after the process wrote it.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForWorkerLinesAsync(string text, int count, TimeSpan timeout)
    {
        await WaitUntilAsync(() => WorkerLines(text).Count >= count, $"{count} worker line(s) with '{text}'", timeout);
        return WorkerLines(text);
    }

    /// <summary>Waits until the job queue holds nothing, visible or leased: every message was worked to its end.</summary>
    public Task WaitForJobQueueEmptyAsync(TimeSpan timeout) =>
        WaitForQueueAsync(q => q.Jobs, depth => depth is { Visible: 0, InFlight: 0 }, "the job queue to be empty", timeout);

    public async Task<QueueDepth> WaitForQueueAsync(Func<ICardQueues, IMessageQueue> queue, Func<QueueDepth, bool> condition, string what, TimeSpan timeout)
    {
        using var queues = OpenQueues();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var depth = await queue(queues).GetDepthAsync();
            if (condition(depth))
                return depth;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last depth {depth}.{Environment.NewLine}{RecentOutput()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; a TimeoutException naming <paramref name="what"/> otherwise.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.{Environment.NewLine}{RecentOutput()}");
            await Task.Delay(100);
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout);
}

/// <summary>The embedded system with the Aspire dashboard, for the tests that read its telemetry and pages.</summary>
public sealed class EmbeddedSystemWithDashboard : EmbeddedSystem
{
    protected override bool Dashboard => true;
}
