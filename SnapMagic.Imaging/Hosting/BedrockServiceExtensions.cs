using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Aws;

namespace SnapMagic.Imaging.Hosting;

public static class BedrockServiceExtensions
{
    /// <summary>The connection string (<c>ConnectionStrings:bedrock-runtime</c>) that overrides the runtime's endpoint.</summary>
    public const string RuntimeConnectionName = "bedrock-runtime";

    /// <summary>
    /// Registers the <see cref="IImageModel"/> of the family <c>ImageModel:Bedrock:Family</c> names (Nova 2 Omni by
    /// default), configured from <c>ImageModel:Bedrock</c>, and the control-plane client the start-up lifecycle check
    /// uses. Both sign with the same credentials as the other AWS adapters (<see cref="AwsCredentialsSource"/>:
    /// <c>Aws:AccessKeyId</c>/<c>Aws:SecretAccessKey</c> when both are set, else the standard chain), resolved when
    /// first needed.
    /// </summary>
    public static IHostApplicationBuilder AddBedrockImageModel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BedrockOptions.Section);
        var family = ConfiguredFamily.Read(section, BedrockModelFamilies.Default);
        builder.Services.Configure<BedrockOptions>(section);
        // The binder turns an empty Family into the enum's first member and then stores that family's model id: the
        // adapter and the options must agree on the family, and an unset ModelId is the chosen family's default.
        var configuredModelId = section[nameof(BedrockOptions.ModelId)];
        builder.Services.PostConfigure<BedrockOptions>(options =>
        {
            options.Family = family;
            options.ModelId = string.IsNullOrWhiteSpace(configuredModelId) ? family.DefaultModelId() : configuredModelId;
            // The AppHost's aws-local backend points the runtime at the fake Bedrock through a connection string.
            options.ServiceUrl ??= builder.Configuration.GetConnectionString(RuntimeConnectionName);
        });
        builder.Services.AddSingleton(sp => new BedrockRuntimeClient(Options(sp), Credentials(builder.Configuration)));
        builder.Services.AddSingleton(sp => new BedrockControlPlaneClient(Options(sp), Credentials(builder.Configuration)));
        _ = family switch
        {
            BedrockModelFamily.NovaCanvas => builder.Services.AddSingleton<IImageModel, NovaCanvasImageModel>(),
            BedrockModelFamily.StabilityInpaint => builder.Services.AddSingleton<IImageModel, StabilityInpaintImageModel>(),
            _ => builder.Services.AddSingleton<IImageModel, Nova2OmniImageModel>(),
        };
        return builder;
    }

    private static BedrockOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<BedrockOptions>>().Value;

    private static Amazon.Runtime.AWSCredentials Credentials(IConfiguration configuration) =>
        AwsCredentialsSource.Resolve(AwsOptions.FromConfiguration(configuration));
}
