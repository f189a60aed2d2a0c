using SkiaSharp;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class CardTemplateTests
{
    private static readonly uint Black = CardPixels.Rgba(0, 0, 0), White = CardPixels.Rgba(255, 255, 255);

    [Fact]
    public void ShippedTemplateIsWhatTheArtistPaints()
    {
        using var painted = CardTemplateArtist.Paint();
        var fresh = CardPixels.Of(painted);
        var shipped = CardPixels.Template();
        // Skia may anti-alias an edge a shade differently on another CPU: allow a few pixels off by a little.
        var different = 0;
        for (var y = 0; y < CardTemplate.Height; y++)
            for (var x = 0; x < CardTemplate.Width; x++)
                if (MaxChannelDifference(fresh[x, y], shipped[x, y]) > 2)
                    different++;
        if (different > CardTemplate.Width * CardTemplate.Height / 500)
        {
            var file = Path.Combine(Path.GetTempPath(), "card-template.png");
            File.WriteAllBytes(file, CardPng.Encode(painted));
            Assert.Fail($"SnapMagic.Imaging/card-template.png is not what CardTemplateArtist paints ({different} pixels differ). If the change is intended, copy {file} over it.");
        }
    }

    [Fact]
    public void TemplateHasTheCardSizeAndIsOpaque()
    {
        using var template = CardTemplate.Load();
        Assert.Equal((688, 1024), (template.Width, template.Height));
        Assert.Equal(0, CardTemplate.Width % 16);
        Assert.Equal(0, CardTemplate.Height % 16);
        // Inpainting models refuse transparent pixels in the input image.
        Assert.True(CardPixels.Template().IsOpaque);
        Assert.Equal((550, 493), (CardTemplate.ArtWidth, CardTemplate.ArtHeight));
    }

    [Fact]
    public void MaskIsBlackExactlyOnTheArtWindowAndWhiteElsewhere()
    {
        using var created = CardTemplate.CreateMask();
        foreach (var mask in new[] { CardPixels.Of(created), CardPixels.Decode(CardTemplate.LoadMaskPng().Span) })
        {
            Assert.Equal((CardTemplate.Width, CardTemplate.Height), (mask.Width, mask.Height));
            for (var y = 0; y < mask.Height; y++)
                for (var x = 0; x < mask.Width; x++)
                {
                    var expected = CardTemplate.IsInArtWindow(x, y) ? Black : White;
                    if (mask[x, y] != expected)
                        Assert.Fail($"Mask pixel ({x},{y}) is {mask[x, y]:X8}, expected {expected:X8}.");
                }
            Assert.Equal(Black, mask[69, 78]);
            Assert.Equal(Black, mask[618, 570]);
            Assert.Equal(White, mask[68, 78]);
            Assert.Equal(White, mask[619, 570]);
            Assert.Equal(White, mask[618, 571]);
        }
    }

    [Fact]
    public void LoadReturnsAnIndependentCopy()
    {
        using var first = CardTemplate.Load();
        using (var canvas = new SKCanvas(first))
            canvas.Clear(new SKColor(1, 2, 3));
        using var second = CardTemplate.Load();
        Assert.NotEqual(new SKColor(1, 2, 3), second.GetPixel(0, 0));
        Assert.Equal(CardPixels.Template()[0, 0], CardPixels.Of(second)[0, 0]);
    }

    private static int MaxChannelDifference(uint a, uint b)
    {
        var max = 0;
        for (var shift = 0; shift < 32; shift += 8)
            max = Math.Max(max, Math.Abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF)));
        return max;
    }
}
