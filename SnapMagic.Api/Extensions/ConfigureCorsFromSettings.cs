using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Cards;

namespace SnapMagic.Api.Extensions;

/// <summary>
/// The default CORS policy: the origins in <c>Cors:AllowedOrigins</c> (comma-separated) may call the Api and
/// negotiate with the hub. No credentials: the Api sets no cookies and authenticates with Bearer tokens alone (the
/// page's SignalR client is built with <c>withCredentials: false</c>).
/// </summary>
internal sealed class ConfigureCorsFromSettings(IConfiguration configuration) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions options)
    {
        var origins = (configuration["Cors:AllowedOrigins"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(origin => origin.TrimEnd('/'))
            .ToArray();
        if (origins.Length == 0)
            return;

        options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT")
            .WithHeaders("Authorization", "Content-Type", IdempotencyKeys.Header, "X-Requested-With", "X-SignalR-User-Agent")
            .WithExposedHeaders("Location", "Retry-After")
            .DisallowCredentials());
    }
}
