using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

/// <summary>
/// Paints a small fantasy scene for a prompt: a sky gradient lit by a sun or moon, stars or clouds, four
/// layers of land that fade into the haze with distance, the prompt's subjects (a dragon, a castle), weather,
/// grain and a vignette. The words pick the scene (<see cref="SceneStyle"/>); the prompt's hash picks every
/// shape and position, so the same prompt paints the same pixels. Vector drawing only: a few milliseconds.
/// </summary>
internal static class LocalArtPainter
{
    private const int Layers = 4;

    public static void Paint(SKCanvas canvas, string prompt, int width, int height)
    {
        var random = new SeededRandom(PromptSeed.Of(prompt));
        var style = SceneStyle.Read(prompt, random);
        var (zenith, middle, horizonColor) = style.Sky();
        var horizon = height * (float)random.Between(0.52, 0.64);
        var skyBottom = style.Setting == Setting.Space ? height : horizon + height * 0.06f;
        Brushes.VerticalGradient(canvas, new SKRect(0, 0, width, skyBottom), [zenith, middle, horizonColor], [0, 0.55f * horizon / skyBottom, horizon / skyBottom]);

        if (style.Time == TimeOfDay.Night || style.Setting == Setting.Space)
            SkyArt.Stars(canvas, random, width, style.Setting == Setting.Space ? height : horizon, style.Setting == Setting.Space ? 420 : 240);
        if (style.Setting == Setting.Space)
            SkyArt.Nebula(canvas, random, width, height, style.Hue);

        var light = new SKPoint(width * (float)random.Between(0.18, 0.82), style.Time switch
        {
            TimeOfDay.Sunset => horizon - height * (float)random.Between(0.02, 0.14),
            _ => height * (float)random.Between(0.12, 0.3),
        });
        SkyArt.LightSource(canvas, random, light, style);
        if (style.Time != TimeOfDay.Night && style.Setting != Setting.Space)
            SkyArt.Clouds(canvas, random, width, horizon, style, light);

        if (style.Setting == Setting.Space)
            SkyArt.Planet(canvas, random, width, height, style.Hue);
        else
            PaintLand(canvas, random, width, height, horizon, style, style.Time == TimeOfDay.Sunset ? horizonColor.Mix(middle, 0.6) : horizonColor, light);

        if (style.Dragon)
            SceneShapes.Dragon(canvas, random, width, horizon, zenith.Mix(SKColors.Black, 0.7), style.Light());
        SkyArt.Particles(canvas, random, width, height, style);
        Finish(canvas, width, height);
    }

    private static void PaintLand(SKCanvas canvas, SeededRandom random, int width, int height, float horizon, SceneStyle style, SKColor haze, SKPoint light)
    {
        var land = style.Land();
        var castleLayer = style.Castle ? 1 + random.Next(2) : -1;
        for (var layer = 0; layer < Layers; layer++)
        {
            var nearness = layer / (float)(Layers - 1); // 0 far, 1 near
            var color = land.Mix(haze, (1 - nearness) * 0.78);
            var baseY = horizon + height * (0.02f + nearness * nearness * 0.3f);
            var amplitude = height * (style.Setting switch
            {
                Setting.Desert => 0.05f,
                Setting.Ocean or Setting.City => 0.08f,
                _ => 0.26f,
            } * (1 - nearness * 0.6f));

            if (style.Setting == Setting.Ocean && layer >= 2)
            {
                if (layer == 2)
                    SceneShapes.Sea(canvas, random, width, height, baseY - amplitude * 0.3f, haze, land, style, light);
                continue;
            }
            if (style.Setting == Setting.City && layer is 1 or 2)
            {
                SceneShapes.Skyline(canvas, random, width, height, baseY, height * (0.32f - layer * 0.07f), color, style.Time != TimeOfDay.Day);
                continue;
            }

            var ridge = style.Setting == Setting.Desert
                ? SceneShapes.Dunes(random, width, baseY, amplitude)
                : SceneShapes.Ridge(random, width, baseY, amplitude, rough: style.Setting != Setting.Forest || layer < 2);
            using (var path = SceneShapes.Fill(ridge, width, height))
            using (var fill = new SKPaint { IsAntialias = true, Color = color.Mix(style.Light(), 0.08 * (1 - nearness)) })
                canvas.DrawPath(path, fill);
            if (style.Setting == Setting.Snow || (style.Setting == Setting.Mountains && layer == 0))
                SceneShapes.SnowCaps(canvas, random, ridge, width, color.Mix(SKColors.White, style.Time == TimeOfDay.Night ? 0.35 : 0.8), amplitude);
            if (style.Setting is Setting.Forest or Setting.Snow && layer >= 1)
                SceneShapes.Pines(canvas, random, ridge, width, 8 + layer * 10, height * (0.04f + nearness * 0.09f), color.Mix(SKColors.Black, 0.18 + 0.1 * nearness));
            if (layer == castleLayer)
                SceneShapes.Castle(canvas, random, ridge, width, height * (0.16f + layer * 0.04f), color.Mix(SKColors.Black, 0.1), style.Time != TimeOfDay.Day);
            if (style.Setting == Setting.Volcano && layer == Layers - 1)
                SceneShapes.LavaGlow(canvas, width, height, baseY);
            // Haze settles in the valleys between layers.
            if (layer < Layers - 1)
                Mist(canvas, width, baseY, height * 0.09f, haze.WithAlpha(style.Time == TimeOfDay.Day ? (byte)70 : (byte)50));
        }
    }

    private static void Mist(SKCanvas canvas, int width, float y, float depth, SKColor haze) =>
        Brushes.VerticalGradient(canvas, new SKRect(0, y - depth, width, y + depth), [haze.WithAlpha(0), haze, haze.WithAlpha(0)]);

    /// <summary>A soft vignette, painted once for the art window's size and laid over every picture.</summary>
    private static void Finish(SKCanvas canvas, int width, int height)
    {
        if (Finishes.Value is not { } finish || finish.Width != width || finish.Height != height)
            throw new InvalidOperationException($"The finish is painted for {CardTemplate.ArtWidth}x{CardTemplate.ArtHeight} art, not {width}x{height}.");
        canvas.DrawImage(finish, 0, 0, SKSamplingOptions.Default);
    }

    private static readonly Lazy<SKImage> Finishes = new(() => PaintFinish(CardTemplate.ArtWidth, CardTemplate.ArtHeight));

    private static SKImage PaintFinish(int width, int height)
    {
        var finish = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using var canvas = new SKCanvas(finish);
        canvas.Clear(SKColors.Transparent);
        using var vignette = new SKPaint
        {
            Shader = SKShader.CreateRadialGradient(new(width / 2f, height * 0.45f), MathF.Max(width, height) * 0.75f,
                [SKColors.Black.WithAlpha(0), SKColors.Black.WithAlpha(0), SKColors.Black.WithAlpha(120)], [0, 0.55f, 1], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, vignette);
        canvas.Flush();
        finish.SetImmutable();
        return SKImage.FromBitmap(finish);
    }
}
