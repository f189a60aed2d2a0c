using SnapMagic.Worker.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.Cards;
using SnapMagic.Imaging;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Cards;
using SnapMagic.Worker.DeadLetters;
using SnapMagic.Worker.Notifications;
using SnapMagic.Backends;

namespace SnapMagic.UnitTests.Worker;

/// <summary>
/// The worker's real wiring (<c>AddCardProcessing</c>) on the embedded backend in a temporary folder, with a
/// scripted image model and a recording notifier in place of the model and the Api.
/// </summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-worker-tests", Guid.NewGuid().ToString("N"));
    private readonly IHost _host;

    public WorkerHarness(IDictionary<string, string?>? settings = null, bool withConsumer = false, bool withSweeper = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embedded:DataDirectory"] = _dataDirectory,
            ["Queue:MaxReceiveCount"] = "3",
            ["Queue:WaitTimeSeconds"] = "1",
            ["ImageModel:MaxRetries"] = "1",
            ["ImageModel:RetryBaseDelayMs"] = "0",
            ["ImageModel:BreakerMinimumThroughput"] = "100",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCardBackend();
        Decorate<IJobStore>(builder.Services, store => new FaultyJobStore(store, Faults));
        Decorate<IImageStore>(builder.Services, images => new FaultyImageStore(images, Faults));
        Decorate<ICardQueues>(builder.Services, queues => new FaultyCardQueues(queues, Faults));
        builder.AddCardProcessing();
        builder.Services.AddSingleton<IImageModel>(Model);
        builder.Services.AddSingleton<IApiNotifier>(Notifier);
        if (withConsumer)
            builder.Services.AddHostedService<JobConsumer>();
        if (withSweeper)
            builder.Services.AddHostedService<DeadLetterSweeper>();
        _host = builder.Build();
    }

    /// <summary>Failures planned for the store, image store and queue calls (none unless a test plans them).</summary>
    public Faults Faults { get; } = new();
    public ScriptedImageModel Model { get; } = new();
    public RecordingNotifier Notifier { get; } = new();
    public IServiceProvider Services => _host.Services;
    public JobMessageManager Messages => Services.GetRequiredService<JobMessageManager>();
    public DeadLetterSweeper CreateSweeper() => ActivatorUtilities.CreateInstance<DeadLetterSweeper>(Services);
    public IJobStore Store => Services.GetRequiredService<IJobStore>();
    public IImageStore Images => Services.GetRequiredService<IImageStore>();
    public ICardQueues Queues => Services.GetRequiredService<ICardQueues>();

    public Task StartAsync() => _host.StartAsync();

    public Task StopAsync() => _host.StopAsync();

    /// <summary>Writes a queued job and sends its message, as the Api does.</summary>
    public async Task<CardJob> SubmitAsync(string prompt = "a lighthouse in a storm at night")
    {
        var job = new CardJob
        {
            CorrelationId = CorrelationIds.New(),
            SessionId = "session-" + Guid.NewGuid().ToString("N")[..8],
            Prompt = prompt,
            Status = CardStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await Store.CreateAsync(job);
        await Queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(job.CorrelationId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = job.CorrelationId }));
        return job;
    }

    /// <summary>Receives the one waiting message (it must be there: no waiting).</summary>
    public async Task<QueueMessage> ReceiveAsync(IMessageQueue? queue = null)
    {
        var messages = await (queue ?? Queues.Jobs).ReceiveAsync(1, TimeSpan.Zero);
        return Assert.Single(messages);
    }

    /// <summary>Ends the lease of a message now and receives it again, as when its release delay or lease has run out.</summary>
    public async Task<QueueMessage> RedeliverAsync(QueueMessage message, IMessageQueue? queue = null)
    {
        await (queue ?? Queues.Jobs).ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        return await ReceiveAsync(queue);
    }

    /// <summary>Puts <paramref name="wrap"/> around the registered <typeparamref name="T"/>; the container still owns (and disposes) the original.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        const string undecorated = "undecorated";
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(original switch
        {
            { ImplementationFactory: { } factory } => ServiceDescriptor.KeyedSingleton<T>(undecorated, (provider, _) => (T)factory(provider)),
            { ImplementationType: { } type } => ServiceDescriptor.KeyedSingleton(typeof(T), undecorated, type),
            _ => ServiceDescriptor.KeyedSingleton(typeof(T), undecorated, original.ImplementationInstance!),
        });
        services.AddSingleton(provider => wrap(provider.GetRequiredKeyedService<T>(undecorated)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            _host.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
