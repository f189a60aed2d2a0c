using Microsoft.Extensions.Options;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Feedback;

/// <summary>
/// Feedback answers per session and the event's budget per hour (<see cref="FeedbackOptions"/>), counted across replicas
/// when Redis is configured (in this process while it is unreachable), as the card limits are.
/// </summary>
internal sealed class FeedbackSpendLimits(WindowCounts counts, IOptions<FeedbackOptions> options)
{
    /// <summary>The limit a new answer is past (nothing counted), or null when it was counted in each.</summary>
    public ValueTask<WindowLimit?> TryTakeAsync(string sessionId)
    {
        var settings = options.Value;
        return counts.TryTakeAsync(
        [
            new($"feedback:session:{sessionId}", settings.PerSession, TimeSpan.FromMinutes(settings.PerSessionWindowMinutes),
                $"A session may send at most {settings.PerSession} feedback answers in {settings.PerSessionWindowMinutes} minutes"),
            new("feedback:event:hour", settings.EventPerHour, TimeSpan.FromHours(1),
                $"The event's budget of {settings.EventPerHour} feedback answers an hour is used up"),
        ]);
    }
}
