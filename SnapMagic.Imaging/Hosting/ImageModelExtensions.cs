using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Imaging.Hosting;

public static class ImageModelExtensions
{
    /// <summary>
    /// Binds <see cref="ImageModelOptions"/> from <c>ImageModel</c> and registers the <see cref="IImageModel"/>
    /// that <c>ImageModel:Provider</c> names: <c>Local</c> (default, the deterministic painter) or <c>Bedrock</c>.
    /// Retries, timeouts and the breaker are the caller's (the worker's Polly pipeline), not the model's.
    /// </summary>
    public static IHostApplicationBuilder AddImageModel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ImageModelOptions.Section);
        builder.Services.Configure<ImageModelOptions>(section);
        var provider = section[nameof(ImageModelOptions.Provider)] ?? "Local";
        if (provider.Equals("Local", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddSingleton<IImageModel, LocalImageModel>();
        else if (provider.Equals("Bedrock", StringComparison.OrdinalIgnoreCase))
            builder.AddBedrockImageModel();
        else
            throw new InvalidOperationException($"Unknown ImageModel:Provider '{provider}': use Local or Bedrock.");
        return builder;
    }
}
