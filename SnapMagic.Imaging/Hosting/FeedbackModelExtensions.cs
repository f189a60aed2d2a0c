using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SnapMagic.Aws;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Imaging.Feedback.Vader;

namespace SnapMagic.Imaging.Hosting;

public static class FeedbackModelExtensions
{
    /// <summary>
    /// Registers the <see cref="ISpeechToText"/> that <c>Speech:Provider</c> names (<c>Local</c>, the default: recordings
    /// are not transcribed here; <c>Bedrock</c>: Nova 2 Omni) and the <see cref="ISentimentModel"/> that
    /// <c>Sentiment:Provider</c> names (<c>Local</c>, the default: VADER; <c>Bedrock</c>: Nova 2 Lite). The Bedrock ones
    /// sign with the same credentials as the other AWS adapters and reach <c>Speech:Bedrock:ServiceUrl</c> /
    /// <c>Sentiment:Bedrock:ServiceUrl</c>, else the <c>bedrock-runtime</c> connection string (the aws-local fake), else AWS.
    /// Retries, timeouts and the breaker are the caller's.
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackModels(this IHostApplicationBuilder builder)
    {
        var speech = builder.Configuration.GetSection(SpeechOptions.Section).Get<SpeechOptions>() ?? new SpeechOptions();
        var sentiment = builder.Configuration.GetSection(SentimentOptions.Section).Get<SentimentOptions>() ?? new SentimentOptions();
        builder.Services.Configure<SpeechOptions>(builder.Configuration.GetSection(SpeechOptions.Section));
        builder.Services.Configure<SentimentOptions>(builder.Configuration.GetSection(SentimentOptions.Section));

        if (IsProvider(speech.Provider, "Local", SpeechOptions.Section))
            builder.Services.AddSingleton<ISpeechToText, NotTranscribedHere>();
        else
            builder.Services.AddSingleton<ISpeechToText>(sp => new Nova2OmniSpeechToText(
                RuntimeClient(builder.Configuration, speech.Bedrock), speech.Bedrock.ModelId ?? SpeechOptions.DefaultBedrockModelId,
                sp.GetRequiredService<ILogger<Nova2OmniSpeechToText>>()));

        if (IsProvider(sentiment.Provider, "Local", SentimentOptions.Section))
            builder.Services.AddSingleton<ISentimentModel, VaderSentimentModel>();
        else
            builder.Services.AddSingleton<ISentimentModel>(sp => new Nova2LiteSentimentModel(
                RuntimeClient(builder.Configuration, sentiment.Bedrock), sentiment.Bedrock.ModelId ?? SentimentOptions.DefaultBedrockModelId,
                sp.GetRequiredService<ILogger<Nova2LiteSentimentModel>>()));
        return builder;
    }

    /// <summary>True for Local, false for Bedrock; any other name stops start-up with the choices.</summary>
    private static bool IsProvider(string provider, string local, string section) =>
        provider.Equals(local, StringComparison.OrdinalIgnoreCase) ? true
        : provider.Equals("Bedrock", StringComparison.OrdinalIgnoreCase) ? false
        : throw new InvalidOperationException($"Unknown {section}:Provider '{provider}': use Local or Bedrock.");

    private static BedrockRuntimeClient RuntimeClient(IConfiguration configuration, FeedbackBedrockOptions settings) => new(
        new BedrockOptions
        {
            Region = settings.Region,
            ServiceUrl = string.IsNullOrWhiteSpace(settings.ServiceUrl)
                ? configuration.GetConnectionString(BedrockServiceExtensions.RuntimeConnectionName)
                : settings.ServiceUrl,
            TimeoutSeconds = settings.TimeoutSeconds,
        },
        AwsCredentialsSource.Resolve(AwsOptions.FromConfiguration(configuration)));
}
