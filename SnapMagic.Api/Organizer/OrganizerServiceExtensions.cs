namespace SnapMagic.Api.Organizer;

public static class OrganizerServiceExtensions
{
    /// <summary>The organizer policy and summary; the organizer login's options are checked with the Api's other secrets.</summary>
    public static IServiceCollection AddOrganizer(this IServiceCollection services)
    {
        services.AddOrganizerPolicy();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(OrganizerJsonContext.Default));
        services.AddSingleton<OrganizerSummaries>();
        return services;
    }
}
