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
