using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// The project's fake Bedrock Runtime, run by <c>--backend aws-local</c> and owned and scripted by the tests:
/// a real Kestrel server on 127.0.0.1 (a free port chosen by the OS unless given), so other processes can call it too. It checks every InvokeModel request the way Nova Canvas
/// INPAINTING would (SigV4 for service <c>bedrock</c>, always recomputed with the secret key the callers sign with,
/// URL-encoded model id, no field the API does not take, valid same-size PNGs, a pure black/white mask, text length,
/// config ranges), and each other family as strictly; it answers a plausible picture, and can be scripted to
/// answer 429, 503, slow responses, ValidationExceptions and a blocked output. Invalid requests get a 400
/// ValidationException and are recorded in <see cref="ValidationFailures"/>.
/// </summary>
public sealed partial class FakeBedrockServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeBedrockReply> _script = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<FakeBedrockRequest> _requests = new();
    private int _requestCount;

    /// <summary>The secret key a test signs with when it has no reason to choose one (<c>Aws:SecretAccessKey</c>).</summary>
    public const string TestSecretAccessKey = "snapmagic-fake-bedrock-test-secret";

    private static readonly HashSet<string> NovaCanvasFields = ["taskType", "inPaintingParams", "imageGenerationConfig"];
    private static readonly HashSet<string> InPaintingParamsFields = ["image", "text", "negativeText", "maskPrompt", "maskImage", "returnMask"];
    private static readonly HashSet<string> ImageGenerationConfigFields = ["numberOfImages", "quality", "cfgScale", "seed", "width", "height"];

    private FakeBedrockServer(WebApplication app, string region, string secretKey)
    {
        _app = app;
        Region = region;
        _secretKey = secretKey;
    }

    private readonly string _secretKey;

    /// <summary>Base URL, e.g. http://127.0.0.1:41234/ (use as <c>ImageModel:Bedrock:ServiceUrl</c>).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The region the credential scope must name.</summary>
    public string Region { get; }

    /// <summary>Answer once the script is empty.</summary>
    public FakeBedrockReply DefaultReply { get; set; } = FakeBedrockReply.Success;

    public int RequestCount => Volatile.Read(ref _requestCount);
    public IReadOnlyList<FakeBedrockRequest> Requests => [.. _requests];
    public FakeBedrockRequest? LastRequest => _requests.LastOrDefault();
    public IReadOnlyList<string> ValidationFailures => [.. _failures];

    /// <param name="region">The region the credential scope must name.</param>
    /// <param name="secretKey">The key the callers sign with: every signature is recomputed with it and must match.</param>
    /// <param name="port">A fixed port (the AppHost's); 0 lets the OS choose.</param>
    public static async Task<FakeBedrockServer> StartAsync(string region = "us-east-1", string secretKey = TestSecretAccessKey, int port = 0,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        var app = builder.Build();
        var server = new FakeBedrockServer(app, region, secretKey);
        app.MapPost("/model/{modelId}/invoke", server.HandleAsync);
        app.MapPost("/model/{modelId}/converse", server.HandleAsync);
        app.MapGet("/foundation-models/{modelId}", server.HandleGetFoundationModelAsync);
        app.MapPost("/async-invoke", server.HandleStartAsyncInvokeAsync);
        app.MapGet("/async-invoke", server.HandleListAsyncInvokesAsync);
        app.MapGet("/async-invoke/{**invocationArn}", server.HandleGetAsyncInvokeAsync);
        app.MapGet("/health", () => "Healthy");
        app.MapFallback(context =>
        {
            server._failures.Enqueue($"Unexpected request {context.Request.Method} {context.Request.Path}");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Queues replies for the next requests, in order; then <see cref="DefaultReply"/> again.</summary>
    public void Enqueue(params FakeBedrockReply[] replies)
    {
        foreach (var reply in replies)
            _script.Enqueue(reply);
    }

    /// <summary>Completes when the server is asked to stop (Ctrl+C or SIGTERM when it runs as its own process).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var failures = new List<string>();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var recorded = new FakeBedrockRequest { RawPath = rawTarget, Authorization = context.Request.Headers.Authorization.ToString() };

        CheckPath(rawTarget, failures, ref recorded);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        CheckSignature(context.Request, rawTarget, buffer.ToArray(), failures);
        SKBitmap? painted = null;
        try
        {
            painted = CheckBodyOfFamily(buffer.ToArray(), context.Request.ContentType, failures, ref recorded);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            failures.Add($"A field of the body has the wrong JSON type: {ex.Message}");
        }
        using var answer = painted;

        recorded = recorded with { ValidationFailures = failures };
        _requests.Enqueue(recorded);
        foreach (var failure in failures)
            _failures.Enqueue(failure);
        if (failures.Count > 0)
        {
            await WriteErrorAsync(context, 400, "ValidationException", string.Join(" ", failures));
            return;
        }

        var reply = NextReply(recorded);
        while (reply is FakeBedrockReply.SlowReply slow)
        {
            await Task.Delay(slow.Delay, context.RequestAborted); // scripted model latency
            reply = slow.Then;
        }
        if (await TryWriteFamilyReplyAsync(context, recorded, reply, answer))
            return;
        switch (reply)
        {
            case FakeBedrockReply.ErrorReply error:
                await WriteErrorAsync(context, error.StatusCode, error.ErrorType, error.Message);
                break;
            case FakeBedrockReply.OutputBlockedReply blocked:
                await WriteJsonAsync(context, 200, new JsonObject { ["images"] = new JsonArray(), ["error"] = blocked.Error });
                break;
            default:
                await WriteJsonAsync(context, 200, new JsonObject { ["images"] = new JsonArray(Convert.ToBase64String(CardPng.Encode(answer!))) });
                break;
        }
    }

    private static void CheckPath(string rawTarget, List<string> failures, ref FakeBedrockRequest recorded)
    {
        var match = InvokePath().Match(rawTarget);
        if (!match.Success)
        {
            failures.Add($"The path '{rawTarget}' is not /model/{{modelId}}/invoke or /model/{{modelId}}/converse.");
            return;
        }
        var encoded = match.Groups[1].Value;
        var modelId = Uri.UnescapeDataString(encoded);
        recorded = recorded with { ModelId = modelId };
        if (encoded != Uri.EscapeDataString(modelId))
            failures.Add($"The model id in the path must be URL-encoded: got '{encoded}', expected '{Uri.EscapeDataString(modelId)}'.");
    }

    private void CheckSignature(HttpRequest request, string rawTarget, byte[] body, List<string> failures)
    {
        var authorization = request.Headers.Authorization.ToString();
        var match = SigV4Authorization().Match(authorization);
        if (!match.Success)
        {
            failures.Add($"The Authorization header is not AWS4-HMAC-SHA256 with Credential, SignedHeaders and Signature: '{authorization}'.");
            return;
        }
        var scope = match.Groups["scope"].Value;
        if (!scope.EndsWith($"/{Region}/bedrock/aws4_request", StringComparison.Ordinal))
            failures.Add($"The credential scope '{scope}' is not for service bedrock in {Region} (…/{Region}/bedrock/aws4_request).");
        var signed = match.Groups["signed"].Value.Split(';');
        foreach (var header in new[] { "host", "x-amz-date" })
            if (!signed.Contains(header))
                failures.Add($"SignedHeaders '{match.Groups["signed"].Value}' does not include {header}.");
        var date = request.Headers["X-Amz-Date"].ToString();
        if (date.Length != 16 || !scope.Contains($"/{date[..8]}/", StringComparison.Ordinal))
            failures.Add($"X-Amz-Date '{date}' is missing or does not match the credential scope date.");
        else if (SigV4Verifier.Verify(request, rawTarget, body, _secretKey, scope, match.Groups["signed"].Value, match.Groups["signature"].Value) is { } mismatch)
            failures.Add(mismatch);
    }

    private static SKBitmap? CheckBody(byte[] body, string? contentType, List<string> failures, ref FakeBedrockRequest recorded)
    {
        if (ReadJsonObject(body, contentType, failures) is not { } json)
            return null;
        RefuseUnknownFields(json, NovaCanvasFields, "Nova Canvas", failures);
        var taskType = json["taskType"]?.GetValue<string>();
        var parameters = json["inPaintingParams"];
        var config = json["imageGenerationConfig"];
        if (parameters is JsonObject parameterFields)
            RefuseUnknownFields(parameterFields, InPaintingParamsFields, "inPaintingParams", failures);
        if (config is JsonObject configFields)
            RefuseUnknownFields(configFields, ImageGenerationConfigFields, "imageGenerationConfig", failures);
        recorded = recorded with
        {
            TaskType = taskType,
            Text = parameters?["text"]?.GetValue<string>(),
            NegativeText = parameters?["negativeText"]?.GetValue<string>(),
            Seed = config?["seed"]?.GetValue<int>(),
            Quality = config?["quality"]?.GetValue<string>(),
            CfgScale = config?["cfgScale"]?.GetValue<double>(),
        };
        if (taskType != "INPAINTING")
            failures.Add($"taskType must be INPAINTING, not '{taskType}'.");
        if (parameters is null)
        {
            failures.Add("inPaintingParams is missing.");
            return null;
        }

        CheckText(recorded.Text, "text", required: true, failures);
        CheckText(recorded.NegativeText, "negativeText", required: false, failures);
        if (config is not null)
        {
            var count = config["numberOfImages"]?.GetValue<int>() ?? 1;
            if (count is < 1 or > 5)
                failures.Add($"numberOfImages {count} is outside 1-5.");
            if (recorded.Quality is not (null or "standard" or "premium"))
                failures.Add($"quality '{recorded.Quality}' is not standard or premium.");
            if (recorded.CfgScale is < 1.1 or > 10)
                failures.Add($"cfgScale {recorded.CfgScale} is outside 1.1-10.");
            if (recorded.Seed is < 0 or > 858993459)
                failures.Add($"seed {recorded.Seed} is outside 0-858993459.");
            if (config["width"] is not null || config["height"] is not null)
                failures.Add("INPAINTING takes its size from the input image; width/height are not accepted.");
        }

        using var image = DecodeBase64Image(parameters["image"], "inPaintingParams.image", failures);
        using var mask = DecodeBase64Image(parameters["maskImage"], "inPaintingParams.maskImage", failures);
        if (image is null || mask is null)
            return null;
        recorded = recorded with { ImageWidth = image.Width, ImageHeight = image.Height };
        if (image.Width is < 320 or > 4096 || image.Height is < 320 or > 4096)
            failures.Add($"The image is {image.Width}x{image.Height}; each side must be 320-4096 px.");
        if (image.Width != mask.Width || image.Height != mask.Height)
        {
            failures.Add($"The image is {image.Width}x{image.Height} but the mask is {mask.Width}x{mask.Height}.");
            return null;
        }
        if (!IsOpaque(image))
            failures.Add("The image has transparent or translucent pixels.");

        if (CountPureBlackWhite(mask, Black, failures) is not { } masked)
            return null;
        recorded = recorded with { MaskedPixels = masked };
        if (masked == 0)
            failures.Add("The mask has no black (masked) pixels: nothing to inpaint.");
        return Paint(image, mask, Black, recorded.Text ?? "");
    }

    private static void CheckText(string? text, string name, bool required, List<string> failures)
    {
        if (text is null)
        {
            if (required)
                failures.Add($"inPaintingParams.{name} is missing.");
            return;
        }
        if (text.Length is < 1 or > 1024)
            failures.Add($"inPaintingParams.{name} has {text.Length} characters; 1-1024 allowed.");
    }

    // Opaque black and opaque white as 32-bit words: the same in RGBA and BGRA order.
    private const uint Black = 0xFF000000, White = 0xFFFFFFFF;

    private static ReadOnlySpan<uint> MaskPixels(SKBitmap mask) => MemoryMarshal.Cast<byte, uint>(mask.GetPixelSpan());

    /// <summary>How many pixels of <paramref name="mask"/> are <paramref name="counted"/>; null (and a failure) when one is neither black nor white.</summary>
    private static int? CountPureBlackWhite(SKBitmap mask, uint counted, List<string> failures)
    {
        var pixels = MaskPixels(mask);
        if (pixels.IndexOfAnyExcept(Black, White) is var i and >= 0)
        {
            var (x, y) = (i % mask.Width, i / mask.Width);
            failures.Add($"The mask is not pure black/white: pixel ({x},{y}) is {mask.GetPixel(x, y)}.");
            return null;
        }
        return pixels.Count(counted);
    }

    private static bool IsOpaque(SKBitmap image)
    {
        var pixels = image.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
            if (pixels[i] != 255)
                return false;
        return true;
    }

    /// <summary>The input image with the <paramref name="repaint"/> pixels of <paramref name="mask"/> painted a diagonal gradient whose colours come from the text.</summary>
    private static SKBitmap Paint(SKBitmap image, SKBitmap mask, uint repaint, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var result = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        using (var original = SKImage.FromBitmap(image))
            canvas.DrawImage(original, 0, 0, SKSamplingOptions.Default);
        using var masked = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new(0, 0), new(image.Width, image.Height),
                [new SKColor(hash[0], hash[1], hash[2]), new SKColor(hash[3], hash[4], hash[5])], SKShaderTileMode.Clamp),
        };
        // Paint every run of repainted mask pixels, row by row.
        var pixels = MaskPixels(mask);
        for (var y = 0; y < mask.Height; y++)
        {
            var row = pixels.Slice(y * mask.Width, mask.Width);
            for (var start = row.IndexOf(repaint); start >= 0;)
            {
                var length = row[start..].IndexOfAnyExcept(repaint) is var end and >= 0 ? end : row.Length - start;
                canvas.DrawRect(start, y, length, 1, masked);
                var next = row[(start + length)..].IndexOf(repaint);
                start = next < 0 ? -1 : start + length + next;
            }
        }
        // Like a real model, it also disturbs the unmasked edge a little; the adapter must keep its own frame.
        using var edge = new SKPaint { Color = new SKColor(hash[6], hash[7], hash[8]) };
        canvas.DrawRect(0, 0, image.Width, 1, edge);
        return result;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.Headers["X-Amzn-ErrorType"] = $"{errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/";
        return WriteJsonAsync(context, status, new JsonObject { ["message"] = message });
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    [GeneratedRegex(@"^/model/([^/?]+)/(?:invoke|converse)$")]
    private static partial Regex InvokePath();

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/,\s]+)(?<scope>/\d{8}/[a-z0-9-]+/[a-z0-9-]+/aws4_request), ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex SigV4Authorization();
}
