using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

/// <summary>The local painter's sky: stars, nebulae, the sun or moon and its light, clouds, planets, and what floats in the air.</summary>
internal static class SkyArt
{
    public static void Stars(SKCanvas canvas, SeededRandom random, int width, float bottom, int count)
    {
        using var paint = new SKPaint { IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        // Three magnitudes: many faint, some bright, a few large.
        foreach (var (share, size, alpha) in new[] { (0.7, 1.1f, (byte)150), (0.25, 1.8f, (byte)210), (0.05, 2.6f, (byte)255) })
        {
            var points = new SKPoint[(int)(count * share)];
            for (var i = 0; i < points.Length; i++)
            {
                var y = (float)(random.NextDouble() * random.NextDouble()) * bottom; // denser towards the zenith
                points[i] = new((float)random.Between(0, width), y);
            }
            paint.StrokeWidth = size;
            paint.Color = Hex(0xFFFBEF, alpha);
            canvas.DrawPoints(SKPointMode.Points, points, paint);
        }
        for (var i = 0; i < 4; i++)
            Twinkle(canvas, (float)random.Between(0, width), (float)random.Between(0, bottom * 0.6), (float)random.Between(5, 10), Hex(0xFFFFFF, 220));
    }

    public static void Nebula(SKCanvas canvas, SeededRandom random, int width, int height, double hue)
    {
        for (var i = 0; i < 5; i++)
        {
            var center = new SKPoint((float)random.Between(0, width), (float)random.Between(0, height * 0.8));
            var radius = (float)random.Between(width * 0.25, width * 0.6);
            Brushes.Glow(canvas, center, radius, Hsv(280 + hue * 80 + random.Between(-50, 50), 0.75, 0.75).WithAlpha((byte)random.Between(60, 110)));
        }
    }

    public static void LightSource(SKCanvas canvas, SeededRandom random, SKPoint at, SceneStyle style)
    {
        var light = style.Light();
        var night = style.Time == TimeOfDay.Night || style.Setting == Setting.Space;
        var reach = canvas.LocalClipBounds.Width * (night ? 0.35f : 0.5f);
        Brushes.Glow(canvas, at, reach, light.WithAlpha(night ? (byte)80 : (byte)170));
        using var paint = new SKPaint { IsAntialias = true };

        if (!night)
        {
            Rays(canvas, random, at, reach * 1.3f, light);
            var radius = (float)random.Between(26, 40);
            paint.Shader = SKShader.CreateRadialGradient(at, radius, [SKColors.White, light, light.Mix(Hex(0xFF8A3D), 0.3)], [0, 0.6f, 1], SKShaderTileMode.Clamp);
            canvas.DrawCircle(at, radius, paint);
            return;
        }
        if (style.Setting == Setting.Space)
            return;
        var moon = (float)random.Between(20, 32);
        paint.Shader = SKShader.CreateRadialGradient(new(at.X - moon * 0.3f, at.Y - moon * 0.3f), moon * 1.4f, [SKColors.White, light, light.Mix(Hex(0x8C8AA8), 0.5)], [0, 0.5f, 1], SKShaderTileMode.Clamp);
        if (random.Next(2) == 0)
        {
            // A crescent: the disc less a shifted disc.
            using var disc = Circle(at.X, at.Y, moon);
            using var shadow = Circle(at.X + moon * 0.55f, at.Y - moon * 0.2f, moon * 0.95f);
            using var crescent = disc.Op(shadow, SKPathOp.Difference);
            canvas.DrawPath(crescent, paint);
            return;
        }
        canvas.DrawCircle(at, moon, paint);
        paint.Shader = null;
        paint.Color = Hex(0x8C8AA8, 70);
        for (var i = 0; i < 5; i++)
            canvas.DrawCircle(at.X + (float)random.Between(-0.55, 0.55) * moon, at.Y + (float)random.Between(-0.55, 0.55) * moon, (float)random.Between(0.1, 0.22) * moon, paint);
    }

    private static void Rays(SKCanvas canvas, SeededRandom random, SKPoint from, float length, SKColor light)
    {
        using var rays = new SKPathBuilder();
        var count = 7 + random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var angle = random.Between(0, Math.PI * 2);
            var spread = random.Between(0.03, 0.09);
            rays.MoveTo(from);
            rays.LineTo(from.X + length * (float)Math.Cos(angle - spread), from.Y + length * (float)Math.Sin(angle - spread));
            rays.LineTo(from.X + length * (float)Math.Cos(angle + spread), from.Y + length * (float)Math.Sin(angle + spread));
            rays.Close();
        }
        using var paint = new SKPaint { IsAntialias = true, Color = light.WithAlpha(26) };
        canvas.DrawPath(rays, paint);
    }

    public static void Clouds(SKCanvas canvas, SeededRandom random, int width, float horizon, SceneStyle style, SKPoint light)
    {
        var (lit, shade) = style.Time == TimeOfDay.Sunset
            ? (style.Light().Mix(Hex(0xFF9E7A), 0.4), Hsv(300, 0.45, 0.45))
            : (Hex(0xFFFFFF), Hsv(215, 0.18, 0.82));
        using var paint = new SKPaint { IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2.5f) };
        var count = 2 + random.Next(5);
        for (var c = 0; c < count; c++)
        {
            var y = (float)random.Between(horizon * 0.12, horizon * 0.8);
            var x = (float)random.Between(-width * 0.1, width * 1.1);
            var size = (float)random.Between(16, 34) * (0.6f + y / horizon);
            using var cloud = new SKPathBuilder();
            var puffs = 4 + random.Next(5);
            for (var p = 0; p < puffs; p++)
            {
                var offset = (p - puffs / 2f) * size * 0.9f;
                var r = size * (float)random.Between(0.7, 1.3) * (1 - Math.Abs(p - puffs / 2f) / puffs);
                cloud.AddOval(SKRect.Create(x + offset - r * 1.3f, y - r, r * 2.6f, r * 1.6f));
            }
            // Lit from the sun's side, shaded underneath.
            var toward = light.X < x ? -1 : 1;
            paint.Shader = SKShader.CreateLinearGradient(new(x + toward * size, y - size), new(x - toward * size * 0.5f, y + size * 0.4f),
                [lit.WithAlpha(235), lit.Mix(shade, 0.6).WithAlpha(225)], SKShaderTileMode.Clamp);
            canvas.DrawPath(cloud, paint);
        }
    }

    public static void Planet(SKCanvas canvas, SeededRandom random, int width, int height, double hue)
    {
        var center = new SKPoint((float)random.Between(width * 0.3, width * 0.7), (float)random.Between(height * 0.3, height * 0.55));
        var radius = (float)random.Between(70, 120);
        var body = Hsv(170 + hue * 120, 0.55, 0.85);
        var tilt = (float)random.Between(-20, 20);
        var ring = SKRect.Create(center.X - radius * 1.9f, center.Y - radius * 0.45f, radius * 3.8f, radius * 0.9f);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = radius * 0.12f, Color = Hsv(40 + hue * 60, 0.35, 1).WithAlpha(170) };

        canvas.Save();
        canvas.RotateDegrees(tilt, center.X, center.Y);
        canvas.DrawOval(ring, paint); // the far half shows above the planet
        paint.Style = SKPaintStyle.Fill;
        paint.Shader = SKShader.CreateRadialGradient(new(center.X - radius * 0.4f, center.Y - radius * 0.4f), radius * 1.6f,
            [body.Mix(SKColors.White, 0.5), body, body.Mix(SKColors.Black, 0.85)], [0, 0.45f, 1], SKShaderTileMode.Clamp);
        canvas.DrawCircle(center, radius, paint);
        paint.Shader = null;
        paint.Style = SKPaintStyle.Stroke;
        canvas.ClipRect(new SKRect(ring.Left - 10, center.Y, ring.Right + 10, ring.Bottom + 10));
        canvas.DrawOval(ring, paint); // the near half crosses in front
        canvas.Restore();

        // The rocky rim of a moon in the foreground.
        paint.Style = SKPaintStyle.Fill;
        paint.Color = SKColors.White;
        var rim = width * 1.6f;
        paint.Shader = SKShader.CreateLinearGradient(new(0, height - height * 0.12f), new(0, height), [Hsv(260 + hue * 60, 0.3, 0.35), Hsv(260 + hue * 60, 0.4, 0.08)], SKShaderTileMode.Clamp);
        canvas.DrawCircle(width * (float)random.Between(0.2, 0.8), height - height * 0.12f + rim, rim, paint);
    }

    /// <summary>What drifts in the air: snowflakes, embers, fireflies or a few magic orbs.</summary>
    public static void Particles(SKCanvas canvas, SeededRandom random, int width, int height, SceneStyle style)
    {
        using var paint = new SKPaint { IsAntialias = true, StrokeCap = SKStrokeCap.Round };
        switch (style.Setting, style.Time)
        {
            case (Setting.Snow, _):
                Scatter(canvas, random, paint, 220, width, height, 1.4f, 3.6f, Hex(0xFFFFFF, 210));
                break;
            case (Setting.Volcano, _):
                paint.BlendMode = SKBlendMode.Screen;
                Scatter(canvas, random, paint, 90, width, height, 1.2f, 3f, Hex(0xFFB347, 230));
                for (var i = 0; i < 10; i++)
                    Orb(canvas, random, width, height, Hex(0xFF7A2F), 2, 4);
                break;
            case (Setting.Forest, not TimeOfDay.Day):
                for (var i = 0; i < 22; i++)
                    Orb(canvas, random, width, height, Hex(0xD8FF7A), 1.5, 3);
                break;
            case (not Setting.City and not Setting.Desert, TimeOfDay.Night) or (Setting.Space, _):
                for (var i = 0; i < 3 + random.Next(4); i++)
                    Orb(canvas, random, width, height, Hsv(style.Hue * 120 + random.Between(120, 240), 0.55, 1), 4, 10);
                break;
        }
    }

    private static void Scatter(SKCanvas canvas, SeededRandom random, SKPaint paint, int count, int width, int height, float small, float large, SKColor color)
    {
        paint.Color = color;
        foreach (var size in new[] { small, (small + large) / 2, large })
        {
            var points = new SKPoint[count / 3];
            for (var i = 0; i < points.Length; i++)
                points[i] = new((float)random.Between(0, width), (float)random.Between(0, height));
            paint.StrokeWidth = size;
            canvas.DrawPoints(SKPointMode.Points, points, paint);
        }
    }

    private static void Orb(SKCanvas canvas, SeededRandom random, int width, int height, SKColor color, double minRadius, double maxRadius)
    {
        var at = new SKPoint((float)random.Between(width * 0.05, width * 0.95), (float)random.Between(height * 0.1, height * 0.9));
        var radius = (float)random.Between(minRadius, maxRadius);
        Brushes.Glow(canvas, at, radius * 4, color.WithAlpha(150));
        using var core = new SKPaint { IsAntialias = true, Color = SKColors.White.Mix(color, 0.3).WithAlpha(230) };
        canvas.DrawCircle(at, radius * 0.8f, core);
    }

    private static SKPath Circle(float x, float y, float radius)
    {
        using var circle = new SKPathBuilder();
        circle.AddCircle(x, y, radius);
        return circle.Detach();
    }

    private static void Twinkle(SKCanvas canvas, float x, float y, float size, SKColor color)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, StrokeWidth = 1.2f, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(x - size, y, x + size, y, paint);
        canvas.DrawLine(x, y - size, x, y + size, paint);
        paint.Shader = SKShader.CreateRadialGradient(new(x, y), size * 0.8f, [color, color.WithAlpha(0)], SKShaderTileMode.Clamp);
        canvas.DrawCircle(x, y, size * 0.8f, paint);
    }
}
