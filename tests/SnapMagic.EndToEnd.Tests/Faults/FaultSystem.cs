using SnapMagic.Cards;
using SnapMagic.Embedded;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.Queueing;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// The real processes on the embedded backend with the settings one fault needs (a short lease, a slow or
/// scripted model, small breaker settings), without the dashboard. Each fault test starts its own and disposes it. The test reaches
/// the same SQLite queue and job store the services use, to inject messages and read the truth behind the Api.
/// </summary>
public sealed class FaultSystem : SnapMagicSystem, IAsyncDisposable
{
    private readonly int _workers;
    private readonly int _apiReplicas;
    private readonly Dictionary<string, string> _environment;

    private FaultSystem(int workers, int apiReplicas, IReadOnlyDictionary<string, string> environment)
    {
        _workers = workers;
        _apiReplicas = apiReplicas;
        _environment = new Dictionary<string, string>
        {
            // Fault tests submit bursts from one session.
            ["Cards__PerSessionPerMinute"] = "0",
        };
        foreach (var (key, value) in environment)
            _environment[key] = value;
    }

    protected override string Backend => "embedded";

    protected override int Workers => _workers;

    protected override int ApiReplicas => _apiReplicas;

    protected override bool Dashboard => false;

    public static async Task<FaultSystem> StartAsync(int workers, IReadOnlyDictionary<string, string> environment, int apiReplicas = 1)
    {
        var system = new FaultSystem(workers, apiReplicas, environment);
        await system.InitializeAsync();
        return system;
    }

    /// <summary>The settings that point the workers' image model at a fake Bedrock the test owns.</summary>
    public static Dictionary<string, string> BedrockModel(FakeBedrockServer bedrock) => new()
    {
        ["ImageModel__Provider"] = "Bedrock",
        ["ImageModel__Bedrock__ServiceUrl"] = bedrock.Url.ToString(),
        ["ImageModel__Bedrock__Region"] = bedrock.Region,
        ["Aws__AccessKeyId"] = "fault-test",
        ["Aws__SecretAccessKey"] = "fault-test-secret",
    };

    protected override Task<IReadOnlyDictionary<string, string>> StartBackendAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_environment);

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public ServiceProcess Service(string name) => App[name];

    /// <summary>The queues in the services' data folder (same SQLite file, same names).</summary>
    public SqliteCardQueues OpenQueues() => new(App.DataDirectory, new QueueOptions());

    public SqliteJobStore OpenJobStore() => new(App.DataDirectory);

    /// <summary>Sends a card message onto the job queue as the Api does: a redelivery or a duplicate send, as far as the workers can tell.</summary>
    public async Task SendCardMessageAsync(string correlationId)
    {
        using var queues = OpenQueues();
        await queues.Jobs.SendAsync(new OutgoingMessage(new CardMessage(correlationId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = correlationId }));
    }

    /// <summary>Every file under the image store's folder, relative to it, with '/' separators.</summary>
    public IReadOnlyList<string> ImageFiles()
    {
        var root = Path.Combine(App.DataDirectory, "images");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order()]
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
