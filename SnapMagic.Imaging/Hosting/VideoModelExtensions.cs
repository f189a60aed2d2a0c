using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SnapMagic.Aws;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;

namespace SnapMagic.Imaging.Hosting;

public static class VideoModelExtensions
{
    /// <summary>
    /// Registers the <see cref="IVideoModel"/> that <c>VideoModel:Provider</c> names: <c>Local</c> (default, a Ken Burns
    /// move over the art as animated WebP) or <c>Bedrock</c>, whose family <c>VideoModel:Bedrock:Family</c> picks
    /// (<c>LumaRay2</c> by default, or <c>NovaReel</c>). Bedrock writes into the event's bucket
    /// (<c>VideoModel:Bedrock:OutputBucket</c>, else the AWS backend's <c>Aws:BucketName</c>) and signs with the same
    /// credentials as the other AWS adapters.
    /// </summary>
    public static IHostApplicationBuilder AddVideoModel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(VideoModelOptions.Section);
        builder.Services.Configure<VideoModelOptions>(section);
        var provider = section[nameof(VideoModelOptions.Provider)] ?? "Local";
        if (provider.Equals("Local", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddSingleton<IVideoModel, LocalVideoModel>();
        else if (provider.Equals("Bedrock", StringComparison.OrdinalIgnoreCase))
            builder.AddBedrockVideoModel();
        else
            throw new InvalidOperationException($"Unknown VideoModel:Provider '{provider}': use Local or Bedrock.");
        return builder;
    }

    private static void AddBedrockVideoModel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BedrockVideoOptions.Section);
        var family = ConfiguredFamily.Read(section, BedrockVideoFamilies.Default);
        var aws = AwsOptions.FromConfiguration(builder.Configuration);
        builder.Services.Configure<BedrockVideoOptions>(section);
        builder.Services.PostConfigure<BedrockVideoOptions>(options =>
        {
            options.Family = family;
            options.OutputBucket ??= aws.ResolveBucketName();
            // The AppHost's aws-local backend points the runtime at the fake Bedrock through a connection string.
            options.ServiceUrl ??= builder.Configuration.GetConnectionString(BedrockServiceExtensions.RuntimeConnectionName);
        });
        builder.Services.AddSingleton(sp => new BedrockAsyncInvokeClient(
            sp.GetRequiredService<IOptions<BedrockVideoOptions>>().Value, AwsCredentialsSource.Resolve(aws)));
        _ = family switch
        {
            BedrockVideoFamily.NovaReel => builder.Services.AddSingleton<IVideoModel, NovaReelVideoModel>(),
            _ => builder.Services.AddSingleton<IVideoModel, LumaRay2VideoModel>(),
        };
    }
}
