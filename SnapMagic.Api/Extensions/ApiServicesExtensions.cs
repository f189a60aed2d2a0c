using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Http;
using SnapMagic.Api.Hub;
using SnapMagic.Api.Internal;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.Organizer;
using SnapMagic.Api.ScaleOut;
using SnapMagic.Backends;

namespace SnapMagic.Api.Extensions;

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
            // The Api writes numbers as numbers and reads no numbers from strings; the web default (reading them
            // from strings too) would make the OpenAPI document call every number "integer or string".
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        services.AddApiSecrets();
        services.AddOptions<CardsOptions>().BindConfiguration(CardsOptions.Section);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(api => api.PublicUrl is null || (api.PublicUrl.IsAbsoluteUri && api.PublicUrl.Scheme is "http" or "https"),
                "Api:PublicUrl must be an absolute http(s) URL such as http://localhost:5180.")
            .ValidateOnStart();

        services.AddSessionAuthentication();
        services.AddApiOpenApi();
        services.AddOrganizer();
        services.AddCardRateLimiting();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, ConfigureCorsFromSettings>();

        services.AddSignalR(signalR => signalR.AddFilter<HubErrorLogging>()).AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolver =
            JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()));

        builder.Logging.AddFilter(HubErrorLogging.DispatcherCategory, LogLevel.Critical);

        services.AddSingleton<ImageLinks>();
        services.AddSingleton<CardViews>();
        services.AddSingleton<CardIntake>();
        services.AddSingleton<CardUpdatePublisher>();
        return builder;
    }

    /// <summary>Errors as ProblemDetails (never a stack trace), CORS, then authentication, authorization and rate limits.</summary>
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static void AddApiSecrets(this IServiceCollection services)
    {
        services.AddSingleton<ApiSecrets>();
        services.AddSingleton<IPostConfigureOptions<EventOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IPostConfigureOptions<JwtOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IPostConfigureOptions<InternalOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IValidateOptions<EventOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IValidateOptions<JwtOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IValidateOptions<InternalOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IPostConfigureOptions<OrganizerOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddSingleton<IValidateOptions<OrganizerOptions>>(sp => sp.GetRequiredService<ApiSecrets>());
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section).ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateOnStart();
        services.AddOptions<InternalOptions>().BindConfiguration(InternalOptions.Section).ValidateOnStart();
        services.AddOptions<OrganizerOptions>().BindConfiguration(OrganizerOptions.Section).ValidateOnStart();
    }
}
