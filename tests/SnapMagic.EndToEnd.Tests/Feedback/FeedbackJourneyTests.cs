using Microsoft.Extensions.Configuration;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Contracts;
using SnapMagic.Embedded;
using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.Feedback;
using SnapMagic.TestSupport.Api;
using SnapMagic.TestSupport.Hubs;

namespace SnapMagic.EndToEnd.Tests.Feedback;

/// <summary>
/// An attendee's feedback from the Api to the push, through the real processes: the Api stores it and queues a feedback
/// job, a worker transcribes (where it can) and scores it, the Api pushes <c>FeedbackUpdated</c> to its owner.
/// </summary>
public abstract class FeedbackJourneyTests<TSystem>(TSystem system) where TSystem : SnapMagicSystem
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    protected TSystem System => system;

    /// <summary>Submits as a new attendee subscribed to the feedback, and returns the id and the view pushed once it finished.</summary>
    protected async Task<(string FeedbackId, FeedbackView Pushed)> SubmitAndWaitForPushAsync(Func<string, Task<FeedbackAccepted>> submit)
    {
        var session = await system.Api.LogInAsync();
        await using var hub = await CardsHubConnection.StartAsync(CardsHubConnection.UrlOn(system.App.ApiUrl), session.Token);
        using var pushes = hub.FeedbackUpdates();

        var accepted = await submit(session.Token);
        Assert.Equal("queued", accepted.Status);
        var snapshot = await hub.SubscribeFeedbackAsync(accepted.FeedbackId);
        Assert.Equal(accepted.FeedbackId, snapshot.FeedbackId);
        try
        {
            var pushed = (await pushes.WaitForAsync(f => f.FeedbackId == accepted.FeedbackId && f.Status is "completed" or "failed", Deadline)).Value;
            Assert.True(pushed.Status == "completed", $"The feedback failed: {pushed.Error}{Environment.NewLine}{system.RecentOutput()}");
            // The read endpoint agrees with the push.
            Assert.Equal(pushed, await system.Api.GetFeedbackAsync(session.Token, accepted.FeedbackId));
            return (accepted.FeedbackId, pushed);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{system.RecentOutput()}", ex);
        }
    }

    protected Task<(string FeedbackId, FeedbackView Pushed)> SubmitTypedAsync(string text) =>
        SubmitAndWaitForPushAsync(token => system.Api.SubmitTypedFeedbackAsync(token, text));

    protected Task<(string FeedbackId, FeedbackView Pushed)> SubmitRecordingAsync(byte[] wav) =>
        SubmitAndWaitForPushAsync(token => system.Api.SubmitFeedbackAsync(token, wav, FeedbackLimits.WavContentType));
}

/// <summary>
/// The embedded backend, on the system the browser tests already run (no system start of its own): the local sentiment
/// step, and recordings kept but not transcribed.
/// </summary>
[Collection(Browser.BrowserCollection.Name)]
public sealed class EmbeddedFeedbackTests(Browser.BrowserSystem browser) : FeedbackJourneyTests<EmbeddedSystem>(browser.System)
{
    [Fact]
    public async Task A_typed_answer_is_scored_by_the_local_lexicon_and_its_sentiment_pushed_to_its_owner()
    {
        var (id, pushed) = await SubmitTypedAsync("Great app, I love it.");

        // The Api shows a typed answer as text it has (Transcribed); the store keeps that nothing was transcribed.
        Assert.Equal(("typed", "Great app, I love it.", "positive", true), (pushed.Kind, pushed.Transcript, pushed.Sentiment, pushed.Transcribed));
        using var store = new SqliteFeedbackStore(System.App.DataDirectory);
        var stored = await store.GetAsync(id);
        Assert.Equal((FeedbackStatus.Completed, Sentiment.Positive, false), (stored!.Status, stored.Sentiment, stored.Transcribed));
    }

    [Fact]
    public async Task A_recording_is_kept_and_completed_not_transcribed_with_no_sentiment_and_no_made_up_text()
    {
        var wav = await EspeakNg.SpeakAsync("I loved this booth. The cards were amazing and really fun.");

        var (id, pushed) = await SubmitRecordingAsync(wav);

        Assert.Equal(("spoken", false, null, null), (pushed.Kind, pushed.Transcribed, pushed.Transcript, pushed.Sentiment));
        using var store = new SqliteFeedbackStore(System.App.DataDirectory);
        var stored = await store.GetAsync(id);
        Assert.Equal((FeedbackStatus.Completed, false, null), (stored!.Status, stored.Transcribed, stored.Text));
        // The recording is kept as the attendee sent it.
        Assert.Equal(wav, await File.ReadAllBytesAsync(Path.Combine(System.App.DataDirectory, "images", stored.RecordingKey!)));
    }
}

/// <summary>
/// aws-local: the worker sends the recording espeak-ng spoke to the fake Bedrock as Nova 2 Omni would get it, and the
/// transcript (scripted: the fake cannot recognise speech) to Nova 2 Lite for its sentiment (the fake's VADER rule).
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class AwsFeedbackTests(AwsSystem system) : FeedbackJourneyTests<AwsSystem>(system)
{
    [Fact]
    public async Task A_spoken_review_is_transcribed_and_scored_through_Bedrock_and_pushed_with_its_transcript_and_sentiment()
    {
        const string Said = "I loved this booth. The cards were amazing and really fun.";
        var wav = await EspeakNg.SpeakAsync(Said);
        System.Bedrock.EnqueueFor(FakeBedrock.FakeModelTask.Transcription, FakeBedrock.FakeBedrockReply.Answer(Said));

        var (id, pushed) = await SubmitRecordingAsync(wav);

        Assert.Equal(("spoken", true, Said, "positive"), (pushed.Kind, pushed.Transcribed, pushed.Transcript, pushed.Sentiment));
        Assert.Empty(System.Bedrock.ValidationFailures);
        var heard = Assert.Single(System.Bedrock.Requests, r => r.ModelTask == FakeBedrock.FakeModelTask.Transcription && r.AudioBytes == wav.Length);
        Assert.Equal(("wav", "us.amazon.nova-2-omni-v1:0"), (heard.AudioFormat, heard.ModelId));
        Assert.Contains(System.Bedrock.Requests, r => r.ModelTask == FakeBedrock.FakeModelTask.Sentiment && r.Text?.Contains(Said, StringComparison.Ordinal) == true
            && r.ModelId == "us.amazon.nova-2-lite-v1:0");

        var stored = await ReadStoredAsync(id);
        Assert.Equal((FeedbackStatus.Completed, true, Said, Sentiment.Positive), (stored!.Status, stored.Transcribed, stored.Text, stored.Sentiment));
    }

    [Fact]
    public async Task A_typed_answer_is_scored_by_Nova_2_Lite()
    {
        const string Typed = "This app is terrible and I hate it.";

        var (id, pushed) = await SubmitTypedAsync(Typed);

        Assert.Equal(("typed", Typed, "negative"), (pushed.Kind, pushed.Transcript, pushed.Sentiment));
        Assert.Contains(System.Bedrock.Requests, r => r.ModelTask == FakeBedrock.FakeModelTask.Sentiment && r.Text?.Contains(Typed, StringComparison.Ordinal) == true);
        Assert.Equal(Sentiment.Negative, (await ReadStoredAsync(id))!.Sentiment);
    }

    /// <summary>The item as the services' DynamoDB table (dynalite) holds it.</summary>
    private async Task<FeedbackItem?> ReadStoredAsync(string feedbackId)
    {
        var aws = System.Configuration.GetSection(AwsOptions.Section).Get<AwsOptions>()!;
        using var dynamoDb = aws.DynamoDbClientOptions().CreateServiceClient<Amazon.DynamoDBv2.IAmazonDynamoDB>();
        return await new DynamoDbFeedbackStore(dynamoDb, aws.TableName, TimeSpan.FromDays(1)).GetAsync(feedbackId);
    }
}
