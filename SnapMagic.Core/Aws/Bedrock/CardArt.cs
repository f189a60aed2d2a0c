using SnapMagic.Imaging;

namespace SnapMagic.Aws.Bedrock;

/// <summary>
/// The pictures the Bedrock families send (template, masks, the art window alone) and the one way every
/// answer becomes a card: only the art window of the model's picture is pasted onto our own template, so
/// the frame stays crisp whatever the model does outside it. All pixel work of the adapters lives here.
/// </summary>
internal static class CardArt
{
    private static readonly Lazy<byte[]> WhiteWindowMask = new(() =>
    {
        var mask = new RgbaImage(CardTemplate.Width, CardTemplate.Height);
        mask.FillRect(0, 0, CardTemplate.Width, CardTemplate.Height, Rgba.Black);
        mask.FillRect(CardTemplate.ArtWindow.Left, CardTemplate.ArtWindow.Top, CardTemplate.ArtWidth, CardTemplate.ArtHeight, Rgba.White);
        return Png.Encode(mask);
    });

    private static readonly Lazy<byte[]> Window = new(() =>
    {
        var template = CardTemplate.Load();
        var window = new RgbaImage(CardTemplate.ArtWidth, CardTemplate.ArtHeight);
        window.DrawImage(template, -CardTemplate.ArtWindow.Left, -CardTemplate.ArtWindow.Top);
        return Png.Encode(window);
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
        var painted = Decode(picture, model);
        if (painted.Width != CardTemplate.Width || painted.Height != CardTemplate.Height)
            throw new ImageModelException(ImageModelFailure.Rejected, BedrockException.RefusedMessage,
                $"{model} returned a {painted.Width}x{painted.Height} image; the card is {CardTemplate.Width}x{CardTemplate.Height}.");
        var card = CardTemplate.Load();
        var (left, top, _, _) = CardTemplate.ArtWindow;
        card.CopyRect(painted, left, top, CardTemplate.ArtWidth, CardTemplate.ArtHeight);
        return Finish(card, prompt);
    }

    /// <summary>A card from a picture of the art window alone, of any size: scaled to cover the window, centred, cropped.</summary>
    public static byte[] FromWindow(byte[] picture, string model, string prompt)
    {
        var art = Cover(Decode(picture, model), CardTemplate.ArtWidth, CardTemplate.ArtHeight);
        var card = CardTemplate.Load();
        card.DrawImage(art, CardTemplate.ArtWindow.Left, CardTemplate.ArtWindow.Top);
        return Finish(card, prompt);
    }

    private static RgbaImage Decode(byte[] picture, string model)
    {
        try
        {
            return Png.Decode(picture);
        }
        catch (FormatException ex)
        {
            // PngFormatException: JPEG output, corrupt bytes.
            throw new ImageModelException(ImageModelFailure.Transient, BedrockException.BusyMessage, $"{model} returned an image we cannot read: {ex.Message}", ex);
        }
    }

    private static byte[] Finish(RgbaImage card, string prompt)
    {
        CardCaption.Draw(card, prompt);
        return Png.Encode(card);
    }

    /// <summary>Bilinear scale so the picture covers width x height, keeping its aspect ratio; the overflow is cropped evenly.</summary>
    private static RgbaImage Cover(RgbaImage source, int width, int height)
    {
        if (source.Width == width && source.Height == height)
            return source;
        var scale = Math.Max(width / (double)source.Width, height / (double)source.Height);
        var offsetX = (source.Width * scale - width) / 2;
        var offsetY = (source.Height * scale - height) / 2;
        var result = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp((x + offsetX + 0.5) / scale - 0.5, 0, source.Width - 1);
                var sy = Math.Clamp((y + offsetY + 0.5) / scale - 0.5, 0, source.Height - 1);
                int x0 = (int)sx, y0 = (int)sy;
                int x1 = Math.Min(x0 + 1, source.Width - 1), y1 = Math.Min(y0 + 1, source.Height - 1);
                var top = source.GetPixel(x0, y0).Lerp(source.GetPixel(x1, y0), sx - x0);
                var bottom = source.GetPixel(x0, y1).Lerp(source.GetPixel(x1, y1), sx - x0);
                result.SetPixel(x, y, top.Lerp(bottom, sy - y0) with { A = 255 });
            }
        return result;
    }
}
