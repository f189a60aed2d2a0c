using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.Imaging.Bedrock;

/// <summary>
/// The pictures the Bedrock families send (template, masks, the art window alone) and the one way every
/// answer becomes a card: only the art window of the model's picture is pasted onto our own template, so
/// the frame stays crisp whatever the model does outside it. All pixel work of the adapters lives here.
/// </summary>
internal static class CardArt
{
    // Mipmaps keep a large answer (e.g. 2048 px) from aliasing when it shrinks into the window.
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private static readonly Lazy<byte[]> WhiteWindowMask = new(() =>
    {
        using var mask = new SKBitmap(CardTemplate.Info);
        using (var canvas = new SKCanvas(mask))
        {
            canvas.Clear(SKColors.Black);
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = false };
            canvas.DrawRect(CardTemplate.ArtRect, white);
        }
        return CardPng.Encode(mask);
    });

    private static readonly Lazy<byte[]> Window = new(() =>
    {
        using var template = CardTemplate.Load();
        using var window = new SKBitmap();
        if (!template.ExtractSubset(window, CardTemplate.ArtRect))
            throw new InvalidOperationException("Skia could not cut the art window out of the template.");
        return CardPng.Encode(window);
    });

    /// <summary>The card template, card-sized.</summary>
    public static ReadOnlyMemory<byte> TemplatePng => CardTemplate.LoadPng();

    /// <summary>A card-sized pure black/white mask whose art window is white when <paramref name="windowIsWhite"/>, else black.</summary>
    public static ReadOnlyMemory<byte> MaskPng(bool windowIsWhite) => windowIsWhite ? WhiteWindowMask.Value : CardTemplate.LoadMaskPng();

    /// <summary>The template's art window alone (<see cref="CardTemplate.ArtWidth"/> x <see cref="CardTemplate.ArtHeight"/>).</summary>
    public static ReadOnlyMemory<byte> WindowPng => Window.Value;

    /// <summary>Base64 from a JSON answer; bad base64 is a garbled answer (transient).</summary>
    public static byte[] FromBase64(string base64, string model)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"{model} returned an image that is not base64: {ex.Message}", ex);
        }
    }

    /// <summary>A card from a card-sized picture (inpainting keeps the input's size): its art window on our template.</summary>
    public static byte[] FromWholeCard(byte[] picture, string model, string prompt)
    {
        using var painted = Decode(picture, model);
        if (painted.Width != CardTemplate.Width || painted.Height != CardTemplate.Height)
            throw new ImageModelException(ImageModelFailure.Rejected, BedrockException.RefusedMessage,
                $"{model} returned a {painted.Width}x{painted.Height} image; the card is {CardTemplate.Width}x{CardTemplate.Height}.");
        return Paste(painted, CardTemplate.ArtRect, prompt);
    }

    /// <summary>A card from a picture of the art window alone, of any size: scaled to cover the window, centred, cropped.</summary>
    public static byte[] FromWindow(byte[] picture, string model, string prompt)
    {
        using var art = Decode(picture, model);
        return Paste(art, CoveringCrop(art.Width, art.Height), prompt);
    }

    /// <summary>The centred part of a width x height picture with the art window's aspect ratio: what covers the window.</summary>
    internal static SKRect CoveringCrop(int width, int height)
    {
        var scale = Math.Max(CardTemplate.ArtWidth / (float)width, CardTemplate.ArtHeight / (float)height);
        var (cropWidth, cropHeight) = (CardTemplate.ArtWidth / scale, CardTemplate.ArtHeight / scale);
        return SKRect.Create((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
    }

    /// <summary>Any format Skia reads (PNG, JPEG, WebP, GIF); bytes it cannot read are a garbled answer (transient).</summary>
    private static SKBitmap Decode(byte[] picture, string model)
    {
        try
        {
            return CardPng.Decode(picture);
        }
        catch (FormatException ex)
        {
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"{model} returned an image we cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>The <paramref name="source"/> part of <paramref name="picture"/> drawn into the template's art window, then the caption.</summary>
    private static byte[] Paste(SKBitmap picture, SKRect source, string prompt)
    {
        using var card = CardTemplate.Load();
        using (var canvas = new SKCanvas(card))
        using (var art = SKImage.FromBitmap(picture))
        {
            // Src: the model's pixels replace the window's; the pixel-aligned rectangle leaves the frame untouched.
            using var copy = new SKPaint { BlendMode = SKBlendMode.Src };
            canvas.DrawImage(art, source, CardTemplate.ArtRect, Smooth, copy);
            CardCaption.Draw(canvas, prompt);
        }
        return CardPng.Encode(card);
    }
}
