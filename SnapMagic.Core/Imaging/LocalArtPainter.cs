namespace SnapMagic.Imaging;

/// <summary>
/// Paints a small fantasy landscape whose every choice (palette, time of day, sun or moon, ridges, stars,
/// floating orbs) comes from the prompt's hash, with a few words steering the mood ("night", "sunset",
/// "ocean", "forest", "space"...). Same prompt, same pixels.
/// </summary>
internal static class LocalArtPainter
{
    private enum Mood { Day, Sunset, Night, Space }

    public static RgbaImage Paint(string prompt, int width, int height)
    {
        var random = new SeededRandom(PromptSeed.Of(prompt));
        var words = prompt.ToLowerInvariant();
        var mood = PickMood(words, random);
        var hue = random.Between(0, 360);
        var art = new RgbaImage(width, height);

        var (skyTop, skyBottom) = mood switch
        {
            Mood.Day => (Rgba.FromHsv(hue * 0.2 + 190, 0.65, 0.85), Rgba.FromHsv(hue * 0.2 + 170, 0.25, 1.0)),
            Mood.Sunset => (Rgba.FromHsv(hue * 0.15 + 260, 0.7, 0.45), Rgba.FromHsv(hue * 0.1 + 20, 0.8, 1.0)),
            Mood.Night => (Rgba.FromHsv(hue * 0.2 + 215, 0.8, 0.12), Rgba.FromHsv(hue * 0.2 + 240, 0.6, 0.38)),
            _ => (Rgba.FromHsv(hue, 0.7, 0.06), Rgba.FromHsv(hue + 60, 0.75, 0.3)),
        };
        art.FillGradient(0, 0, width, height, skyTop, skyBottom);

        if (mood is Mood.Night or Mood.Space)
            PaintStars(art, random, mood == Mood.Space ? 260 : 140, height * (mood == Mood.Space ? 1.0 : 0.65));

        var horizon = height * random.Between(0.5, 0.68);
        PaintSunOrMoon(art, random, mood, horizon);

        if (mood == Mood.Space)
        {
            PaintPlanet(art, random, hue);
        }
        else
        {
            var ridgeHue = hue + random.Between(-40, 40);
            var water = words.Contains("ocean") || words.Contains("sea") || words.Contains("lake") || words.Contains("water") || random.Next(4) == 0;
            for (var layer = 0; layer < 3; layer++)
            {
                var depth = layer / 2.0;
                var baseY = horizon + layer * height * 0.08;
                var color = Rgba.FromHsv(ridgeHue + layer * 12, 0.45 + depth * 0.2, mood switch
                {
                    Mood.Day => 0.75 - depth * 0.4,
                    Mood.Sunset => 0.45 - depth * 0.3,
                    _ => 0.28 - depth * 0.18,
                });
                PaintRidge(art, random, baseY, height * (0.28 - layer * 0.07), color);
            }
            var groundTop = (int)(horizon + height * 0.2);
            var groundColor = water
                ? skyBottom.Lerp(Rgba.FromHsv(hue + 180, 0.7, 0.35), 0.6)
                : Rgba.FromHsv(ridgeHue + 90 + (words.Contains("forest") ? 0 : random.Between(-30, 30)), 0.55, mood == Mood.Day ? 0.45 : 0.2);
            art.FillGradient(0, groundTop, width, height - groundTop, groundColor, groundColor.Lerp(Rgba.Black, 0.55));
            if (water)
                PaintRipples(art, random, groundTop, skyBottom);
            else
                PaintTrees(art, random, groundTop, groundColor.Lerp(Rgba.Black, 0.5));
        }

        PaintOrbs(art, random, hue, mood);
        return art;
    }

    private static Mood PickMood(string words, SeededRandom random)
    {
        if (words.Contains("space") || words.Contains("galaxy") || words.Contains("planet") || words.Contains("cosmic"))
            return Mood.Space;
        if (words.Contains("night") || words.Contains("moon") || words.Contains("star") || words.Contains("dark"))
            return Mood.Night;
        if (words.Contains("sunset") || words.Contains("dusk") || words.Contains("fire") || words.Contains("dragon"))
            return Mood.Sunset;
        if (words.Contains("sun") || words.Contains("day") || words.Contains("bright"))
            return Mood.Day;
        return (Mood)random.Next(4);
    }

    private static void PaintStars(RgbaImage art, SeededRandom random, int count, double maxY)
    {
        for (var i = 0; i < count; i++)
        {
            var x = random.Between(0, art.Width);
            var y = random.Between(0, maxY);
            var size = random.NextDouble();
            if (size > 0.93)
            {
                art.FillGlow(x, y, 7, Rgba.White.WithAlpha(150));
                art.DrawLine(x - 6, y, x + 6, y, 1, Rgba.White.WithAlpha(160));
                art.DrawLine(x, y - 6, x, y + 6, 1, Rgba.White.WithAlpha(160));
            }
            art.FillCircle(x, y, 0.6 + size * 0.9, Rgba.White.WithAlpha((byte)(120 + size * 135)));
        }
    }

    private static void PaintSunOrMoon(RgbaImage art, SeededRandom random, Mood mood, double horizon)
    {
        var x = random.Between(art.Width * 0.15, art.Width * 0.85);
        var y = mood == Mood.Sunset ? horizon - random.Between(10, 60) : random.Between(art.Height * 0.12, horizon * 0.6);
        var radius = random.Between(28, 56);
        var (core, glow) = mood switch
        {
            Mood.Day => (Rgba.FromHex(0xFFF6C8), Rgba.FromHex(0xFFE27A)),
            Mood.Sunset => (Rgba.FromHex(0xFFD27A), Rgba.FromHex(0xFF7A45)),
            _ => (Rgba.FromHex(0xEEF1FF), Rgba.FromHex(0x9FB4FF)),
        };
        art.FillGlow(x, y, radius * 3.2, glow.WithAlpha(150));
        art.FillCircle(x, y, radius, core);
        if (mood is Mood.Night or Mood.Space)
        {
            // Craters; sometimes a crescent.
            for (var i = 0; i < 4; i++)
                art.FillCircle(x + random.Between(-0.5, 0.5) * radius, y + random.Between(-0.5, 0.5) * radius, radius * random.Between(0.08, 0.2), Rgba.FromHex(0xC9D0EE).WithAlpha(160));
            if (random.Next(2) == 0)
                art.FillCircle(x + radius * 0.45, y - radius * 0.2, radius * 0.9, art.GetPixel(Math.Clamp((int)(x + radius * 1.6), 0, art.Width - 1), Math.Clamp((int)y, 0, art.Height - 1)));
        }
    }

    private static void PaintPlanet(RgbaImage art, SeededRandom random, double hue)
    {
        var x = random.Between(art.Width * 0.25, art.Width * 0.75);
        var y = random.Between(art.Height * 0.45, art.Height * 0.7);
        var radius = random.Between(80, 140);
        var body = Rgba.FromHsv(hue + 150, 0.55, 0.8);
        art.FillGlow(x, y, radius * 1.6, body.WithAlpha(90));
        for (var band = 0; band < 6; band++)
            art.FillCircle(x - band * radius * 0.06, y - band * radius * 0.06, radius * (1 - band * 0.1), body.Lerp(Rgba.White, band * 0.08));
        var tilt = random.Between(-0.35, 0.35);
        for (var t = 0; t < 3; t++)
            art.DrawLine(x - radius * 1.7, y + radius * 1.7 * tilt + t * 5, x + radius * 1.7, y - radius * 1.7 * tilt + t * 5, 2.5 - t * 0.6, Rgba.FromHsv(hue + 40, 0.4, 1).WithAlpha(190));
    }

    private static void PaintRidge(RgbaImage art, SeededRandom random, double baseY, double amplitude, Rgba color)
    {
        const int segments = 64; // a power of two, for midpoint displacement
        var heights = new double[segments + 1];
        // Midpoint displacement gives mountain-like ridges from a handful of random numbers.
        heights[0] = random.Between(0, 1);
        heights[segments] = random.Between(0, 1);
        for (var step = segments; step > 1; step /= 2)
            for (var i = step / 2; i < segments; i += step)
                heights[i] = (heights[i - step / 2] + heights[i + step / 2]) / 2 + random.Between(-0.5, 0.5) * step / segments * 1.6;
        var points = new (double X, double Y)[segments + 3];
        for (var i = 0; i <= segments; i++)
            points[i] = (i * art.Width / (double)segments, baseY - Math.Clamp(heights[i], -0.2, 1.4) * amplitude);
        points[segments + 1] = (art.Width, art.Height);
        points[segments + 2] = (0, art.Height);
        art.FillPolygon(points, color);
    }

    private static void PaintRipples(RgbaImage art, SeededRandom random, int top, Rgba light)
    {
        for (var i = 0; i < 40; i++)
        {
            var y = random.Between(top + 4, art.Height - 4);
            var x = random.Between(0, art.Width);
            var length = random.Between(20, 90) * (y - top) / (art.Height - top + 1.0) + 8;
            art.DrawLine(x, y, x + length, y, 1.5, light.WithAlpha(110));
        }
    }

    private static void PaintTrees(RgbaImage art, SeededRandom random, int top, Rgba color)
    {
        var count = 6 + random.Next(12);
        for (var i = 0; i < count; i++)
        {
            var x = random.Between(0, art.Width);
            var baseY = random.Between(top + 10, art.Height);
            var size = 18 + (baseY - top) * 0.35;
            art.FillPolygon([(x, baseY - size * 2.2), (x + size * 0.6, baseY), (x - size * 0.6, baseY)], color);
            art.FillRect((int)(x - size * 0.08), (int)baseY, Math.Max(2, (int)(size * 0.16)), (int)(size * 0.3), color.Lerp(Rgba.Black, 0.4));
        }
    }

    private static void PaintOrbs(RgbaImage art, SeededRandom random, double hue, Mood mood)
    {
        var count = 3 + random.Next(5);
        for (var i = 0; i < count; i++)
        {
            var x = random.Between(art.Width * 0.08, art.Width * 0.92);
            var y = random.Between(art.Height * 0.1, art.Height * 0.85);
            var radius = random.Between(5, 16);
            var color = Rgba.FromHsv(hue + random.Between(-60, 60) + 180, 0.6, 1);
            art.FillGlow(x, y, radius * 4, color.WithAlpha((byte)(mood == Mood.Day ? 90 : 150)));
            art.FillCircle(x, y, radius, color.Lerp(Rgba.White, 0.5).WithAlpha(230));
            art.FillCircle(x - radius * 0.3, y - radius * 0.3, radius * 0.35, Rgba.White.WithAlpha(220));
        }
    }
}
