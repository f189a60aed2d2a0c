using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.RateLimiting;

namespace SnapMagic.Api.Auth;

public static class SessionAuthentication
{
    /// <summary>
    /// The two logins, and bearer authentication of the session tokens <see cref="SessionTokens"/> issues at login.
    /// Their secrets are checked at start-up (<see cref="SecretSettings"/>).
    /// </summary>
    public static IServiceCollection AddSessionAuthentication(this IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.Section)
            .RequireSecret("Event:Username", o => o.Username, (o, v) => o.Username = v, EventOptions.DevelopmentUsername)
            .RequireSecret("Event:Password", o => o.Password, (o, v) => o.Password = v, EventOptions.DevelopmentPassword)
            .ValidateOnStart();
        services.AddOptions<OrganizerLoginOptions>().BindConfiguration(OrganizerLoginOptions.Section)
            .RequireSecret("Organizer:Username", o => o.Username, (o, v) => o.Username = v, OrganizerLoginOptions.DevelopmentUsername)
            .RequireSecret("Organizer:Password", o => o.Password, (o, v) => o.Password = v, OrganizerLoginOptions.DevelopmentPassword)
            .ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section)
            .RequireSecret("Jwt:SigningKey", o => o.SigningKey, (o, v) => o.SigningKey = v, JwtOptions.DevelopmentSigningKey)
            .Validate(jwt => jwt.HasLongEnoughKey,
                $"Jwt:SigningKey is too short: set it to at least {JwtOptions.MinimumKeyBytes} bytes of random text.")
            .ValidateOnStart();

        services.AddOptions<LoginThrottleOptions>().BindConfiguration(LoginThrottleOptions.Section)
            .Validate(login => login.FailuresPerUsernamePerMinute >= 0 && login.FailuresPerAddressPerMinute >= 0,
                "Login:FailuresPerUsernamePerMinute and Login:FailuresPerAddressPerMinute must be 0 (no limit) or more.")
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.TryAddSingleton<WindowCounts>();
        services.AddOpenApiTag(AuthEndpoints.Tag, "Log in: every login starts a session of its own, which owns its cards.");
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.ConfigureOptions<ConfigureSessionBearer>();
        services.AddSingleton<SessionBearerEvents>();
        services.AddSingleton<SessionTokens>();
        services.AddAuthorization();
        return services;
    }
}
