using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

/// <summary>The local painter's land and subjects: ridges, dunes, snow caps, pines, sea, skyline, castle, dragon.</summary>
internal static class SceneShapes
{
    private const int Segments = 64; // a power of two, for midpoint displacement

    /// <summary>A mountain ridge by midpoint displacement: the heights (y) at <see cref="Segments"/>+1 evenly spaced x.</summary>
    public static float[] Ridge(SeededRandom random, int width, float baseY, float amplitude, bool rough)
    {
        var heights = new double[Segments + 1];
        heights[0] = random.Between(0, 1);
        heights[Segments] = random.Between(0, 1);
        var roughness = rough ? 1.6 : 0.9;
        for (var step = Segments; step > 1; step /= 2)
            for (var i = step / 2; i < Segments; i += step)
                heights[i] = (heights[i - step / 2] + heights[i + step / 2]) / 2 + random.Between(-0.5, 0.5) * Math.Pow((double)step / Segments, rough ? 0.9 : 1.3) * roughness;
        // Stretch to 0..1 so the highest peak reaches exactly the amplitude: no clipped plateaus.
        var (low, high) = (heights.Min(), heights.Max());
        return [.. heights.Select(h => baseY - (float)((h - low) / Math.Max(1e-9, high - low)) * amplitude)];
    }

    /// <summary>Rolling dunes: a few long sine waves.</summary>
    public static float[] Dunes(SeededRandom random, int width, float baseY, float amplitude)
    {
        var waves = Enumerable.Range(0, 3).Select(i => (Frequency: random.Between(1, 3) * (i + 1), Phase: random.Between(0, Math.PI * 2), Weight: 1.0 / (i + 1))).ToArray();
        return [.. Enumerable.Range(0, Segments + 1).Select(i => baseY - amplitude * (float)(0.5 + 0.5 * waves.Sum(w => w.Weight * Math.Sin(w.Frequency * Math.PI * i / Segments + w.Phase)) / 1.8))];
    }

    /// <summary>The land below a ridge line, as a path.</summary>
    public static SKPath Fill(float[] ridge, int width, int height)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(0, height);
        for (var i = 0; i < ridge.Length; i++)
            path.LineTo(i * width / (float)(ridge.Length - 1), ridge[i]);
        path.LineTo(width, height);
        path.Close();
        return path.Detach();
    }

    /// <summary>Snow on the peaks: down from the ridge line to a ragged snow line.</summary>
    public static void SnowCaps(SKCanvas canvas, SeededRandom random, float[] ridge, int width, SKColor snow, float amplitude)
    {
        var snowLine = ridge.Min() + amplitude * 0.3f;
        using var caps = new SKPathBuilder();
        caps.MoveTo(0, ridge[0]);
        for (var i = 1; i < ridge.Length; i++)
            caps.LineTo(i * width / (float)(ridge.Length - 1), ridge[i]);
        for (var i = ridge.Length - 1; i >= 0; i--)
        {
            var ragged = snowLine + (float)random.Between(-0.08, 0.08) * amplitude;
            caps.LineTo(i * width / (float)(ridge.Length - 1), Math.Max(ridge[i], Math.Min(ridge[i] + amplitude * 0.22f, ragged)));
        }
        caps.Close();
        using var paint = new SKPaint { IsAntialias = true, Color = snow };
        canvas.DrawPath(caps, paint);
    }

    public static void Pines(SKCanvas canvas, SeededRandom random, float[] ridge, int width, int count, float size, SKColor color)
    {
        using var trees = new SKPathBuilder();
        for (var i = 0; i < count; i++)
        {
            var x = (float)random.Between(0, width);
            var y = At(ridge, width, x) + size * 0.15f;
            var h = size * (float)random.Between(0.7, 1.3);
            for (var tier = 0; tier < 3; tier++)
            {
                var top = y - h * (1 - tier * 0.25f);
                var bottom = y - h * (0.45f - tier * 0.2f);
                var half = h * (0.18f + tier * 0.08f);
                trees.MoveTo(x, top);
                trees.LineTo(x + half, bottom);
                trees.LineTo(x - half, bottom);
                trees.Close();
            }
            trees.AddRect(SKRect.Create(x - h * 0.03f, y - h * 0.1f, h * 0.06f, h * 0.2f));
        }
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(trees, paint);
    }

    public static void Sea(SKCanvas canvas, SeededRandom random, int width, int height, float top, SKColor haze, SKColor land, SceneStyle style, SKPoint light)
    {
        var deep = style.Time switch
        {
            TimeOfDay.Day => Hsv(205 + style.Hue * 20, 0.75, 0.5),
            TimeOfDay.Sunset => Hsv(260 + style.Hue * 20, 0.55, 0.3),
            _ => Hsv(230 + style.Hue * 20, 0.75, 0.12),
        };
        Brushes.VerticalGradient(canvas, new SKRect(0, top, width, height), [haze.Mix(deep, 0.35), deep, deep.Mix(SKColors.Black, 0.4)], [0, 0.4f, 1]);
        using var paint = new SKPaint { IsAntialias = true };

        // The light's glitter path, widening towards the viewer, then waves everywhere.
        paint.StrokeCap = SKStrokeCap.Round;
        var glitter = style.Light();
        for (var i = 0; i < 90; i++)
        {
            var t = (float)random.NextDouble();
            var y = top + 2 + t * t * (height - top);
            var spread = 10 + (y - top) * 0.55f;
            var x = light.X + (float)random.Between(-1, 1) * spread;
            var length = (float)random.Between(4, 18) * (1 + (y - top) / 80);
            paint.StrokeWidth = 1 + (y - top) / 120;
            paint.Color = glitter.WithAlpha((byte)(style.Time == TimeOfDay.Night ? 150 : 200));
            canvas.DrawLine(x - length / 2, y, x + length / 2, y, paint);
        }
        paint.Color = haze.Mix(SKColors.White, 0.3).WithAlpha(60);
        for (var i = 0; i < 60; i++)
        {
            var t = (float)random.NextDouble();
            var y = top + 3 + t * (height - top);
            var length = (float)random.Between(10, 40) * (1 + (y - top) / 60);
            var x = (float)random.Between(0, width);
            paint.StrokeWidth = 1 + (y - top) / 150;
            canvas.DrawLine(x, y, x + length, y, paint);
        }
        // A shore in the corner, in the land's colour.
        var left = random.Next(2) == 0;
        using var shore = new SKPathBuilder();
        var reach = width * (float)random.Between(0.25, 0.45);
        shore.MoveTo(left ? 0 : width, height - (height - top) * 0.55f);
        shore.QuadTo(left ? reach * 0.6f : width - reach * 0.6f, height - (height - top) * 0.45f, left ? reach : width - reach, height);
        shore.LineTo(left ? 0 : width, height);
        shore.Close();
        paint.Color = land.Mix(SKColors.Black, 0.35);
        canvas.DrawPath(shore, paint);
    }

    public static void Skyline(SKCanvas canvas, SeededRandom random, int width, int height, float baseY, float maxHeight, SKColor color, bool lit)
    {
        using var buildings = new SKPathBuilder();
        using var windows = new SKPathBuilder();
        for (float x = -10; x < width;)
        {
            var w = (float)random.Between(18, 52);
            var h = maxHeight * (float)random.Between(0.3, 1);
            buildings.AddRect(new SKRect(x, baseY - h, x + w, height));
            if (random.Next(5) == 0)
                buildings.AddRect(SKRect.Create(x + w / 2 - 1, baseY - h - maxHeight * 0.12f, 2, maxHeight * 0.12f)); // an antenna
            if (lit)
                for (var wy = baseY - h + 6; wy < baseY - 4; wy += 9)
                    for (var wx = x + 4; wx < x + w - 6; wx += 7)
                        if (random.Next(3) == 0)
                            windows.AddRect(SKRect.Create(wx, wy, 3, 4));
            x += w + (float)random.Between(0, 6);
        }
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(buildings, paint);
        paint.Color = Hex(0xFFD27A, 210);
        canvas.DrawPath(windows, paint);
    }

    public static void Castle(SKCanvas canvas, SeededRandom random, float[] ridge, int width, float size, SKColor color, bool lit)
    {
        var x = (float)random.Between(width * 0.25, width * 0.75);
        var ground = At(ridge, width, x) + size * 0.15f;
        using var castle = new SKPathBuilder();
        castle.AddRect(new SKRect(x - size * 0.4f, ground - size * 0.45f, x + size * 0.4f, ground + size));
        Battlements(castle, x - size * 0.4f, x + size * 0.4f, ground - size * 0.45f, size * 0.06f);
        var towers = new[] { (-0.45f, 0.75f, 0.16f), (0.45f, 0.7f, 0.16f), (0f, 1f, 0.2f) };
        foreach (var (dx, high, half) in towers)
        {
            var cx = x + dx * size;
            var top = ground - size * high;
            castle.AddRect(new SKRect(cx - size * half, top, cx + size * half, ground + size));
            castle.MoveTo(cx - size * (half + 0.04f), top);
            castle.LineTo(cx, top - size * 0.35f);
            castle.LineTo(cx + size * (half + 0.04f), top);
            castle.Close();
        }
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(castle, paint);
        if (!lit)
            return;
        paint.Color = Hex(0xFFCF6B, 230);
        foreach (var (dx, high, _) in towers)
            canvas.DrawRect(SKRect.Create(x + dx * size - size * 0.03f, ground - size * high * 0.75f, size * 0.06f, size * 0.1f), paint);
        canvas.DrawRoundRect(SKRect.Create(x - size * 0.08f, ground - size * 0.2f, size * 0.16f, size * 0.2f), size * 0.08f, size * 0.08f, paint);
    }

    private static void Battlements(SKPathBuilder path, float left, float right, float top, float tooth)
    {
        for (var x = left; x + tooth <= right; x += tooth * 2)
            path.AddRect(new SKRect(x, top - tooth, x + tooth, top));
    }

    public static void LavaGlow(SKCanvas canvas, int width, int height, float top) =>
        Brushes.VerticalGradient(canvas, new SKRect(0, top, width, height), [Hex(0xFF4500, 0), Hex(0xFF5A1F, 150), Hex(0xFFB03A, 220)], [0, 0.6f, 1]);

    /// <summary>A dragon in flight, in silhouette with a rim of light, somewhere in the sky.</summary>
    public static void Dragon(SKCanvas canvas, SeededRandom random, int width, float horizon, SKColor color, SKColor rim)
    {
        var size = (float)random.Between(width * 0.16, width * 0.26);
        var at = new SKPoint((float)random.Between(width * 0.3, width * 0.7), (float)random.Between(horizon * 0.35, horizon * 0.7));
        canvas.Save();
        canvas.Translate(at);
        canvas.Scale(random.Next(2) == 0 ? size : -size, size);
        canvas.RotateDegrees((float)random.Between(-12, 12));

        using var body = new SKPathBuilder();
        Wing(body, 0.08f, (0.02f, -0.55f), (-0.3f, -0.95f));
        // Tail, body and neck as one tapering outline.
        body.MoveTo(-1.05f, 0.05f);
        body.CubicTo(-0.75f, 0.2f, -0.5f, -0.02f, -0.25f, 0.0f);
        body.CubicTo(-0.05f, -0.06f, 0.2f, -0.08f, 0.38f, -0.2f);
        body.QuadTo(0.48f, -0.3f, 0.58f, -0.3f);   // crown of the head
        body.LineTo(0.78f, -0.24f);                 // snout
        body.LineTo(0.58f, -0.18f);
        body.QuadTo(0.45f, -0.14f, 0.38f, -0.05f);  // throat
        body.CubicTo(0.25f, 0.12f, 0f, 0.14f, -0.25f, 0.09f);
        body.CubicTo(-0.5f, 0.06f, -0.75f, 0.26f, -1.05f, 0.05f);
        body.Close();
        body.MoveTo(0.5f, -0.29f); body.LineTo(0.4f, -0.42f); body.LineTo(0.55f, -0.3f); body.Close(); // horn
        body.MoveTo(-1.05f, 0.05f); body.LineTo(-1.18f, -0.04f); body.LineTo(-1.12f, 0.12f); body.Close(); // tail spade
        foreach (var leg in new[] { -0.15f, 0.15f })
        {
            body.MoveTo(leg - 0.04f, 0.08f);
            body.LineTo(leg + 0.02f, 0.26f);
            body.LineTo(leg + 0.08f, 0.08f);
            body.Close();
        }
        Wing(body, -0.02f, (-0.2f, -0.5f), (-0.62f, -0.72f));

        using var paint = new SKPaint { IsAntialias = true, Color = rim.WithAlpha(120), MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Outer, 0.02f) };
        canvas.DrawPath(body, paint);
        paint.MaskFilter = null;
        paint.Color = color;
        canvas.DrawPath(body, paint);
        canvas.Restore();
    }

    /// <summary>A bat-like wing from the shoulder at <paramref name="root"/>: a leading edge over the elbow to the tip, then scalloped membrane back.</summary>
    private static void Wing(SKPathBuilder path, float root, (float X, float Y) elbow, (float X, float Y) tip)
    {
        path.MoveTo(root + 0.1f, -0.05f);
        path.LineTo(elbow.X + root, elbow.Y);
        path.LineTo(tip.X + root, tip.Y);
        var back = root - 0.3f;
        path.QuadTo(tip.X + root + 0.02f, tip.Y + 0.35f, back - 0.1f, -0.45f);
        path.QuadTo(back + 0.02f, -0.25f, back - 0.02f, -0.12f);
        path.QuadTo(back + 0.15f, -0.1f, root - 0.15f, 0f);
        path.Close();
    }

    private static float At(float[] ridge, int width, float x)
    {
        var position = Math.Clamp(x / width, 0, 1) * (ridge.Length - 1);
        var i = Math.Min((int)position, ridge.Length - 2);
        return ridge[i] + (ridge[i + 1] - ridge[i]) * (position - i);
    }
}
