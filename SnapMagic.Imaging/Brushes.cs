using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>
/// Gradients the cheap way. Skia's raster gradient shaders cost about 20 ns a pixel here, a stretched
/// image a tenth of that: so a gradient is painted once into a tiny bitmap and stretched over the area.
/// </summary>
internal static class Brushes
{
    private const int GlowSprite = 64;

    /// <summary>A vertical gradient over <paramref name="area"/> (stops as in <see cref="SKShader.CreateLinearGradient(SKPoint, SKPoint, SKColor[], float[], SKShaderTileMode)"/>).</summary>
    public static void VerticalGradient(SKCanvas canvas, SKRect area, SKColor[] colors, float[]? positions = null)
    {
        var height = Math.Max(1, (int)MathF.Ceiling(area.Height));
        using var column = new SKBitmap(new SKImageInfo(1, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using (var painter = new SKCanvas(column))
        using (var gradient = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, height), colors, positions, SKShaderTileMode.Clamp) })
        {
            painter.Clear(SKColors.Transparent);
            painter.DrawRect(0, 0, 1, height, gradient);
        }
        using var image = SKImage.FromBitmap(column);
        canvas.DrawImage(image, area, new SKSamplingOptions(SKFilterMode.Nearest));
    }

    /// <summary>A soft round glow of <paramref name="color"/> fading to nothing at <paramref name="radius"/>.</summary>
    public static void Glow(SKCanvas canvas, SKPoint center, float radius, SKColor color)
    {
        using var sprite = new SKBitmap(new SKImageInfo(GlowSprite, GlowSprite, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using (var painter = new SKCanvas(sprite))
        using (var gradient = new SKPaint { Shader = SKShader.CreateRadialGradient(new(GlowSprite / 2f, GlowSprite / 2f), GlowSprite / 2f, [color, color.WithAlpha(0)], SKShaderTileMode.Clamp) })
        {
            painter.Clear(SKColors.Transparent);
            painter.DrawRect(0, 0, GlowSprite, GlowSprite, gradient);
        }
        using var image = SKImage.FromBitmap(sprite);
        canvas.DrawImage(image, new SKRect(center.X - radius, center.Y - radius, center.X + radius, center.Y + radius), new SKSamplingOptions(SKFilterMode.Linear));
    }
}
