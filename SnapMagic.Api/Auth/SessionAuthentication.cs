using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace SnapMagic.Api.Auth;

public static class SessionAuthentication
{
    /// <summary>Bearer authentication of the session tokens <see cref="SessionTokens"/> issues at login.</summary>
    public static IServiceCollection AddSessionAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.ConfigureOptions<ConfigureSessionBearer>();
        services.AddSingleton<SessionBearerEvents>();
        services.AddSingleton<SessionTokens>();
        services.AddAuthorization();
        return services;
    }
}
