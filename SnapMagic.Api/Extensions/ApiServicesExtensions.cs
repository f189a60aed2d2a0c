using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Animations;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Feedback;
using SnapMagic.Api.Http;
using SnapMagic.Api.Hub;
using SnapMagic.Api.Internal;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.Organizer;
using SnapMagic.Api.ScaleOut;
using SnapMagic.Backends;

namespace SnapMagic.Api.Extensions;

/// <summary>The Api's composition: each feature registers and maps its own parts; this file only puts them together.</summary>
public static class ApiServicesExtensions
{
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        builder.AddCardBackend();
        builder.AddScaleOut();
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        services.Configure<ProblemDetailsOptions>(problems => problems.CustomizeProblemDetails = ProblemDetailTexts.AddMissingDetail);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, AuthJsonContext.Default);
            // The Api writes numbers as numbers and reads no numbers from strings; the web default (reading them
            // from strings too) would make the OpenAPI document call every number "integer or string".
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(api => api.PublicUrl is null || (api.PublicUrl.IsAbsoluteUri && api.PublicUrl.Scheme is "http" or "https"),
                "Api:PublicUrl must be an absolute http(s) URL such as http://localhost:5180.")
            .ValidateOnStart();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, ConfigureCorsFromSettings>();

        services.AddApiOpenApi();
        services.AddSessionAuthentication();
        services.AddInternalApi();
        services.AddCards();
        services.AddAnimations();
        services.AddFeedback();
        services.AddOrganizer();
        builder.AddCardsHub();
        return builder;
    }

    /// <summary>
    /// HSTS outside Development (on HTTPS answers: behind a TLS-terminating proxy the proxy sends it), errors as
    /// ProblemDetails (never a stack trace), CORS, then authentication, authorization and the limits.
    /// </summary>
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSessionConnectionLimit();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The document, then every feature's endpoints and the hub.</summary>
    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        app.MapApiReference();
        app.MapAuthEndpoints();
        app.MapCardEndpoints();
        app.MapCardRatingEndpoints();
        app.MapAnimationEndpoints();
        app.MapFeedbackEndpoints();
        app.MapOrganizerEndpoints();
        app.MapCardsHub();
        app.MapInternalEndpoints();
        return app;
    }
}
