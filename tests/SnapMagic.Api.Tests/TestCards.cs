using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests;

/// <summary>Moves a card along as the worker would, through the real job store and image store.</summary>
internal static class TestCards
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<CardJob> StartAsync(this ApiFactory factory, string correlationId) =>
        await factory.Services.GetRequiredService<IJobStore>().TryStartAsync(correlationId, DateTimeOffset.UtcNow)
        ?? throw new InvalidOperationException($"Card {correlationId} could not start.");

    /// <summary>Bytes that pass for an MP4 (an ISO BMFF <c>ftyp</c> box, then filler), long enough to ask for ranges of.</summary>
    public static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i % 251))];

    /// <summary>Moves the card's requested animation to completed as the worker would: started, its video stored, completed.</summary>
    public static async Task<CardJob> CompleteAnimationAsync(this ApiFactory factory, string correlationId, string sessionId,
        byte[]? video = null, string contentType = "video/mp4")
    {
        var store = factory.Services.GetRequiredService<IJobStore>();
        var key = CardAnimation.VideoKeyFor(sessionId, correlationId, contentType == "image/webp" ? "webp" : "mp4");
        await store.TryStartAnimationAsync(correlationId, "test-invocation-" + correlationId, DateTimeOffset.UtcNow);
        await factory.Services.GetRequiredService<IImageStore>().SaveAsync(key, video ?? Mp4, contentType);
        return await store.TryCompleteAnimationAsync(correlationId, key, contentType, DateTimeOffset.UtcNow)
            ?? throw new InvalidOperationException($"Card {correlationId}'s animation could not complete.");
    }

    public static async Task<CardJob> CompleteWithImageAsync(this ApiFactory factory, string correlationId, string sessionId)
    {
        var store = factory.Services.GetRequiredService<IJobStore>();
        var key = CardJob.ImageKeyFor(sessionId, correlationId);
        await factory.Services.GetRequiredService<IImageStore>().SaveAsync(key, Png);
        await factory.StartAsync(correlationId);
        return await store.TryCompleteAsync(correlationId, key, DateTimeOffset.UtcNow)
            ?? throw new InvalidOperationException($"Card {correlationId} could not complete.");
    }
}
