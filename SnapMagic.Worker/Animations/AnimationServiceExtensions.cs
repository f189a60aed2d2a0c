using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Imaging.Hosting;
using SnapMagic.Worker.Animations;
using SnapMagic.Worker.Jobs;

namespace Microsoft.Extensions.Hosting;

public static class AnimationServiceExtensions
{
    /// <summary>
    /// The card animation role: the video model <c>VideoModel:Provider</c> names (local animated WebP, or Bedrock's
    /// asynchronous API), behind its own retries and circuit breaker, and the <see cref="AnimationJobHandler"/> the message
    /// manager routes <c>animation</c> messages to (<c>Worker:Animations</c> settings: <see cref="AnimationOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAnimationProcessing(this IHostApplicationBuilder builder)
    {
        builder.AddVideoModel();
        var services = builder.Services;
        services.Configure<AnimationOptions>(builder.Configuration.GetSection(AnimationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<AnimationMetrics>();
        services.AddSingleton<ResilientVideoModel>();
        services.AddSingleton<AnimationFailures>();
        services.AddSingleton<IJobHandler, AnimationJobHandler>();
        return builder;
    }
}
