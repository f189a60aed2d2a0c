namespace SnapMagic.Imaging;

/// <summary>
/// A width × height picture, 4 bytes per pixel (R, G, B, A) row by row, with the few antialiased drawing
/// primitives the card template and the local model need. Shapes blend over what is there (source-over).
/// </summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 4)])
    {
    }

    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 4)
            throw new ArgumentException($"A {width}x{height} RGBA image needs {width * height * 4} bytes, not {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>RGBA bytes, row-major, no padding.</summary>
    public byte[] Pixels { get; }

    public RgbaImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    public Rgba GetPixel(int x, int y)
    {
        var i = Offset(x, y);
        return new(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }

    public void SetPixel(int x, int y, Rgba color)
    {
        var i = Offset(x, y);
        Pixels[i] = color.R;
        Pixels[i + 1] = color.G;
        Pixels[i + 2] = color.B;
        Pixels[i + 3] = color.A;
    }

    /// <summary>Source-over blend of <paramref name="color"/> at <paramref name="coverage"/> (0..1); outside pixels are ignored.</summary>
    public void BlendPixel(int x, int y, Rgba color, double coverage = 1)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            return;
        var alpha = color.A / 255.0 * Math.Clamp(coverage, 0, 1);
        if (alpha <= 0)
            return;
        var i = (y * Width + x) * 4;
        if (alpha >= 1)
        {
            Pixels[i] = color.R;
            Pixels[i + 1] = color.G;
            Pixels[i + 2] = color.B;
            Pixels[i + 3] = 255;
            return;
        }
        if (Pixels[i + 3] == 255)
        {
            // Opaque destination (every card pixel): a plain mix, no alpha division.
            Pixels[i] = (byte)(Pixels[i] + (color.R - Pixels[i]) * alpha + 0.5);
            Pixels[i + 1] = (byte)(Pixels[i + 1] + (color.G - Pixels[i + 1]) * alpha + 0.5);
            Pixels[i + 2] = (byte)(Pixels[i + 2] + (color.B - Pixels[i + 2]) * alpha + 0.5);
            return;
        }
        var destAlpha = Pixels[i + 3] / 255.0;
        var outAlpha = alpha + destAlpha * (1 - alpha);
        Pixels[i] = BlendChannel(color.R, Pixels[i], alpha, destAlpha, outAlpha);
        Pixels[i + 1] = BlendChannel(color.G, Pixels[i + 1], alpha, destAlpha, outAlpha);
        Pixels[i + 2] = BlendChannel(color.B, Pixels[i + 2], alpha, destAlpha, outAlpha);
        Pixels[i + 3] = (byte)Math.Round(outAlpha * 255);
    }

    /// <summary>Fills the pixel rectangle [x, x+width) × [y, y+height), clipped to the image.</summary>
    public void FillRect(int x, int y, int width, int height, Rgba color)
    {
        var (x0, y0, x1, y1) = Clip(x, y, width, height);
        for (var py = y0; py < y1; py++)
            FillSpan(x0, x1, py, color);
    }

    private void FillSpan(int x0, int x1, int y, Rgba color)
    {
        if (color.A != 255)
        {
            for (var px = x0; px < x1; px++)
                BlendPixel(px, y, color);
            return;
        }
        uint packed = (uint)(color.R | color.G << 8 | color.B << 16 | 255 << 24);
        if (x1 > x0)
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(Pixels.AsSpan((y * Width + x0) * 4, (x1 - x0) * 4)).Fill(BitConverter.IsLittleEndian ? packed : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(packed));
    }

    /// <summary>Fills a rectangle with a gradient from <paramref name="from"/> to <paramref name="to"/>, top to bottom or left to right.</summary>
    public void FillGradient(int x, int y, int width, int height, Rgba from, Rgba to, bool vertical = true)
    {
        var (x0, y0, x1, y1) = Clip(x, y, width, height);
        var span = Math.Max(1, (vertical ? height : width) - 1);
        for (var py = y0; py < y1; py++)
        {
            if (vertical)
            {
                FillSpan(x0, x1, py, from.Lerp(to, (py - y) / (double)span));
                continue;
            }
            for (var px = x0; px < x1; px++)
                BlendPixel(px, py, from.Lerp(to, (px - x) / (double)span));
        }
    }

    /// <summary>An antialiased rounded rectangle covering [x, x+width) × [y, y+height).</summary>
    public void FillRoundedRect(int x, int y, int width, int height, double radius, Rgba color) =>
        FillRoundedRect(x, y, width, height, radius, (_, _) => color);

    /// <summary>A rounded rectangle whose colour comes from <paramref name="colorAt"/>(x, y), for gradient frames.</summary>
    public void FillRoundedRect(int x, int y, int width, int height, double radius, Func<int, int, Rgba> colorAt)
    {
        radius = Math.Clamp(radius, 0, Math.Min(width, height) / 2.0);
        var (x0, y0, x1, y1) = Clip(x, y, width, height);
        // Signed distance to a rounded box, sampled at pixel centres: 0.5 px of antialiasing either side.
        var halfW = width / 2.0;
        var halfH = height / 2.0;
        var cx = x + halfW;
        var cy = y + halfH;
        for (var py = y0; py < y1; py++)
        {
            var qy = Math.Abs(py + 0.5 - cy) - (halfH - radius);
            for (var px = x0; px < x1; px++)
            {
                var qx = Math.Abs(px + 0.5 - cx) - (halfW - radius);
                var outside = Math.Sqrt(Sq(Math.Max(qx, 0)) + Sq(Math.Max(qy, 0)));
                var distance = outside + Math.Min(Math.Max(qx, qy), 0) - radius;
                var coverage = 0.5 - distance;
                if (coverage > 0)
                    BlendPixel(px, py, colorAt(px, py), coverage);
            }
        }
    }

    /// <summary>An antialiased disc.</summary>
    public void FillCircle(double cx, double cy, double radius, Rgba color)
    {
        var (x0, y0, x1, y1) = ClipBounds(cx - radius - 1, cy - radius - 1, cx + radius + 1, cy + radius + 1);
        for (var py = y0; py < y1; py++)
            for (var px = x0; px < x1; px++)
            {
                var d = Math.Sqrt(Sq(px + 0.5 - cx) + Sq(py + 0.5 - cy));
                var coverage = radius + 0.5 - d;
                if (coverage > 0)
                    BlendPixel(px, py, color, coverage);
            }
    }

    /// <summary>A soft glow: <paramref name="color"/> fading out linearly to transparent at <paramref name="radius"/>.</summary>
    public void FillGlow(double cx, double cy, double radius, Rgba color)
    {
        var (x0, y0, x1, y1) = ClipBounds(cx - radius, cy - radius, cx + radius, cy + radius);
        for (var py = y0; py < y1; py++)
            for (var px = x0; px < x1; px++)
            {
                var d = Math.Sqrt(Sq(px + 0.5 - cx) + Sq(py + 0.5 - cy));
                if (d < radius)
                    BlendPixel(px, py, color, Sq(1 - d / radius));
            }
    }

    /// <summary>An antialiased line segment of the given thickness with round caps.</summary>
    public void DrawLine(double x0, double y0, double x1, double y1, double thickness, Rgba color)
    {
        var half = thickness / 2;
        var (bx0, by0, bx1, by1) = ClipBounds(Math.Min(x0, x1) - half - 1, Math.Min(y0, y1) - half - 1, Math.Max(x0, x1) + half + 1, Math.Max(y0, y1) + half + 1);
        var dx = x1 - x0;
        var dy = y1 - y0;
        var lengthSquared = dx * dx + dy * dy;
        for (var py = by0; py < by1; py++)
            for (var px = bx0; px < bx1; px++)
            {
                var sx = px + 0.5 - x0;
                var sy = py + 0.5 - y0;
                var t = lengthSquared == 0 ? 0 : Math.Clamp((sx * dx + sy * dy) / lengthSquared, 0, 1);
                var d = Math.Sqrt(Sq(sx - t * dx) + Sq(sy - t * dy));
                var coverage = half + 0.5 - d;
                if (coverage > 0)
                    BlendPixel(px, py, color, coverage);
            }
    }

    /// <summary>Fills the polygon (even-odd rule, pixel centres, no antialiasing) — used for mountain ridges and gems.</summary>
    public void FillPolygon(ReadOnlySpan<(double X, double Y)> points, Rgba color)
    {
        if (points.Length < 3)
            return;
        double minY = double.MaxValue, maxY = double.MinValue;
        foreach (var p in points)
        {
            minY = Math.Min(minY, p.Y);
            maxY = Math.Max(maxY, p.Y);
        }
        var crossings = new List<double>(8);
        for (var py = Math.Max(0, (int)Math.Floor(minY)); py < Math.Min(Height, (int)Math.Ceiling(maxY) + 1); py++)
        {
            var y = py + 0.5;
            crossings.Clear();
            for (var i = 0; i < points.Length; i++)
            {
                var a = points[i];
                var b = points[(i + 1) % points.Length];
                if ((a.Y <= y && b.Y > y) || (b.Y <= y && a.Y > y))
                    crossings.Add(a.X + (y - a.Y) / (b.Y - a.Y) * (b.X - a.X));
            }
            crossings.Sort();
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                var from = Math.Max(0, (int)Math.Ceiling(crossings[i] - 0.5));
                var to = Math.Min(Width - 1, (int)Math.Floor(crossings[i + 1] - 0.5));
                for (var px = from; px <= to; px++)
                    BlendPixel(px, py, color);
            }
        }
    }

    /// <summary>Copies the rectangle [x, x+width) × [y, y+height) of <paramref name="source"/> (same size) over this image.</summary>
    public void CopyRect(RgbaImage source, int x, int y, int width, int height)
    {
        if (source.Width != Width || source.Height != Height)
            throw new ArgumentException($"Source is {source.Width}x{source.Height}, this image is {Width}x{Height}.", nameof(source));
        var (x0, y0, x1, y1) = Clip(x, y, width, height);
        for (var py = y0; py < y1; py++)
        {
            var start = (py * Width + x0) * 4;
            Array.Copy(source.Pixels, start, Pixels, start, (x1 - x0) * 4);
        }
    }

    /// <summary>Copies all of <paramref name="source"/> over this image with its top-left corner at (x, y), clipped.</summary>
    public void DrawImage(RgbaImage source, int x, int y)
    {
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(Width, x + source.Width);
        if (x1 <= x0)
            return;
        for (var sy = Math.Max(0, -y); sy < source.Height && y + sy < Height; sy++)
            Array.Copy(source.Pixels, (sy * source.Width + (x0 - x)) * 4, Pixels, ((y + sy) * Width + x0) * 4, (x1 - x0) * 4);
    }

    /// <summary>True when every pixel is fully opaque (alpha 255).</summary>
    public bool IsOpaque()
    {
        for (var i = 3; i < Pixels.Length; i += 4)
            if (Pixels[i] != 255)
                return false;
        return true;
    }

    private int Offset(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x},{y}) is outside the {Width}x{Height} image.");
        return (y * Width + x) * 4;
    }

    private (int X0, int Y0, int X1, int Y1) Clip(int x, int y, int width, int height) =>
        (Math.Max(0, x), Math.Max(0, y), Math.Min(Width, x + width), Math.Min(Height, y + height));

    private (int X0, int Y0, int X1, int Y1) ClipBounds(double left, double top, double right, double bottom) =>
        (Math.Max(0, (int)Math.Floor(left)), Math.Max(0, (int)Math.Floor(top)),
         Math.Min(Width, (int)Math.Ceiling(right) + 1), Math.Min(Height, (int)Math.Ceiling(bottom) + 1));

    private static double Sq(double v) => v * v;

    private static byte BlendChannel(byte source, byte dest, double alpha, double destAlpha, double outAlpha) =>
        outAlpha <= 0 ? (byte)0 : (byte)Math.Round((source * alpha + dest * destAlpha * (1 - alpha)) / outAlpha);
}
