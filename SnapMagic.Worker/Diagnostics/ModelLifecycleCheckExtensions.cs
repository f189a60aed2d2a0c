using Microsoft.Extensions.DependencyInjection.Extensions;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.Worker.Diagnostics;

namespace Microsoft.Extensions.Hosting;

public static class ModelLifecycleCheckExtensions
{
    /// <summary>The health check's tag; <c>/health</c> maps every check, <c>/alive</c> only <c>live</c> ones.</summary>
    public const string Tag = "ready";

    /// <summary>
    /// With <c>ImageModel:Provider=Bedrock</c> (and <c>ImageModel:Bedrock:CheckLifecycleAtStartup</c>, on by default),
    /// the worker logs at start-up what Bedrock's control plane says about the model, and its <c>/health</c> (which
    /// runs every check) reports Degraded with the reason while the model is not Active. Local providers get nothing.
    /// </summary>
    public static IHostApplicationBuilder AddModelLifecycleCheck(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{ImageModelOptions.Section}:{nameof(ImageModelOptions.Provider)}"];
        var enabled = builder.Configuration.GetValue($"{BedrockOptions.Section}:{nameof(BedrockOptions.CheckLifecycleAtStartup)}", true);
        if (enabled && string.Equals(provider, "Bedrock", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<ModelLifecycleCheckResult>();
            builder.Services.AddHostedService<ModelLifecycleCheck>();
            builder.Services.AddHealthChecks().AddCheck<ModelLifecycleCheckHealth>(ModelLifecycleCheckHealth.Name, tags: [Tag]);
        }
        return builder;
    }
}
