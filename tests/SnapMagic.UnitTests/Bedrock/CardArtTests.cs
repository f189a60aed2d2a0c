using SkiaSharp;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;
using SnapMagic.UnitTests.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>How an answer's picture becomes the card's art, whatever the family, size or format.</summary>
public sealed class CardArtTests
{
    private const string Model = "Test model";
    private const string Prompt = "A dragon flying over a castle at sunset";
    private static readonly uint Black = CardPixels.Rgba(0, 0, 0), White = CardPixels.Rgba(255, 255, 255);

    [Fact]
    public void TheWhiteWindowMaskIsTheExactInverseOfTheBlackWindowMask()
    {
        var white = CardPixels.Decode(CardArt.MaskPng(windowIsWhite: true).Span);
        var black = CardPixels.Decode(CardArt.MaskPng(windowIsWhite: false).Span);
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (white.Width, white.Height));
        for (var y = 0; y < white.Height; y++)
            for (var x = 0; x < white.Width; x++)
            {
                var window = CardTemplate.IsInArtWindow(x, y);
                if (white[x, y] != (window ? White : Black) || black[x, y] != (window ? Black : White))
                    Assert.Fail($"Mask pixel ({x},{y}): white-window {white[x, y]:X8}, black-window {black[x, y]:X8}.");
            }
    }

    [Fact]
    public void TheWindowPictureIsTheTemplatesArtWindow()
    {
        var window = CardPixels.Decode(CardArt.WindowPng.Span);
        var template = CardPixels.Template();
        Assert.Equal((CardTemplate.ArtWidth, CardTemplate.ArtHeight), (window.Width, window.Height));
        var (left, top, _, _) = CardTemplate.ArtWindow;
        for (var y = 0; y < window.Height; y++)
            for (var x = 0; x < window.Width; x++)
                Assert.Equal(template[left + x, top + y], window[x, y]);
    }

    [Fact]
    public void AWholeCardAnswerGivesItsArtWindowPixelForPixelAndNothingElse()
    {
        using var answer = Pattern(CardTemplate.Width, CardTemplate.Height);
        var card = CardPixels.Decode(CardArt.FromWholeCard(CardPng.Encode(answer), Model, Prompt));

        var expected = CardPixels.Of(answer);
        var template = CardPixels.Template();
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        for (var y = top; y <= bottom; y++)
            for (var x = left; x <= right; x++)
                Assert.Equal(expected[x, y], card[x, y]);
        AssertFrameAboveTheCaptionIsTheTemplates(card, template);
    }

    [Fact]
    public void AWindowSizedAnswerIsPastedPixelForPixel()
    {
        using var answer = Pattern(CardTemplate.ArtWidth, CardTemplate.ArtHeight);
        var card = CardPixels.Decode(CardArt.FromWindow(CardPng.Encode(answer), Model, Prompt));

        var expected = CardPixels.Of(answer);
        var (left, top, _, _) = CardTemplate.ArtWindow;
        for (var y = 0; y < CardTemplate.ArtHeight; y++)
            for (var x = 0; x < CardTemplate.ArtWidth; x++)
                Assert.Equal(expected[x, y], card[left + x, top + y]);
        AssertFrameAboveTheCaptionIsTheTemplates(card, CardPixels.Template());
    }

    [Fact]
    public void AWideAnswerIsScaledToCoverTheWindowCentredAndCroppedEvenly()
    {
        // Twice the window's height, three times its width: halved, a quarter of the width is cropped on each side.
        var (width, height) = (CardTemplate.ArtWidth * 3, CardTemplate.ArtHeight * 2);
        var cropped = (width - CardTemplate.ArtWidth * 2) / 2;
        using var answer = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(answer))
        {
            canvas.Clear(SKColors.Blue);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(cropped, 0, width / 2f - cropped, height, paint);
            paint.Color = SKColors.Lime;
            canvas.DrawRect(width / 2f, 0, width / 2f - cropped, height, paint);
        }
        var card = CardPixels.Decode(CardArt.FromWindow(CardPng.Encode(answer), Model, Prompt));

        var (left, top, right, _) = CardTemplate.ArtWindow;
        var middle = left + CardTemplate.ArtWidth / 2;
        var (red, lime) = (CardPixels.Rgba(255, 0, 0), CardPixels.Rgba(0, 255, 0));
        // Filtering may blend a pixel or two at the crop's edges and where the colours meet; everywhere else is exact.
        foreach (var y in new[] { top + 2, top + CardTemplate.ArtHeight / 2, CardTemplate.ArtWindow.Bottom - 2 })
        {
            for (var x = left + 2; x < middle - 2; x++)
                Assert.Equal(red, card[x, y]);
            for (var x = middle + 2; x <= right - 2; x++)
                Assert.Equal(lime, card[x, y]);
        }
        AssertFrameAboveTheCaptionIsTheTemplates(card, CardPixels.Template());
    }

    [Fact]
    public void AJpegAnswerIsReadLikeAPng()
    {
        using var answer = new SKBitmap(1024, 1024);
        answer.Erase(new SKColor(200, 40, 60));
        using var image = SKImage.FromBitmap(answer);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 95);

        var card = CardPixels.Decode(CardArt.FromWindow(jpeg.ToArray(), Model, Prompt));

        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        var centre = card[(left + right) / 2, (top + bottom) / 2];
        Assert.InRange((int)(centre & 0xFF), 195, 205);
        Assert.InRange((int)(centre >> 8 & 0xFF), 35, 45);
        Assert.InRange((int)(centre >> 16 & 0xFF), 55, 65);
        AssertFrameAboveTheCaptionIsTheTemplates(card, CardPixels.Template());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BytesThatAreNoPictureAreATransientFailure(bool wholeCard)
    {
        byte[] garbage = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4];
        var error = Assert.Throws<ImageModelException>(() =>
            wholeCard ? CardArt.FromWholeCard(garbage, Model, Prompt) : CardArt.FromWindow(garbage, Model, Prompt));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void NotBase64IsATransientFailure()
    {
        var error = Assert.Throws<ImageModelException>(() => CardArt.FromBase64("not base64!", Model));
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
    }

    [Fact]
    public void AWholeCardAnswerOfAnotherSizeIsRejected()
    {
        using var answer = Pattern(CardTemplate.Width, CardTemplate.Height + 16);
        var error = Assert.Throws<ImageModelException>(() => CardArt.FromWholeCard(CardPng.Encode(answer), Model, Prompt));
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
    }

    /// <summary>A picture whose every pixel differs from its neighbours: any resampling would show.</summary>
    private static SKBitmap Pattern(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = ((byte)(x * 7), (byte)(y * 13), (byte)(x * 3 + y * 5), 255);
            }
        return bitmap;
    }

    private static void AssertFrameAboveTheCaptionIsTheTemplates(CardPixels card, CardPixels template)
    {
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        for (var y = 0; y <= bottom + 1; y++)
            for (var x = 0; x < card.Width; x++)
                if (!CardTemplate.IsInArtWindow(x, y) && card[x, y] != template[x, y])
                    Assert.Fail($"Frame pixel ({x},{y}) is {card[x, y]:X8}, the template's is {template[x, y]:X8} (window {left},{top}-{right},{bottom}).");
    }
}
