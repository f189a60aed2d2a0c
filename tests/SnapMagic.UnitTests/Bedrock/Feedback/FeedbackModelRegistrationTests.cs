using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging.Feedback;
using SnapMagic.Imaging.Feedback.Vader;
using SnapMagic.Imaging.Hosting;

namespace SnapMagic.UnitTests.Bedrock.Feedback;

public sealed class FeedbackModelRegistrationTests
{
    [Fact]
    public void Local_is_the_default_for_both_recordings_not_transcribed_and_VADER()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.AddFeedbackModels();
        using var host = builder.Build();

        Assert.False(Assert.IsType<NotTranscribedHere>(host.Services.GetRequiredService<ISpeechToText>()).CanTranscribe);
        Assert.IsType<VaderSentimentModel>(host.Services.GetRequiredService<ISentimentModel>());
    }

    [Fact]
    public async Task Bedrock_reaches_the_bedrock_runtime_connection_string_signed_with_the_Aws_sections_keys_in_the_configured_region()
    {
        await using var bedrock = await FakeBedrockServer.StartAsync("eu-west-1", secretKey: "config-secret");
        bedrock.EnqueueFor(FakeModelTask.Transcription, FakeBedrockReply.Answer("It was fun."));
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Speech:Provider"] = "Bedrock";
        builder.Configuration["Speech:Bedrock:Region"] = "eu-west-1";
        builder.Configuration["Sentiment:Provider"] = "bedrock";
        builder.Configuration["Sentiment:Bedrock:Region"] = "eu-west-1";
        builder.Configuration["Sentiment:Bedrock:ModelId"] = "eu.amazon.nova-2-lite-v1:0";
        builder.Configuration[$"ConnectionStrings:{BedrockServiceExtensions.RuntimeConnectionName}"] = bedrock.Url.ToString();
        builder.Configuration["Aws:AccessKeyId"] = "AKIDFROMCONFIG";
        builder.Configuration["Aws:SecretAccessKey"] = "config-secret";
        builder.AddFeedbackModels();
        using var host = builder.Build();

        var speech = Assert.IsType<Nova2OmniSpeechToText>(host.Services.GetRequiredService<ISpeechToText>());
        var sentiment = Assert.IsType<Nova2LiteSentimentModel>(host.Services.GetRequiredService<ISentimentModel>());
        Assert.Equal("It was fun.", await speech.TranscribeAsync(new SpeechRecording("f1", TestRecordings.Wav(), "audio/wav"), CancellationToken.None));
        Assert.Equal(SnapMagic.Feedback.Sentiment.Positive, await sentiment.ScoreAsync("f1", "It was fun.", CancellationToken.None));

        Assert.Empty(bedrock.ValidationFailures);
        Assert.Equal(["us.amazon.nova-2-omni-v1:0", "eu.amazon.nova-2-lite-v1:0"], bedrock.Requests.Select(r => r.ModelId));
        Assert.All(bedrock.Requests, r => Assert.Contains("Credential=AKIDFROMCONFIG/", r.Authorization));
    }

    [Theory]
    [InlineData("Speech")]
    [InlineData("Sentiment")]
    public void An_unknown_provider_stops_start_up_naming_the_choices(string section)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration[$"{section}:Provider"] = "Pocketsphinx";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFeedbackModels());

        Assert.Contains($"{section}:Provider 'Pocketsphinx'", error.Message);
        Assert.Contains("Local or Bedrock", error.Message);
    }
}
