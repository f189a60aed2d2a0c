using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Cards;

public static class CardsServiceExtensions
{
    /// <summary>The accept path, the views and image links, the card limits and how the document shows the card contracts.</summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        services.AddOptions<CardsOptions>().BindConfiguration(CardsOptions.Section)
            .Validate(cards => cards.PerSessionPerMinute >= 0 && cards.PerAddressPerMinute >= 0 && cards.EventPerMinute >= 0 && cards.EventPerDay >= 0,
                "Cards:PerSessionPerMinute, PerAddressPerMinute, EventPerMinute and EventPerDay must be 0 (no limit) or more.")
            .ValidateOnStart();
        services.AddCardRateLimiting();
        services.TryAddSingleton<WindowCounts>();
        services.AddSingleton<CardSpendLimits>();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<CardViews>();
        services.AddSingleton<CardIntake>();
        services.AddOpenApiTag(CardEndpoints.Tag, "Ask for cards, follow and rate them: a session sees only its own.");
        services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddSchemaTransformer<CardSchemas>());
        return services;
    }
}
