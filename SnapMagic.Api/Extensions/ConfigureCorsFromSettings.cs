using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Cards;

namespace SnapMagic.Api.Extensions;

/// <summary>
/// The default CORS policy: the origins in <c>Cors:AllowedOrigins</c> (comma-separated) may call the Api and
/// negotiate with the hub. Credentials are allowed only because the SignalR browser client sends them by
/// default; the Api sets no cookies and authenticates with Bearer tokens alone.
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
            .AllowCredentials());
    }
}
