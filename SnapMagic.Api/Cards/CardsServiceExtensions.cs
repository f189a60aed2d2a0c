using Microsoft.AspNetCore.OpenApi;

namespace SnapMagic.Api.Cards;

public static class CardsServiceExtensions
{
    /// <summary>The accept path, the views and image links, the card limits and how the document shows the card contracts.</summary>
    public static IServiceCollection AddCards(this IServiceCollection services)
    {
        services.AddOptions<CardsOptions>().BindConfiguration(CardsOptions.Section)
            .Validate(cards => cards.PerSessionPerMinute >= 0, "Cards:PerSessionPerMinute must be 0 (no limit) or more.")
            .ValidateOnStart();
        services.AddCardRateLimiting();
        services.AddSingleton<ImageLinks>();
        services.AddSingleton<CardViews>();
        services.AddSingleton<CardIntake>();
        services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddSchemaTransformer<CardSchemas>());
        return services;
    }
}
