using Microsoft.Extensions.Options;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Animations;

/// <summary>
/// What the event spends on the video model: new animations per session and the event-wide budget per hour and per UTC
/// day (<see cref="AnimationOptions"/>), counted across replicas when Redis is configured, and in this process while it is
/// unreachable (<see cref="WindowCounts"/>), as the card limits are.
/// </summary>
internal sealed class AnimationLimits(WindowCounts counts, IOptions<AnimationOptions> options)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The limit a new animation is past (nothing counted), or null when it was counted in each.</summary>
    public ValueTask<WindowLimit?> TryTakeAsync(string sessionId)
    {
        var settings = options.Value;
        return counts.TryTakeAsync(
        [
            new($"animations:session:{sessionId}", settings.PerSession, TimeSpan.FromMinutes(settings.PerSessionWindowMinutes),
                $"A session may animate at most {settings.PerSession} cards in {settings.PerSessionWindowMinutes} minutes"),
            EventHour(settings),
            EventDay(settings),
        ]);
    }

    /// <summary>The budget and what this hour and today have used of it, for the organizer.</summary>
    public async Task<AnimationBudget> GetBudgetAsync()
    {
        var settings = options.Value;
        return new AnimationBudget(
            settings.EventPerHour,
            settings.EventPerDay,
            await counts.CountAsync(EventHour(settings)),
            await counts.CountAsync(EventDay(settings)));
    }

    private static WindowLimit EventHour(AnimationOptions settings) => new("animations:event:hour", settings.EventPerHour, Hour,
        $"The event's budget of {settings.EventPerHour} animations an hour is used up");

    private static WindowLimit EventDay(AnimationOptions settings) => new("animations:event:day", settings.EventPerDay, Day,
        $"The event's budget of {settings.EventPerDay} animations a day (UTC) is used up");
}
