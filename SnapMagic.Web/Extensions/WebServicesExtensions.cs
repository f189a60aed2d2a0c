using SnapMagic.Web.Configuration;
using SnapMagic.Web.Security;

namespace SnapMagic.Web.Extensions;

public static class WebServicesExtensions
{
    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ApiEndpoint.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton(ImageOrigins.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SecurityHeaders>();
        return builder;
    }
}
