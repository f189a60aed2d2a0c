using SkiaSharp;

namespace SnapMagic.Imaging;

/// <summary>The colour arithmetic the painters share.</summary>
internal static class ColorMath
{
    /// <summary>A colour from hue (degrees, any value), saturation and value (0-1).</summary>
    public static SKColor Hsv(double hue, double saturation, double value) =>
        SKColor.FromHsv((float)(((hue % 360) + 360) % 360), (float)Math.Clamp(saturation * 100, 0, 100), (float)Math.Clamp(value * 100, 0, 100));

    /// <summary>The colour <paramref name="t"/> of the way from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static SKColor Mix(this SKColor from, SKColor to, double t)
    {
        var k = (float)Math.Clamp(t, 0, 1);
        return new SKColor(
            (byte)(from.Red + (to.Red - from.Red) * k + 0.5f),
            (byte)(from.Green + (to.Green - from.Green) * k + 0.5f),
            (byte)(from.Blue + (to.Blue - from.Blue) * k + 0.5f),
            (byte)(from.Alpha + (to.Alpha - from.Alpha) * k + 0.5f));
    }

    public static SKColor Hex(uint rgb, byte alpha = 255) => new SKColor(0xFF000000 | rgb).WithAlpha(alpha);
}
