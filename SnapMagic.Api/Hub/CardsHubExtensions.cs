using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.SignalR;
using SnapMagic.Api.Http;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Hub;

public static class CardsHubExtensions
{
    /// <summary>SignalR with the card contracts' JSON, refusals logged as refusals (<see cref="HubErrorLogging"/>), and the push path.</summary>
    public static IHostApplicationBuilder AddCardsHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR(signalR => signalR.AddFilter<HubErrorLogging>()).AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolver =
            JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()));
        builder.Logging.AddFilter(HubErrorLogging.DispatcherCategory, LogLevel.Critical);
        builder.Services.AddSingleton<CardUpdatePublisher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCardsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<CardsHub>(CardsHubContract.Path);
        return app;
    }
}
