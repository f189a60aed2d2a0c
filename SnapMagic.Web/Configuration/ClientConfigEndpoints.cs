using SnapMagic.Web.Diagnostics;

namespace SnapMagic.Web.Configuration;

public static class ClientConfigEndpoints
{
    public static IEndpointRouteBuilder MapClientConfigEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/config.json", (ApiEndpoint api, IConfiguration configuration, HttpContext context) =>
        {
            // The Api's address may change between runs (the AppHost picks ports), so never cache it.
            context.Response.Headers.CacheControl = "no-store";
            WebTelemetry.PageConfigServed.Add(1);
            return Results.Json(new ClientConfig(api.BaseUrl, configuration.GetValue<bool>("Api:HubSkipNegotiation")), ClientConfigJsonContext.Default.ClientConfig);
        });
        return app;
    }
}
