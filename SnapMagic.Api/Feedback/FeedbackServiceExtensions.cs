using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Feedback;

public static class FeedbackServiceExtensions
{
    /// <summary>The accept path, the feedback limits and how the document shows the feedback contracts.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section)
            .Validate(feedback => feedback.PerSession >= 0 && feedback.EventPerHour >= 0 && feedback.PerSessionWindowMinutes >= 1,
                "Feedback:PerSession and EventPerHour must be 0 (no limit) or more, and Feedback:PerSessionWindowMinutes at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<WindowCounts>();
        services.AddSingleton<FeedbackSpendLimits>();
        services.AddSingleton<FeedbackIntake>();
        services.AddOpenApiTag(FeedbackEndpoints.Tag, "An attendee's spoken or typed answer to \"How do you rate this app?\": accepted at once, transcribed and scored by the worker pool.");
        services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddSchemaTransformer<FeedbackSchemas>());
        return services;
    }
}
