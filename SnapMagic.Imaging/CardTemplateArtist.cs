using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

/// <summary>
/// Paints the card template: a gradient-framed trading card with a gold-rimmed art window, a name plate, a
/// parchment text box and gem ornaments. The shipped card-template.png is this picture (a unit test compares
/// them); change the drawing here, then regenerate the file as that test explains.
/// </summary>
internal static class CardTemplateArtist
{
    private static readonly SKColor Night = Hex(0x0C0A1A);
    private static readonly SKColor Gold = Hex(0xF6D77A);
    private static readonly SKColor DeepGold = Hex(0xA8741F);
    private static readonly SKColor Magenta = Hex(0xC2418F);
    private static readonly SKColor Violet = Hex(0x4B34C0);
    private static readonly SKColor Ink = Hex(0x05030F);
    private static readonly SKColor Bronze = Hex(0xB0803A);

    /// <summary>The name plate's inner pill, where the card's title goes.</summary>
    internal static SKRect NamePlate => SKRect.Create(58, 596, CardTemplate.Width - 116, 48);

    /// <summary>The text box's parchment, where the caption goes.</summary>
    internal static SKRect TextBox => SKRect.Create(56, 672, CardTemplate.Width - 112, 252);

    public static SKBitmap Paint()
    {
        const int w = CardTemplate.Width, h = CardTemplate.Height;
        var card = new SKBitmap(CardTemplate.Info);
        using var canvas = new SKCanvas(card);
        canvas.Clear(Night);

        // Outer frame: a diagonal gold → magenta → violet gradient, then the dark inner panel.
        using (var frame = Shaded(SKShader.CreateLinearGradient(new(0, 0), new(w, h), [Gold, Magenta, Violet], SKShaderTileMode.Clamp)))
            canvas.DrawRoundRect(SKRect.Create(4, 4, w - 8, h - 8), 34, 34, frame);
        Fill(canvas, SKRect.Create(15, 15, w - 30, h - 30), 25, Hex(0x140F2E, 200));
        FillVertical(canvas, SKRect.Create(19, 19, w - 38, h - 38), 22, Hex(0x221A4E), Hex(0x0E0B24));
        PaintCornerSparkles(canvas);

        PaintHeader(canvas);
        PaintArtFrame(canvas);
        PaintNamePlate(canvas);
        PaintTextBox(canvas);
        PaintFooter(canvas);
        return card;
    }

    private static void PaintHeader(SKCanvas canvas)
    {
        DrawLettering(canvas, "SNAPMAGIC", 22, 30);
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var (from, to) in new[] { (62f, 228f), (460f, 626f) })
        {
            line.StrokeWidth = 2;
            line.Color = Gold.WithAlpha(170);
            canvas.DrawLine(from, 38, to, 38, line);
            line.StrokeWidth = 1;
            line.Color = Gold.WithAlpha(90);
            canvas.DrawLine(from + 20, 44, to - 20, 44, line);
        }
        Diamond(canvas, 240, 38, 6, Gold);
        Diamond(canvas, 448, 38, 6, Gold);
    }

    private static void PaintArtFrame(SKCanvas canvas)
    {
        SKRect window = CardTemplate.ArtRect;
        Glow(canvas, window.MidX, window.MidY, 330, Magenta.WithAlpha(70));
        FillVertical(canvas, Inflate(window, 10), 12, Gold, DeepGold);
        Fill(canvas, Inflate(window, 6), 8, Hex(0x2A1D0C));
        // A calm placeholder: the image model replaces every pixel of the window.
        using (var placeholder = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, window.Top), new(0, window.Bottom), [Hex(0x2E3366), Hex(0x12132E)], SKShaderTileMode.Clamp) })
            canvas.DrawRect(window, placeholder);
        foreach (var (x, y) in new[] { (window.Left - 10, window.Top - 10), (window.Right + 10, window.Top - 10), (window.Left - 10, window.Bottom + 10), (window.Right + 10, window.Bottom + 10) })
            Gem(canvas, x, y, 9, Hex(0x7FE3FF));
    }

    private static void PaintNamePlate(SKCanvas canvas)
    {
        var plate = NamePlate;
        FillVertical(canvas, Inflate(plate, 6), (plate.Height + 12) / 2, Gold, DeepGold);
        FillVertical(canvas, plate, plate.Height / 2, Hex(0x3A2A7A), Hex(0x171036));
        using (var shine = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(50), StrokeWidth = 1 })
            canvas.DrawLine(plate.Left + 26, plate.Top + 5.5f, plate.Right - 26, plate.Top + 5.5f, shine);
        Gem(canvas, plate.Left + 2, plate.MidY, 13, Hex(0xFF5C8A));
        Gem(canvas, plate.Right - 2, plate.MidY, 13, Hex(0xFF5C8A));
    }

    private static void PaintTextBox(SKCanvas canvas)
    {
        var box = TextBox;
        FillVertical(canvas, Inflate(box, 5), 16, Gold, DeepGold);
        FillVertical(canvas, box, 12, Hex(0xF6EDD8), Hex(0xE2CFA4));
        Fill(canvas, Inflate(box, -8), 8, Hex(0xB89455, 60));
        FillVertical(canvas, Inflate(box, -10), 7, Hex(0xF6EDD8), Hex(0xE6D5AE));
        foreach (var (x, y) in new[] { (box.Left + 22, box.Top + 22), (box.Right - 22, box.Top + 22), (box.Left + 22, box.Bottom - 22), (box.Right - 22, box.Bottom - 22) })
            Diamond(canvas, x, y, 6, Bronze);
        var divider = box.Bottom - 40;
        const float middle = CardTemplate.Width / 2f;
        using (var line = new SKPaint { IsAntialias = true, Color = Bronze.WithAlpha(180), StrokeWidth = 1.5f })
        {
            canvas.DrawLine(box.Left + 60, divider, middle - 18, divider, line);
            canvas.DrawLine(middle + 18, divider, box.Right - 60, divider, line);
        }
        Diamond(canvas, middle, divider, 8, Bronze);
        Diamond(canvas, middle, divider, 4, Hex(0xF6EDD8));
    }

    private static void PaintFooter(SKCanvas canvas)
    {
        const float y = 966;
        Gem(canvas, 96, y, 18, Hex(0xFF4D6D));
        Gem(canvas, CardTemplate.Width - 96, y, 18, Hex(0x4DA3FF));
        DrawLettering(canvas, "AI ART  •  SNAPMAGIC EDITION", 18, y - 9);
    }

    private static void PaintCornerSparkles(SKCanvas canvas)
    {
        foreach (var (x, y) in new[] { (44f, 44f), (CardTemplate.Width - 44f, 44f), (44f, CardTemplate.Height - 44f), (CardTemplate.Width - 44f, CardTemplate.Height - 44f) })
        {
            Glow(canvas, x, y, 16, Gold.WithAlpha(160));
            Diamond(canvas, x, y, 5, SKColors.White.WithAlpha(230));
        }
    }

    /// <summary>Gold capitals with a dark drop shadow, centred on the card, the cap height starting at <paramref name="top"/>.</summary>
    private static void DrawLettering(SKCanvas canvas, string text, float size, float top)
    {
        using var font = new SKFont(CardFonts.Title, size) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { IsAntialias = true, Color = Ink };
        var baseline = top + size * 0.73f;
        canvas.DrawText(text, CardTemplate.Width / 2f + 2, baseline + 2, SKTextAlign.Center, font, paint);
        paint.Shader = SKShader.CreateLinearGradient(new(0, top), new(0, baseline), [Hex(0xFFF3C4), Gold, DeepGold], SKShaderTileMode.Clamp);
        canvas.DrawText(text, CardTemplate.Width / 2f, baseline, SKTextAlign.Center, font, paint);
    }

    private static void Gem(SKCanvas canvas, float x, float y, float radius, SKColor color)
    {
        Glow(canvas, x, y, radius * 2.2f, color.WithAlpha(110));
        Circle(canvas, x, y, radius + 2, DeepGold);
        using var body = Shaded(SKShader.CreateRadialGradient(new(x - radius * 0.35f, y - radius * 0.35f), radius * 1.4f,
            [color.Mix(SKColors.White, 0.35), color, Hex(0x1A1030).Mix(color, 0.45)], [0, 0.55f, 1], SKShaderTileMode.Clamp));
        canvas.DrawCircle(x, y, radius, body);
        Circle(canvas, x - radius * 0.35f, y - radius * 0.35f, radius * 0.25f, SKColors.White.WithAlpha(200));
    }

    private static void Glow(SKCanvas canvas, float x, float y, float radius, SKColor color)
    {
        using var glow = Shaded(SKShader.CreateRadialGradient(new(x, y), radius, [color, color.WithAlpha(0)], SKShaderTileMode.Clamp));
        canvas.DrawCircle(x, y, radius, glow);
    }

    private static void Diamond(SKCanvas canvas, float x, float y, float size, SKColor color)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(x, y - size);
        path.LineTo(x + size, y);
        path.LineTo(x, y + size);
        path.LineTo(x - size, y);
        path.Close();
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(path, paint);
    }

    private static void Circle(SKCanvas canvas, float x, float y, float radius, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawCircle(x, y, radius, paint);
    }

    private static void Fill(SKCanvas canvas, SKRect rect, float radius, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawRoundRect(rect, radius, radius, paint);
    }

    private static void FillVertical(SKCanvas canvas, SKRect rect, float radius, SKColor top, SKColor bottom)
    {
        using var paint = Shaded(SKShader.CreateLinearGradient(new(0, rect.Top), new(0, rect.Bottom), [top, bottom], SKShaderTileMode.Clamp));
        canvas.DrawRoundRect(rect, radius, radius, paint);
    }

    private static SKPaint Shaded(SKShader shader) => new() { IsAntialias = true, Shader = shader };

    private static SKRect Inflate(SKRect rect, float by) => SKRect.Inflate(rect, by, by);
}
