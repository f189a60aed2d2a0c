using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.Aws.Bedrock;

public static class BedrockServiceExtensions
{
    /// <summary>
    /// Registers <see cref="NovaCanvasImageModel"/> as the <see cref="IImageModel"/>, configured from
    /// <c>ImageModel:Bedrock</c>, signing with the same credentials as the other AWS adapters
    /// (<see cref="AwsCredentialsSource"/>: <c>Aws:AccessKeyId</c>/<c>Aws:SecretAccessKey</c> when both are set,
    /// else the standard chain), resolved when the model is first needed.
    /// </summary>
    public static IHostApplicationBuilder AddBedrockImageModel(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BedrockOptions>(builder.Configuration.GetSection(BedrockOptions.Section));
        builder.Services.AddSingleton(sp => new BedrockRuntimeClient(
            sp.GetRequiredService<IOptions<BedrockOptions>>().Value,
            AwsCredentialsSource.Resolve(builder.Configuration.GetSection(AwsOptions.Section).Get<AwsOptions>() ?? new AwsOptions())));
        builder.Services.AddSingleton<IImageModel, NovaCanvasImageModel>();
        return builder;
    }
}
