using Microsoft.AspNetCore.Authentication.JwtBearer;
using Scalar.AspNetCore;

namespace SnapMagic.Api.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>
    /// The document at <c>/openapi/v1.json</c>: the public endpoints, their bodies and answers, and Bearer auth. The
    /// features add what their own endpoints need (parameters, schema rules) beside those endpoints.
    /// </summary>
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SnapMagic Api";
            document.Info.Description =
                "AI trading cards: log in, ask for a card, follow it. Live status is pushed over SignalR at /hubs/cards " +
                "(token in the access_token query for WebSockets): Subscribe(correlationId) returns the card, then " +
                "cardUpdated pushes follow. GET /api/cards/{correlationId} is the fallback.";
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer<ServerUrls>();
        options.AddDocumentTransformer<BearerSecurityScheme>();
        options.AddOperationTransformer<BearerSecurityScheme>();
    });

    /// <summary>
    /// The document in every environment (it is the public contract and holds no secret); the Scalar reference UI
    /// at <c>/scalar</c> in Development only.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference(scalar => scalar.AddPreferredSecuritySchemes([JwtBearerDefaults.AuthenticationScheme]).DisableTelemetry());
        return app;
    }
}
