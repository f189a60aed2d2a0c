using SnapMagic.Api;
using SnapMagic.Api.Animations;
using SnapMagic.Api.Feedback;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Extensions;
using SnapMagic.Api.Internal;
using SnapMagic.Api.Organizer;
using SnapMagic.Api.ScaleOut;
using SnapMagic.Aws;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;
using SnapMagic.Queueing;

namespace SnapMagic.Deploy.Tests;

/// <summary>The stack's setting names are the configuration keys the services (and the AppHost's <c>--backend aws</c>) read.</summary>
public class SettingNamesTests
{
    private static string Env(string section, string key) => $"{section}:{key}".Replace(":", "__", StringComparison.Ordinal);

    public static TheoryData<string, string> Names => new()
    {
        { ServiceSettings.AwsRegion, Env(AwsOptions.Section, nameof(AwsOptions.Region)) },
        { ServiceSettings.AwsTableName, Env(AwsOptions.Section, nameof(AwsOptions.TableName)) },
        { ServiceSettings.AwsBucketName, Env(AwsOptions.Section, nameof(AwsOptions.BucketName)) },
        { ServiceSettings.QueueName, Env(QueueOptions.Section, nameof(QueueOptions.Name)) },
        { ServiceSettings.QueueDeadLetterName, Env(QueueOptions.Section, nameof(QueueOptions.DeadLetterName)) },
        { ServiceSettings.QueueVisibilityTimeoutSeconds, Env(QueueOptions.Section, nameof(QueueOptions.VisibilityTimeoutSeconds)) },
        { ServiceSettings.QueueMaxReceiveCount, Env(QueueOptions.Section, nameof(QueueOptions.MaxReceiveCount)) },
        { ServiceSettings.ImageModelProvider, Env(ImageModelOptions.Section, nameof(ImageModelOptions.Provider)) },
        { ServiceSettings.BedrockFamily, Env(BedrockOptions.Section, nameof(BedrockOptions.Family)) },
        { ServiceSettings.BedrockRegion, Env(BedrockOptions.Section, nameof(BedrockOptions.Region)) },
        { ServiceSettings.BedrockModelId, Env(BedrockOptions.Section, nameof(BedrockOptions.ModelId)) },
        { ServiceSettings.VideoModelProvider, Env(VideoModelOptions.Section, nameof(VideoModelOptions.Provider)) },
        { ServiceSettings.VideoFamily, Env(BedrockVideoOptions.Section, nameof(BedrockVideoOptions.Family)) },
        { ServiceSettings.VideoRegion, Env(BedrockVideoOptions.Section, nameof(BedrockVideoOptions.Region)) },
        { ServiceSettings.VideoModelId, Env(BedrockVideoOptions.Section, nameof(BedrockVideoOptions.ModelId)) },
        { ServiceSettings.VideoOutputBucket, Env(BedrockVideoOptions.Section, nameof(BedrockVideoOptions.OutputBucket)) },
        { ServiceSettings.ApiPublicUrl, Env(ApiOptions.Section, nameof(ApiOptions.PublicUrl)) },
        { ServiceSettings.RedisConnectionString, Env("ConnectionStrings", ScaleOutExtensions.ConnectionName) },
        { ServiceSettings.EventUsername, Env(EventOptions.Section, nameof(EventOptions.Username)) },
        { ServiceSettings.EventPassword, Env(EventOptions.Section, nameof(EventOptions.Password)) },
        { ServiceSettings.OrganizerUsername, Env(OrganizerLoginOptions.Section, nameof(OrganizerLoginOptions.Username)) },
        { ServiceSettings.OrganizerPassword, Env(OrganizerLoginOptions.Section, nameof(OrganizerLoginOptions.Password)) },
        { ServiceSettings.JwtSigningKey, Env(JwtOptions.Section, nameof(JwtOptions.SigningKey)) },
        { ServiceSettings.InternalApiKey, Env(InternalOptions.Section, nameof(InternalOptions.ApiKey)) },
        { ServiceSettings.SpeechProvider, Env(SpeechOptions.Section, nameof(SpeechOptions.Provider)) },
        { ServiceSettings.SpeechModelId, Env(SpeechOptions.Section, $"{nameof(SpeechOptions.Bedrock)}:{nameof(FeedbackBedrockOptions.ModelId)}") },
        { ServiceSettings.SpeechRegion, Env(SpeechOptions.Section, $"{nameof(SpeechOptions.Bedrock)}:{nameof(FeedbackBedrockOptions.Region)}") },
        { ServiceSettings.SentimentProvider, Env(SentimentOptions.Section, nameof(SentimentOptions.Provider)) },
        { ServiceSettings.SentimentModelId, Env(SentimentOptions.Section, $"{nameof(SentimentOptions.Bedrock)}:{nameof(FeedbackBedrockOptions.ModelId)}") },
        { ServiceSettings.SentimentRegion, Env(SentimentOptions.Section, $"{nameof(SentimentOptions.Bedrock)}:{nameof(FeedbackBedrockOptions.Region)}") },
        { ServiceSettings.AnimationsPerSessionPer10Minutes, Env(AnimationOptions.Section, nameof(AnimationOptions.PerSession)) },
        { ServiceSettings.AnimationsEventPerHour, Env(AnimationOptions.Section, nameof(AnimationOptions.EventPerHour)) },
        { ServiceSettings.AnimationsEventPerDay, Env(AnimationOptions.Section, nameof(AnimationOptions.EventPerDay)) },
        { ServiceSettings.FeedbackPerSessionPer10Minutes, Env(FeedbackOptions.Section, nameof(FeedbackOptions.PerSession)) },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_setting_is_named_after_the_options_property_that_reads_it(string stackName, string configurationKey) =>
        Assert.Equal(configurationKey, stackName);

    [Fact]
    public void Every_family_the_stack_offers_is_one_the_worker_knows()
    {
        foreach (var family in ImageModelChoice.DefaultFoundationModels.Keys)
            Assert.True(Enum.TryParse<BedrockModelFamily>(family, out _), family);
    }

    [Fact]
    public void Every_video_family_the_stack_offers_is_one_the_worker_knows_with_its_model_and_region()
    {
        Assert.Equal(Enum.GetNames<BedrockVideoFamily>().Order(), VideoModelChoice.Families.Keys.Order());
        foreach (var (name, (modelId, region)) in VideoModelChoice.Families)
        {
            var family = Enum.Parse<BedrockVideoFamily>(name);
            Assert.Equal(family.DefaultModelId(), modelId);
            Assert.Equal(family.DefaultRegion(), region);
        }
        Assert.Equal(VideoModelChoice.DefaultFamily, BedrockVideoFamilies.Default.ToString());
    }

    [Fact]
    public void The_stack_defaults_match_the_services_own_defaults_where_they_must()
    {
        // The stack's per-session limits count per 10 minutes, the Api's default window.
        Assert.Equal(10, new AnimationOptions().PerSessionWindowMinutes);
        Assert.Equal(10, new FeedbackOptions().PerSessionWindowMinutes);
        Assert.Equal(SpeechOptions.DefaultBedrockModelId, InvokedModel.DefaultSpeechModel);
        Assert.Equal(SentimentOptions.DefaultBedrockModelId, InvokedModel.DefaultSentimentModel);
        var queue = new QueueOptions();
        Assert.Equal(ServiceSettings.VisibilityTimeoutSeconds, queue.VisibilityTimeoutSeconds);
        Assert.Equal(ServiceSettings.MaxReceiveCount, queue.MaxReceiveCount);
        Assert.Equal(BedrockModelFamily.Nova2Omni.DefaultModelId(), ImageModelChoice.Create(null, null, null, null).InvokedModelId);
        Assert.Equal(AwsOptions.SessionIndexName, DataStores.SessionIndex);
    }
}
