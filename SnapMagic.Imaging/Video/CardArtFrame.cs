using SkiaSharp;

namespace SnapMagic.Imaging.Video;

/// <summary>
/// The finished card's art window, pixels (69,78) to (618,570) of the card PNG, as the first frame a video model
/// starts from: alone, or fitted into the frame size a model requires.
/// </summary>
public static class CardArtFrame
{
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The art window cut out of a card PNG (<see cref="CardTemplate.ArtWidth"/> x <see cref="CardTemplate.ArtHeight"/>).</summary>
    public static SKBitmap Cut(ReadOnlyMemory<byte> cardPng)
    {
        using var card = CardPng.Decode(cardPng.Span);
        if (card.Width != CardTemplate.Width || card.Height != CardTemplate.Height)
            throw new VideoModelException(false, VideoModelException.RefusedMessage,
                $"The card is {card.Width}x{card.Height}; a finished card is {CardTemplate.Width}x{CardTemplate.Height}.");
        var art = new SKBitmap(new SKImageInfo(CardTemplate.ArtWidth, CardTemplate.ArtHeight, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(art);
        using var image = SKImage.FromBitmap(card);
        canvas.DrawImage(image, CardTemplate.ArtRect, new SKRect(0, 0, art.Width, art.Height), SKSamplingOptions.Default);
        return art;
    }

    /// <summary>
    /// The art scaled to fit <paramref name="width"/> x <paramref name="height"/> whole and centred; the bands beside
    /// it are the same art, blurred and darkened, so a model sees no hard black bars to keep.
    /// </summary>
    public static byte[] FitPng(SKBitmap art, int width, int height)
    {
        using var frame = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(art))
        {
            var cover = Math.Max(width / (float)art.Width, height / (float)art.Height);
            var fit = Math.Min(width / (float)art.Width, height / (float)art.Height);
            using var backdrop = new SKPaint
            {
                ImageFilter = SKImageFilter.CreateBlur(24, 24),
                ColorFilter = SKColorFilter.CreateBlendMode(new SKColor(0, 0, 0, 110), SKBlendMode.SrcOver),
            };
            canvas.DrawImage(image, Centred(art, cover, width, height), Smooth, backdrop);
            canvas.DrawImage(image, Centred(art, fit, width, height), Smooth);
        }
        return CardPng.Encode(frame);
    }

    private static SKRect Centred(SKBitmap art, float scale, int width, int height)
    {
        var (w, h) = (art.Width * scale, art.Height * scale);
        return SKRect.Create((width - w) / 2, (height - h) / 2, w, h);
    }
}
