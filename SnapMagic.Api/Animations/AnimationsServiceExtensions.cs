using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Animations;

public static class AnimationsServiceExtensions
{
    /// <summary>The animation limits and budget and the accept path.</summary>
    public static IServiceCollection AddAnimations(this IServiceCollection services)
    {
        services.AddOptions<AnimationOptions>().BindConfiguration(AnimationOptions.Section)
            .Validate(animations => animations.PerSession >= 0 && animations.EventPerHour >= 0 && animations.EventPerDay >= 0 && animations.PerSessionWindowMinutes >= 1,
                "Animations:PerSession, EventPerHour and EventPerDay must be 0 (no limit) or more, and Animations:PerSessionWindowMinutes at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<WindowCounts>();
        services.AddSingleton<AnimationLimits>();
        services.AddSingleton<AnimationRequests>();
        services.AddOpenApiTag(AnimationEndpoints.Tag, "Turn a finished card into a short video (once per card), and fetch the video.");
        return services;
    }
}
