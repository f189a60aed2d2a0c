using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// The control plane's GetFoundationModel (<c>GET /foundation-models/{modelId}</c>, SigV4 service <c>bedrock</c>) on the
/// same port as the runtime, so <c>ImageModel:Bedrock:ControlPlaneUrl</c> is the fake's <see cref="Url"/> too.
/// Every family's default model is known with the lifecycle public pages report: Nova Canvas and Nova Reel LEGACY with
/// end of life 2026-09-30 (no legacy date: none is published that we could check), the others ACTIVE.
/// </summary>
public sealed partial class FakeBedrockServer
{
    private int _controlPlaneRequestCount;

    /// <summary>The models GetFoundationModel knows, by foundation-model id; any other id answers 404 ResourceNotFoundException.</summary>
    public ConcurrentDictionary<string, FakeFoundationModel> FoundationModels { get; } = new(
    [
        new("amazon.nova-canvas-v1:0", FakeFoundationModel.ReportedLegacy),
        new("amazon.nova-2-omni-v1:0", FakeFoundationModel.Active),
        new("amazon.nova-2-lite-v1:0", FakeFoundationModel.Active),
        new("stability.stable-image-inpaint-v1:0", FakeFoundationModel.Active),
        new("amazon.nova-reel-v1:0", FakeFoundationModel.ReportedLegacy),
        new("amazon.nova-reel-v1:1", FakeFoundationModel.ReportedLegacy),
        new("luma.ray-v2:0", FakeFoundationModel.Active),
    ]);

    /// <summary>When set, GetFoundationModel answers 403 AccessDeniedException.</summary>
    public bool ControlPlaneAccessDenied { get; set; }

    public int ControlPlaneRequestCount => Volatile.Read(ref _controlPlaneRequestCount);

    private async Task HandleGetFoundationModelAsync(HttpContext context, string modelId)
    {
        Interlocked.Increment(ref _controlPlaneRequestCount);
        var failures = new List<string>();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        CheckSignature(context.Request, rawTarget, [], failures);
        foreach (var failure in failures)
            _failures.Enqueue(failure);
        if (failures.Count > 0)
            await WriteErrorAsync(context, 400, "ValidationException", string.Join(" ", failures));
        else if (ControlPlaneAccessDenied)
            await WriteErrorAsync(context, 403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        else if (!FoundationModels.TryGetValue(modelId, out var model))
            await WriteErrorAsync(context, 404, "ResourceNotFoundException", $"The model {modelId} was not found.");
        else
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["modelDetails"] = new JsonObject
                {
                    ["modelArn"] = $"arn:aws:bedrock:{Region}::foundation-model/{modelId}",
                    ["modelId"] = modelId,
                    ["outputModalities"] = new JsonArray("IMAGE"),
                    ["modelLifecycle"] = Lifecycle(model),
                },
            });
    }

    private static JsonObject Lifecycle(FakeFoundationModel model)
    {
        var lifecycle = new JsonObject { ["status"] = model.Status };
        if (model.LegacyTime is { } legacy)
            lifecycle["legacyTime"] = legacy.ToString("O");
        if (model.EndOfLifeTime is { } endOfLife)
            lifecycle["endOfLifeTime"] = endOfLife.ToString("O");
        return lifecycle;
    }
}
