using SnapMagic.Api.Auth;

namespace SnapMagic.Api.Organizer;

public static class OrganizerAuthorization
{
    public const string PolicyName = "Organizer";

    /// <summary>
    /// Organizer tokens only. The role is accepted as the raw <c>role</c> claim or as a role, so the policy holds
    /// whichever handler validates the token and however it maps inbound claims.
    /// </summary>
    public static IServiceCollection AddOrganizerPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                context.User.HasClaim(SessionClaims.Role, Roles.Organizer) || context.User.IsInRole(Roles.Organizer)));
        return services;
    }
}
