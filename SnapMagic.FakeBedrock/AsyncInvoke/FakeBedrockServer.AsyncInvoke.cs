using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SkiaSharp;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// Bedrock Runtime's asynchronous invocation, for the video models: StartAsyncInvoke (<c>POST /async-invoke</c>),
/// GetAsyncInvoke (<c>GET /async-invoke/{invocationArn}</c>) and ListAsyncInvokes (<c>GET /async-invoke</c>, unfiltered), with the
/// field names of the API reference. A start is idempotent per clientRequestToken. On completion the fake writes
/// <c>output.mp4</c> into the invocation's folder under the requested s3Uri: to <see cref="AsyncInvokeS3ServiceUrl"/>
/// when set (fauxqs serves S3), and always to <see cref="AsyncInvokeOutputs"/>. The video is a Ken Burns move over the
/// request's first frame (Nova Reel) or a locally painted card (Luma Ray 2): a real MP4 when Debian's ffmpeg is
/// installed, else the local adapter's animated WebP under the same name (<see cref="AsyncInvokeVideoFormat"/> says which).
/// </summary>
public sealed partial class FakeBedrockServer
{
    private const string AccountId = "123456789012";
    private readonly ConcurrentQueue<FakeAsyncInvokeOutcome> _asyncScript = new();
    private readonly ConcurrentDictionary<string, FakeAsyncInvocation> _invocationsByToken = new();
    private readonly ConcurrentDictionary<string, FakeAsyncInvocation> _invocationsByArn = new();
    private readonly Lock _asyncLock = new();
    private int _startAsyncInvokeCount;

    /// <summary>
    /// The clientRequestToken was used before with another request: 400 ConflictException (StartAsyncInvoke lists it among
    /// its errors; its exact message is not published, so this one says what happened).
    /// </summary>
    public const string TokenConflictMessage = "The clientRequestToken was already used with a different request. Use a new token for a new request.";

    /// <summary>Every StartAsyncInvoke call that got past validation, repeats of a token included (a test's "one video": see <see cref="AsyncInvocations"/>).</summary>
    public int StartAsyncInvokeCount => Volatile.Read(ref _startAsyncInvokeCount);

    /// <summary>Every video the fake wrote, by <c>s3://bucket/key</c>.</summary>
    public ConcurrentDictionary<string, byte[]> AsyncInvokeOutputs { get; } = new();

    /// <summary>An S3 endpoint (fauxqs) to write the videos to as well; any keys are accepted there.</summary>
    public string? AsyncInvokeS3ServiceUrl { get; set; }

    /// <summary>What a start does once the script is empty.</summary>
    public FakeAsyncInvokeOutcome DefaultAsyncInvokeOutcome { get; set; } = FakeAsyncInvokeOutcome.Complete();

    public TimeProvider AsyncInvokeTime { get; set; } = TimeProvider.System;

    /// <summary>What output.mp4 holds: <c>video/mp4</c> with ffmpeg on PATH, else <c>image/webp</c>.</summary>
    public static string AsyncInvokeVideoFormat => Mp4Encoder.IsAvailable ? "video/mp4" : "image/webp";

    public IReadOnlyCollection<FakeAsyncInvocation> AsyncInvocations => [.. _invocationsByArn.Values];

    /// <summary>Scripts the next StartAsyncInvoke calls, in order; then <see cref="DefaultAsyncInvokeOutcome"/>.</summary>
    public void EnqueueAsyncInvoke(params FakeAsyncInvokeOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
            _asyncScript.Enqueue(outcome);
    }

    private async Task HandleStartAsyncInvokeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var failures = new List<string>();
        CheckSignature(context.Request, RawTarget(context), buffer.ToArray(), failures);
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            failures.Add($"Content-Type must be application/json, not '{context.Request.ContentType}'.");
        AsyncInvokeChecks.Checked request;
        try
        {
            request = AsyncInvokeChecks.Check(JsonNode.Parse(buffer.ToArray()), failures);
        }
        catch (System.Text.Json.JsonException ex)
        {
            failures.Add($"The body is not JSON: {ex.Message}");
            request = new(null, null, null, null, null);
        }
        using var firstFrame = request.FirstFrame;
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
                _failures.Enqueue(failure);
            await WriteErrorAsync(context, 400, "ValidationException", string.Join(" ", failures));
            return;
        }
        Interlocked.Increment(ref _startAsyncInvokeCount);
        // The SDKs fill a missing token in; so does the fake, so that every invocation has one.
        var token = request.Token ?? Guid.NewGuid().ToString("N");
        var fingerprint = Fingerprint(request);
        FakeAsyncInvocation? invocation;
        FakeBedrockReply.ErrorReply? refusal = null;
        lock (_asyncLock)
        {
            if (_invocationsByToken.TryGetValue(token, out invocation))
            {
                if (invocation.RequestFingerprint != fingerprint)
                    refusal = new FakeBedrockReply.ErrorReply(400, "ConflictException", TokenConflictMessage);
            }
            else
            {
                var outcome = _asyncScript.TryDequeue(out var next) ? next : DefaultAsyncInvokeOutcome;
                if (outcome is FakeAsyncInvokeOutcome.RefuseOutcome { Reply: FakeBedrockReply.ErrorReply error })
                    refusal = error;
                else
                    invocation = Accept(token, fingerprint, request, outcome, firstFrame);
            }
        }
        if (refusal is not null)
            await WriteErrorAsync(context, refusal.StatusCode, refusal.ErrorType, refusal.Message);
        else
            await WriteJsonAsync(context, 200, new JsonObject { ["invocationArn"] = invocation!.InvocationArn });
    }

    private static string Fingerprint(AsyncInvokeChecks.Checked request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.ModelId}\n{request.S3Uri}\n{request.ModelInput?.ToJsonString()}")));

    private FakeAsyncInvocation Accept(string token, string fingerprint, AsyncInvokeChecks.Checked request, FakeAsyncInvokeOutcome outcome, SKBitmap? firstFrame)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
        var picture = firstFrame?.Copy();
        var prompt = (string?)request.ModelInput?["prompt"] ?? "";
        var invocation = new FakeAsyncInvocation
        {
            InvocationArn = $"arn:aws:bedrock:{Region}:{AccountId}:async-invoke/{id}",
            ClientRequestToken = token,
            RequestFingerprint = fingerprint,
            ModelId = request.ModelId!,
            OutputS3Uri = $"{request.S3Uri!.TrimEnd('/')}/{id}",
            SubmitTime = AsyncInvokeTime.GetUtcNow(),
            Outcome = outcome,
            Video = outcome is FakeAsyncInvokeOutcome.CompleteOutcome { AfterPolls: < int.MaxValue }
                ? Task.Run(() => DrawVideoAsync(picture, prompt))
                : Task.FromResult(Array.Empty<byte>()),
        };
        _invocationsByToken[token] = invocation;
        _invocationsByArn[invocation.InvocationArn] = invocation;
        return invocation;
    }

    private static async Task<byte[]> DrawVideoAsync(SKBitmap? firstFrame, string prompt)
    {
        using var art = firstFrame is null
            ? CardArtFrame.Cut(LocalImageModel.Paint(string.IsNullOrWhiteSpace(prompt) ? "a video" : prompt))
            : firstFrame.Resize(new SKImageInfo(640, 360, SKImageInfo.PlatformColorType, SKAlphaType.Opaque), new SKSamplingOptions(SKFilterMode.Linear));
        firstFrame?.Dispose();
        return Mp4Encoder.IsAvailable ? await Mp4Encoder.EncodeAsync(art) : KenBurnsAnimation.RenderWebP(art);
    }

    private async Task HandleGetAsyncInvokeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var rawTarget = RawTarget(context);
        var failures = new List<string>();
        CheckSignature(context.Request, rawTarget, [], failures);
        var encodedArn = rawTarget["/async-invoke/".Length..].Split('?')[0];
        var arn = Uri.UnescapeDataString(encodedArn);
        if (encodedArn != Uri.EscapeDataString(arn))
            failures.Add($"The invocation ARN in the path must be URL-encoded as one segment: got '{encodedArn}'.");
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
                _failures.Enqueue(failure);
            await WriteErrorAsync(context, 400, "ValidationException", string.Join(" ", failures));
            return;
        }
        if (!_invocationsByArn.TryGetValue(arn, out var invocation))
        {
            await WriteErrorAsync(context, 404, "ResourceNotFoundException", $"The invocation {arn} was not found.");
            return;
        }
        await AdvanceAsync(invocation, context.RequestAborted);
        await WriteJsonAsync(context, 200, Summary(invocation));
    }

    private async Task HandleListAsyncInvokesAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var failures = new List<string>();
        CheckSignature(context.Request, RawTarget(context), [], failures);
        if (failures.Count > 0)
        {
            await WriteErrorAsync(context, 400, "ValidationException", string.Join(" ", failures));
            return;
        }
        // No filters or paging: the signature check knows no query string, so neither does the list.
        var summaries = new JsonArray();
        foreach (var invocation in _invocationsByArn.Values.OrderBy(i => i.SubmitTime))
            summaries.Add(Summary(invocation));
        await WriteJsonAsync(context, 200, new JsonObject { ["asyncInvokeSummaries"] = summaries });
    }

    /// <summary>One poll: the scripted outcome takes effect on its poll, and a completed video is written first.</summary>
    private async Task AdvanceAsync(FakeAsyncInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Status != "InProgress")
            return;
        var polls = ++invocation.Polls;
        switch (invocation.Outcome)
        {
            case FakeAsyncInvokeOutcome.CompleteOutcome complete when polls >= complete.AfterPolls:
                await WriteVideoAsync($"{invocation.OutputS3Uri}/{BedrockVideoFileName}", await invocation.Video, cancellationToken);
                (invocation.Status, invocation.EndTime) = ("Completed", AsyncInvokeTime.GetUtcNow());
                break;
            case FakeAsyncInvokeOutcome.FailOutcome fail when polls >= fail.AfterPolls:
                (invocation.Status, invocation.FailureMessage, invocation.EndTime) = ("Failed", fail.FailureMessage, AsyncInvokeTime.GetUtcNow());
                break;
        }
    }

    private const string BedrockVideoFileName = "output.mp4";

    private async Task WriteVideoAsync(string s3Uri, byte[] video, CancellationToken cancellationToken)
    {
        AsyncInvokeOutputs[s3Uri] = video;
        if (string.IsNullOrWhiteSpace(AsyncInvokeS3ServiceUrl))
            return;
        var (bucket, key) = (s3Uri[5..].Split('/', 2)[0], s3Uri[5..].Split('/', 2)[1]);
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("fake-bedrock", "fake-bedrock"),
            new AmazonS3Config { ServiceURL = AsyncInvokeS3ServiceUrl, ForcePathStyle = true, AuthenticationRegion = Region });
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(video),
            ContentType = "video/mp4",
        }, cancellationToken);
    }

    private JsonObject Summary(FakeAsyncInvocation invocation)
    {
        var summary = new JsonObject
        {
            ["invocationArn"] = invocation.InvocationArn,
            ["modelArn"] = $"arn:aws:bedrock:{Region}::foundation-model/{invocation.ModelId}",
            ["clientRequestToken"] = invocation.ClientRequestToken,
            ["status"] = invocation.Status,
            ["submitTime"] = invocation.SubmitTime.ToString("O"),
            ["lastModifiedTime"] = (invocation.EndTime ?? invocation.SubmitTime).ToString("O"),
            ["outputDataConfig"] = new JsonObject { ["s3OutputDataConfig"] = new JsonObject { ["s3Uri"] = invocation.OutputS3Uri } },
        };
        if (invocation.FailureMessage is not null)
            summary["failureMessage"] = invocation.FailureMessage;
        if (invocation.EndTime is { } end)
            summary["endTime"] = end.ToString("O");
        return summary;
    }

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
}
