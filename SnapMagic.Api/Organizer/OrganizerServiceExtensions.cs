using SnapMagic.Api.OpenApi;

namespace SnapMagic.Api.Organizer;

public static class OrganizerServiceExtensions
{
    /// <summary>The organizer policy, the summary and its settings.</summary>
    public static IServiceCollection AddOrganizer(this IServiceCollection services)
    {
        services.AddOptions<OrganizerOptions>().BindConfiguration(OrganizerOptions.Section)
            .Validate(organizer => organizer.PricePerImageUsd >= 0 && organizer.PricePerVideoUsd >= 0, "Organizer:PricePerImageUsd and PricePerVideoUsd must not be negative.")
            .ValidateOnStart();
        services.AddOpenApiTag(OrganizerEndpoints.Tag, "The event as its organizers follow it (organizer tokens only).");
        services.AddOrganizerPolicy();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(OrganizerJsonContext.Default));
        services.AddSingleton<OrganizerSummaries>();
        return services;
    }
}
