using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SnapMagic.Backends;
using SnapMagic.Contracts;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Hosting;
using SnapMagic.Worker;
using SnapMagic.Worker.Cards;
using SnapMagic.Worker.Jobs;
using SnapMagic.Worker.DeadLetters;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Notifications;
using SnapMagic.Worker.Resilience;

namespace Microsoft.Extensions.Hosting;

public static class WorkerServiceExtensions
{
    /// <summary>The card backend, the image model, and the consumers that turn queued jobs into cards.</summary>
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.AddCardBackend();
        builder.AddImageModel();
        builder.AddCardProcessing();
        builder.AddAnimationProcessing();
        builder.Services.AddHostedService<JobConsumer>();
        builder.Services.AddHostedService<DeadLetterSweeper>();
        builder.Services.AddHostedService<QueueDepthGauges>();
        return builder;
    }

    /// <summary>
    /// Everything that works one card (message manager, handler, resilient model, notifier, metrics) without the hosted
    /// loops, so tests can drive a <see cref="JobMessageManager"/> directly.
    /// </summary>
    public static IHostApplicationBuilder AddCardProcessing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<WorkerOptions>(builder.Configuration.GetSection(WorkerOptions.Section));
        // AddImageModel binds these too; binding the same section twice is harmless and keeps this usable alone.
        services.Configure<ImageModelOptions>(builder.Configuration.GetSection(ImageModelOptions.Section));
        services.Configure<HostOptions>(host =>
        {
            // In-flight cards get the grace period, then their messages are released: leave time for that.
            var grace = builder.Configuration.GetValue($"{WorkerOptions.Section}:{nameof(WorkerOptions.ShutdownGraceSeconds)}", new WorkerOptions().ShutdownGraceSeconds);
            host.ShutdownTimeout = TimeSpan.FromSeconds(grace + 10);
        });
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ModelBreaker>();
        services.AddSingleton(sp => new WorkerMetrics(sp.GetRequiredService<IMeterFactory>(), () => (int)sp.GetRequiredService<ModelBreaker>().State));
        services.AddSingleton<ResilientImageModel>();
        services.AddSingleton<IJobHandler, CardJobHandler>();
        builder.AddFeedbackProcessing();
        services.AddSingleton<JobMessageManager>();

        var notifier = ReadNotifierOptions(builder);
        services.AddHttpClient<IApiNotifier, ApiNotifier>(http =>
        {
            http.BaseAddress = notifier.InternalUrl;
            http.Timeout = notifier.Timeout;
            http.DefaultRequestHeaders.Add(InternalApi.KeyHeader, notifier.ApiKey);
        });
        return builder;
    }

    private static ApiNotifierOptions ReadNotifierOptions(IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var url = builder.Configuration["Api:InternalUrl"] is { Length: > 0 } configured ? configured
            : development ? ApiNotifierOptions.DevelopmentInternalUrl
            : throw new InvalidOperationException("Set Api:InternalUrl (environment variable Api__InternalUrl): the worker tells the Api there that a card changed.");
        var key = builder.Configuration["Internal:ApiKey"] is { Length: > 0 } configuredKey ? configuredKey
            : development ? InternalApi.DevelopmentKey
            : throw new InvalidOperationException("Set Internal:ApiKey (environment variable Internal__ApiKey): the key the worker shows the Api's internal endpoint.");
        if (!development && key == InternalApi.DevelopmentKey)
            throw new InvalidOperationException("Internal:ApiKey is the development key; set a secret one outside Development.");
        // A relative "internal/cards/..." must land under the base path, so the base ends with a slash.
        return new ApiNotifierOptions { InternalUrl = new Uri(url.TrimEnd('/') + "/"), ApiKey = key };
    }
}
