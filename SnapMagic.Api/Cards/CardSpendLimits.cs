using Microsoft.Extensions.Options;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Cards;

/// <summary>
/// What the event spends on the image model: card submits per client address and the event-wide budget per minute and
/// per UTC day (<see cref="CardsOptions"/>), counted across replicas when Redis is configured. The per-session limit is
/// the rate limiter's (<see cref="CardRateLimiting"/>).
/// </summary>
internal sealed class CardSpendLimits(WindowCounts counts, IOptions<CardsOptions> options)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The limit a new card is past (nothing counted), or null when it was counted in each.</summary>
    public ValueTask<WindowLimit?> TryTakeAsync(HttpContext context)
    {
        var settings = options.Value;
        return counts.TryTakeAsync(
        [
            new($"cards:address:{ClientAddress.Of(context)}", settings.PerAddressPerMinute, Minute,
                $"One address may create at most {settings.PerAddressPerMinute} cards a minute"),
            EventMinute(settings),
            EventDay(settings),
        ]);
    }

    /// <summary>The budget and what today has used of it, for the organizer.</summary>
    public async Task<CardBudget> GetBudgetAsync()
    {
        var settings = options.Value;
        return new CardBudget(
            settings.EventPerMinute,
            settings.EventPerDay,
            await counts.CountAsync(EventMinute(settings)),
            await counts.CountAsync(EventDay(settings)));
    }

    private static WindowLimit EventMinute(CardsOptions settings) => new("cards:event:minute", settings.EventPerMinute, Minute,
        $"The event's budget of {settings.EventPerMinute} cards a minute is used up");

    private static WindowLimit EventDay(CardsOptions settings) => new("cards:event:day", settings.EventPerDay, Day,
        $"The event's budget of {settings.EventPerDay} cards a day (UTC) is used up");
}
