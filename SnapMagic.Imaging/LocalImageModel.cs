using Microsoft.Extensions.Options;
using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>
/// The embedded backend's image model: paints a deterministic picture from the prompt into the template's
/// art window (<see cref="LocalArtPainter"/>), writes the caption, and returns the PNG. Same prompt, same
/// bytes. <see cref="LocalImageModelOptions.LatencyMs"/> and <see cref="LocalImageModelOptions.FailureRate"/>
/// imitate a slow or flaky model so the worker's resilience paths can be seen locally.
/// </summary>
public sealed class LocalImageModel(IOptions<ImageModelOptions> options) : IImageModel
{
    /// <summary>
    /// One card painted at a time in a process: painting is pure CPU, so more at once on the same cores finishes
    /// none sooner and only lengthens every other thread's wait for a core (the Api's among them, on one machine).
    /// </summary>
    private static readonly SemaphoreSlim Painter = new(1, 1);

    public async Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken = default)
    {
        var local = options.Value.Local;
        if (local.LatencyMs > 0)
            await Task.Delay(local.LatencyMs, cancellationToken); // the simulated model's own latency
        cancellationToken.ThrowIfCancellationRequested();

        if (local.FailureRate > 0 && Random.Shared.NextDouble() < local.FailureRate)
            throw new ImageModelException(
                ImageModelFailure.Transient,
                "The image model is busy right now. Please try again.",
                $"Simulated transient failure (ImageModel:Local:FailureRate = {local.FailureRate}).");

        await Painter.WaitAsync(cancellationToken);
        try
        {
            return Paint(request.Prompt);
        }
        finally
        {
            Painter.Release();
        }
    }

    /// <summary>The finished card for <paramref name="prompt"/> as PNG bytes (pure; no latency or failures).</summary>
    public static byte[] Paint(string prompt)
    {
        using var card = CardTemplate.Load();
        using (var canvas = new SKCanvas(card))
        {
            canvas.Save();
            canvas.ClipRect(CardTemplate.ArtRect);
            canvas.Translate(CardTemplate.ArtWindow.Left, CardTemplate.ArtWindow.Top);
            LocalArtPainter.Paint(canvas, prompt, CardTemplate.ArtWidth, CardTemplate.ArtHeight);
            canvas.Restore();
            CardCaption.Draw(canvas, prompt);
        }
        return CardPng.Encode(card);
    }
}
