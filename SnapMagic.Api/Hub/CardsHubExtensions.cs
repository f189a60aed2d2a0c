using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.SignalR;
using SnapMagic.Api.Http;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Hub;

public static class CardsHubExtensions
{
    /// <summary>
    /// SignalR with the card contracts' JSON, refusals logged as refusals (<see cref="HubErrorLogging"/>), the limits per
    /// session and connection (<see cref="CardsHubOptions"/>), and the push path.
    /// </summary>
    public static IHostApplicationBuilder AddCardsHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR(signalR => signalR.AddFilter<HubErrorLogging>()).AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolver =
            JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()));
        builder.Logging.AddFilter(HubErrorLogging.DispatcherCategory, LogLevel.Critical);
        builder.Services.AddOptions<CardsHubOptions>().BindConfiguration(CardsHubOptions.Section)
            .Validate(hub => hub.MaxConnectionsPerSession >= 0 && hub.SubscribesPerConnectionPerMinute >= 0,
                "Hub:MaxConnectionsPerSession and Hub:SubscribesPerConnectionPerMinute must be 0 (no limit) or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SessionConnections>();
        builder.Services.AddSingleton<CardUpdatePublisher>();
        builder.Services.AddSingleton<FeedbackUpdatePublisher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCardsHub(this IEndpointRouteBuilder app)
    {
        // A connection outlives no token: it closes when the token it was opened with expires, and the client logs in again.
        app.MapHub<CardsHub>(CardsHubContract.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
