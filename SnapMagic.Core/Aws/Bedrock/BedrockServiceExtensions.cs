using Amazon.Runtime.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.Aws.Bedrock;

public static class BedrockServiceExtensions
{
    /// <summary>
    /// Registers <see cref="NovaCanvasImageModel"/> as the <see cref="IImageModel"/>, configured from
    /// <c>ImageModel:Bedrock</c>, with credentials from the standard AWS chain (environment, profile/SSO,
    /// web identity, container, instance metadata), resolved when the model is first needed.
    /// </summary>
    public static IHostApplicationBuilder AddBedrockImageModel(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BedrockOptions>(builder.Configuration.GetSection(BedrockOptions.Section));
        builder.Services.AddSingleton(sp => new BedrockRuntimeClient(
            sp.GetRequiredService<IOptions<BedrockOptions>>().Value,
            DefaultAWSCredentialsIdentityResolver.GetCredentials(null)));
        builder.Services.AddSingleton<IImageModel, NovaCanvasImageModel>();
        return builder;
    }
}
