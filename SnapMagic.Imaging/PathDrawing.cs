using SkiaSharp;

namespace SnapMagic.Imaging;

internal static class PathDrawing
{
    /// <summary>Draws the shape built so far (SkiaSharp 4 builds paths with <see cref="SKPathBuilder"/>; canvases draw <see cref="SKPath"/>s).</summary>
    public static void DrawPath(this SKCanvas canvas, SKPathBuilder shape, SKPaint paint)
    {
        using var path = shape.Snapshot();
        canvas.DrawPath(path, paint);
    }
}
