namespace SnapMagic.Imaging;

/// <summary>One 8-bit-per-channel colour, straight (not premultiplied) alpha.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgba Black = new(0, 0, 0);
    public static readonly Rgba White = new(255, 255, 255);

    /// <summary>Straight interpolation of every channel; <paramref name="t"/> is clamped to 0..1.</summary>
    public Rgba Lerp(Rgba other, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new(Mix(R, other.R, t), Mix(G, other.G, t), Mix(B, other.B, t), Mix(A, other.A, t));
    }

    public Rgba WithAlpha(byte alpha) => this with { A = alpha };

    /// <summary>Hue in degrees, saturation and value 0..1.</summary>
    public static Rgba FromHsv(double hue, double saturation, double value)
    {
        hue = ((hue % 360) + 360) % 360;
        var c = value * saturation;
        var x = c * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = value - c;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return new(ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    public static Rgba FromHex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);

    private static byte ToByte(double unit) => (byte)Math.Round(Math.Clamp(unit, 0, 1) * 255);
}
