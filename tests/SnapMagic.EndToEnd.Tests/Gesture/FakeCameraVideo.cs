using SkiaSharp;

namespace SnapMagic.EndToEnd.Tests.Gesture;

/// <summary>
/// A Y4M video (YUV 4:2:0, the raw format Chromium's <c>--use-file-for-fake-video-capture</c> reads) of one
/// photo centred on a plain background: what a webcam pointed at that hand would show. Chromium loops it.
/// </summary>
public static class FakeCameraVideo
{
    public static void Write(string photo, string y4mPath, int width = 640, int height = 480, int frames = 10)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new InvalidOperationException($"{photo} is not an image.");
        using var canvasBitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(new SKColor(0xDC, 0xDC, 0xDC));
            var side = Math.Min(width, height) * 7 / 8;
            var target = SKRect.Create((width - side) / 2f, (height - side) / 2f, side, side);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        var (y, u, v) = ToYuv420(canvasBitmap, width, height);
        using var file = File.Create(y4mPath);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < frames; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(y);
            file.Write(u);
            file.Write(v);
        }
    }

    // Full-range BT.601 (JFIF), as C420jpeg says.
    private static (byte[] Y, byte[] U, byte[] V) ToYuv420(SKBitmap bitmap, int width, int height)
    {
        var y = new byte[width * height];
        var u = new byte[width / 2 * (height / 2)];
        var v = new byte[u.Length];
        for (var row = 0; row < height; row++)
            for (var column = 0; column < width; column++)
            {
                var pixel = bitmap.GetPixel(column, row);
                y[row * width + column] = Clamp(0.299 * pixel.Red + 0.587 * pixel.Green + 0.114 * pixel.Blue);
            }
        for (var row = 0; row < height / 2; row++)
            for (var column = 0; column < width / 2; column++)
            {
                double r = 0, g = 0, b = 0;
                for (var dy = 0; dy < 2; dy++)
                    for (var dx = 0; dx < 2; dx++)
                    {
                        var pixel = bitmap.GetPixel(column * 2 + dx, row * 2 + dy);
                        r += pixel.Red / 4.0;
                        g += pixel.Green / 4.0;
                        b += pixel.Blue / 4.0;
                    }
                u[row * (width / 2) + column] = Clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                v[row * (width / 2) + column] = Clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
            }
        return (y, u, v);
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
