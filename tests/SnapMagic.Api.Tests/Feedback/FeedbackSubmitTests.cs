using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Feedback;

/// <summary>POST /api/feedback and GET /api/feedback/{id}: recordings and typed answers accepted as jobs, everything else refused.</summary>
public sealed class FeedbackSubmitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("audio/webm")]
    [InlineData("audio/webm;codecs=opus")]
    [InlineData("audio/wav")]
    public async Task A_recording_is_stored_queued_and_shown_to_its_owner(string contentType)
    {
        var (client, login) = await factory.NewSessionAsync();
        var recording = contentType.StartsWith("audio/webm", StringComparison.Ordinal) ? TestRecordings.Webm : TestRecordings.Wav();
        var storedType = contentType.StartsWith("audio/webm", StringComparison.Ordinal) ? "audio/webm" : "audio/wav";

        var accepted = await client.SubmitFeedbackAsync(login.Token, recording, contentType);

        Assert.Equal("queued", accepted.Status);
        Assert.True(CorrelationIds.IsWellFormed(accepted.FeedbackId));
        var view = await client.GetFeedbackAsync(login.Token, accepted.FeedbackId);
        Assert.Equal(("queued", "spoken", false, null, null), (view.Status, view.Kind, view.Transcribed, view.Transcript, view.Sentiment));
        var item = (await factory.Services.GetRequiredService<IFeedbackStore>().GetAsync(accepted.FeedbackId))!;
        Assert.Equal((login.SessionId, storedType), (item.SessionId, item.RecordingContentType));
        Assert.Equal(FeedbackItem.RecordingKeyFor(login.SessionId, accepted.FeedbackId, storedType), item.RecordingKey);
        await using var saved = (await factory.Services.GetRequiredService<IImageStore>().OpenReadAsync(item.RecordingKey!))!;
        using var copy = new MemoryStream();
        await saved.CopyToAsync(copy);
        Assert.Equal(recording, copy.ToArray());
    }

    [Fact]
    public async Task A_typed_answer_is_accepted_trimmed_and_its_text_shown_at_once()
    {
        var (client, login) = await factory.NewSessionAsync();

        var accepted = await client.SubmitTypedFeedbackAsync(login.Token, "  Loved the dragons, the queue was long.  ");

        var view = await client.GetFeedbackAsync(login.Token, accepted.FeedbackId);
        Assert.Equal(("queued", "typed", true, "Loved the dragons, the queue was long."), (view.Status, view.Kind, view.Transcribed, view.Transcript));
    }

    [Fact]
    public async Task Each_answer_sends_one_feedback_job_with_the_trace_context()
    {
        var (client, login) = await factory.NewSessionAsync();

        var accepted = await client.SubmitTypedFeedbackAsync(login.Token, "A fine booth");
        var message = await factory.ReceiveJobAsync(accepted.FeedbackId, Timeout);

        Assert.Equal(JobMessage.Feedback(accepted.FeedbackId), JobMessage.TryParse(message.Body));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", message.Attributes[MessageAttributes.TraceParent]);
    }

    [Theory]
    [InlineData("webm labelled wav", "audio/wav", "webm")]
    [InlineData("wav labelled webm", "audio/webm", "wav")]
    [InlineData("Matroska labelled webm", "audio/webm", "matroska")]
    [InlineData("text labelled webm", "audio/webm", "text")]
    [InlineData("a RIFF that is not WAVE", "audio/wav", "avi")]
    [InlineData("a WAV header cut short", "audio/wav", "short")]
    public async Task A_body_that_is_not_what_its_type_says_is_400(string _, string contentType, string body)
    {
        var (client, login) = await factory.NewSessionAsync();
        var bytes = body switch
        {
            "webm" => TestRecordings.Webm,
            "wav" => TestRecordings.Wav(),
            "matroska" => TestRecordings.Matroska,
            "avi" => [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI LIST"u8],
            "short" => "RIFF"u8.ToArray(),
            _ => Encoding.UTF8.GetBytes("I loved it, honestly"),
        };

        using var response = await client.PostFeedbackAsync(login.Token, bytes, contentType);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"labelled {contentType}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_empty_recording_is_400_and_one_past_the_size_limit_413()
    {
        var (client, login) = await factory.NewSessionAsync();

        using var empty = await client.PostFeedbackAsync(login.Token, [], "audio/webm");
        using var huge = await client.PostFeedbackAsync(login.Token, [.. TestRecordings.Webm, .. new byte[FeedbackLimits.MaxRecordingBytes]], "audio/webm");
        var chunked = new ByteArrayContent([.. TestRecordings.Wav(), .. new byte[FeedbackLimits.MaxRecordingBytes]]);
        chunked.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var hugeChunked = await client.SendAsync(request);

        Assert.Contains("empty", (await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        await huge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await hugeChunked.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_recording_at_the_size_limit_is_accepted()
    {
        var (client, login) = await factory.NewSessionAsync();
        var wav = TestRecordings.Wav((FeedbackLimits.MaxRecordingBytes - 44) / 2);

        var accepted = await client.SubmitFeedbackAsync(login.Token, wav, "audio/wav");

        Assert.Equal("queued", accepted.Status);
    }

    [Theory]
    [InlineData("audio/ogg")]
    [InlineData("audio/mpeg")]
    [InlineData("audio/x-wav")]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Another_type_is_415(string? contentType)
    {
        var (client, login) = await factory.NewSessionAsync();
        var body = new ByteArrayContent(TestRecordings.Webm);
        if (contentType is not null)
            body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("""{"text":"x"}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":null}""")]
    [InlineData("{}")]
    [InlineData("""{"text":"nice \u0007 bell"}""")]
    [InlineData("""{"text":42}""")]
    [InlineData("""{"text":"ok" """)]
    [InlineData("")]
    public async Task A_typed_answer_out_of_the_rules_is_400(string json)
    {
        var (client, login) = await factory.NewSessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_typed_answer_past_the_longest_is_400_naming_the_limit()
    {
        var (client, login) = await factory.NewSessionAsync();

        using var response = await client.PostTypedFeedbackAsync(login.Token, new string('a', FeedbackLimits.MaxTextLength + 1));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"at most {FeedbackLimits.MaxTextLength}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Another_sessions_unknown_and_malformed_ids_are_404_and_no_token_401()
    {
        var (owner, login) = await factory.NewSessionAsync();
        var accepted = await owner.SubmitTypedFeedbackAsync(login.Token, "Great cards");
        var (stranger, _) = await factory.NewSessionAsync();
        using var anonymous = factory.CreateClient();

        foreach (var path in new[] { $"/api/feedback/{accepted.FeedbackId}", $"/api/feedback/{CorrelationIds.New()}", "/api/feedback/not-an-id" })
        {
            using var response = await stranger.GetAsync(path);
            Assert.Contains("no feedback", (await response.AssertProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        }
        using var withoutToken = await anonymous.PostAsync("/api/feedback", JsonContent.Create(new TypedFeedbackRequest("Great cards")));
        await withoutToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_queue_that_refuses_the_message_is_503_and_the_feedback_is_failed_with_the_reason()
    {
        var (client, login) = await factory.NewSessionAsync();
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<ICardQueues, RefusingQueues>()));
        using var brokenClient = broken.CreateClient();

        using var response = await brokenClient.PostTypedFeedbackAsync(login.Token, "The queue is down today");

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var all = await ListAllAsync(factory.Services.GetRequiredService<IFeedbackStore>());
        var item = Assert.Single(all, i => i.SessionId == login.SessionId);
        Assert.Equal(FeedbackStatus.Failed, item.Status);
        Assert.Equal(problem.GetProperty("detail").GetString(), item.Error);
        Assert.Equal("failed", (await client.GetFeedbackAsync(login.Token, item.FeedbackId)).Status);
    }

    private static async Task<List<FeedbackItem>> ListAllAsync(IFeedbackStore store)
    {
        var items = new List<FeedbackItem>();
        await foreach (var item in store.ListAllAsync())
            items.Add(item);
        return items;
    }
}
