using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class CardTemplateTests
{
    [Fact]
    public void ShippedTemplateIsWhatTheArtistPaints()
    {
        var painted = CardTemplateArtist.Paint();
        RgbaImage? shipped;
        try
        {
            shipped = Png.Decode(CardTemplate.LoadPng().Span);
        }
        catch (PngFormatException)
        {
            shipped = null;
        }
        if (shipped is null || !painted.Pixels.AsSpan().SequenceEqual(shipped.Pixels))
        {
            var fresh = Path.Combine(Path.GetTempPath(), "card-template.png");
            File.WriteAllBytes(fresh, Png.Encode(painted));
            Assert.Fail($"SnapMagic.Core/Imaging/card-template.png is not what CardTemplateArtist paints. If the change is intended, copy {fresh} over it.");
        }
    }

    [Fact]
    public void TemplateHasTheCardSizeAndIsOpaque()
    {
        var template = CardTemplate.Load();
        Assert.Equal((688, 1024), (template.Width, template.Height));
        Assert.Equal(0, CardTemplate.Width % 16);
        Assert.Equal(0, CardTemplate.Height % 16);
        // Inpainting models refuse transparent pixels in the input image.
        Assert.True(template.IsOpaque());
        Assert.Equal((550, 493), (CardTemplate.ArtWidth, CardTemplate.ArtHeight));
    }

    [Fact]
    public void MaskIsBlackExactlyOnTheArtWindowAndWhiteElsewhere()
    {
        var mask = CardTemplate.CreateMask();
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (mask.Width, mask.Height));
        for (var y = 0; y < mask.Height; y++)
            for (var x = 0; x < mask.Width; x++)
            {
                var expected = CardTemplate.IsInArtWindow(x, y) ? Rgba.Black : Rgba.White;
                if (mask.GetPixel(x, y) != expected)
                    Assert.Fail($"Mask pixel ({x},{y}) is {mask.GetPixel(x, y)}, expected {expected}.");
            }
        Assert.Equal(Rgba.Black, mask.GetPixel(69, 78));
        Assert.Equal(Rgba.Black, mask.GetPixel(618, 570));
        Assert.Equal(Rgba.White, mask.GetPixel(68, 78));
        Assert.Equal(Rgba.White, mask.GetPixel(619, 570));
        Assert.Equal(Rgba.White, mask.GetPixel(618, 571));
    }

    [Fact]
    public void MaskPngDecodesToTheMask()
    {
        Assert.Equal(CardTemplate.CreateMask().Pixels, Png.Decode(CardTemplate.LoadMaskPng().Span).Pixels);
    }

    [Fact]
    public void LoadReturnsAnIndependentCopy()
    {
        var first = CardTemplate.Load();
        first.FillRect(0, 0, 10, 10, new Rgba(1, 2, 3));
        Assert.NotEqual(new Rgba(1, 2, 3), CardTemplate.Load().GetPixel(0, 0));
    }

    [Fact]
    public void WithArtReplacesOnlyTheArtWindow()
    {
        var art = new RgbaImage(CardTemplate.ArtWidth, CardTemplate.ArtHeight);
        art.FillRect(0, 0, art.Width, art.Height, new Rgba(10, 200, 30));
        var card = CardTemplate.WithArt(art);
        var template = CardTemplate.Load();
        for (var y = 0; y < card.Height; y += 3)
            for (var x = 0; x < card.Width; x += 3)
                Assert.Equal(CardTemplate.IsInArtWindow(x, y) ? new Rgba(10, 200, 30) : template.GetPixel(x, y), card.GetPixel(x, y));
        Assert.Throws<ArgumentException>(() => CardTemplate.WithArt(new RgbaImage(10, 10)));
    }
}
