using Microsoft.Extensions.Hosting;

namespace SnapMagic.AppHost;

/// <summary>
/// The system's secrets as Aspire parameters: set them as <c>Parameters:name</c> (user secrets, the environment
/// <c>Parameters__name</c>, or the dashboard's prompt). In Development they have defaults; elsewhere they are required.
/// </summary>
internal static class SnapMagicParameters
{
    /// <summary>A parameter that defaults to <paramref name="developmentValue"/> in Development.</summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentParameter(this IDistributedApplicationBuilder builder, string name,
        string developmentValue, bool secret = false) =>
        builder.Environment.IsDevelopment()
            ? builder.AddParameter(name, () => builder.Configuration[$"Parameters:{name}"] ?? developmentValue, secret: secret)
            : builder.AddParameter(name, secret);

    /// <summary>
    /// A secret key (at least 32 bytes: HS256 wants that much), generated once in Development and kept in the AppHost's
    /// user secrets, so attendees' sessions and image links survive a restart of the AppHost.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedParameter(this IDistributedApplicationBuilder builder, string name) =>
        builder.Environment.IsDevelopment()
            ? builder.AddParameter(name, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true)
            : builder.AddParameter(name, secret: true);
}
