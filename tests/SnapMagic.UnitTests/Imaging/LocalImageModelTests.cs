using Microsoft.Extensions.Options;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Imaging;

public sealed class LocalImageModelTests
{
    private const string Prompt = "A dragon flying over a castle at sunset";

    [Fact]
    public async Task SamePromptGivesByteIdenticalCards()
    {
        var model = Model();
        var first = await model.PaintCardAsync(new("c1", Prompt));
        var second = await model.PaintCardAsync(new("c2", Prompt));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CardIsTheTemplateWithArtInTheWindow()
    {
        var card = CardPixels.Decode(await Model().PaintCardAsync(new("c1", Prompt)));
        var template = CardPixels.Template();
        Assert.Equal((CardTemplate.Width, CardTemplate.Height), (card.Width, card.Height));
        Assert.True(card.IsOpaque);

        var changedInWindow = card.ArtPixelsDifferentFrom(template);
        Assert.True(changedInWindow > CardTemplate.ArtWidth * CardTemplate.ArtHeight * 0.9, $"only {changedInWindow} art pixels changed");

        // The frame around the window (everything above the name plate) is untouched.
        for (var y = 0; y < CardTemplateArtist.NamePlate.Top - 10; y++)
            for (var x = 0; x < card.Width; x++)
                if (!CardTemplate.IsInArtWindow(x, y))
                    Assert.Equal(template[x, y], card[x, y]);
    }

    [Fact]
    public async Task DifferentPromptsPaintDifferentArt()
    {
        var model = Model();
        var a = CardPixels.Decode(await model.PaintCardAsync(new("c1", "A quiet night with the moon over a lake")));
        var b = CardPixels.Decode(await model.PaintCardAsync(new("c2", "Bright sunny day in the mountains")));
        var different = a.ArtPixelsDifferentFrom(b);
        Assert.True(different > CardTemplate.ArtWidth * CardTemplate.ArtHeight / 2, $"only {different} pixels differ");
    }

    [Fact]
    public async Task FailureRateOfOneFailsTransiently()
    {
        var error = await Assert.ThrowsAsync<ImageModelException>(() => Model(failureRate: 1).PaintCardAsync(new("c1", Prompt)));
        Assert.True(error.IsTransient);
        Assert.False(string.IsNullOrWhiteSpace(error.AttendeeMessage));
    }

    [Fact]
    public async Task SimulatedLatencyHonoursCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Model(latencyMs: 600_000).PaintCardAsync(new("c1", Prompt), cancelled.Token));
    }

    [Fact]
    public void PromptSeedIsStable()
    {
        // SHA-256 based: fixed forever, unlike string.GetHashCode.
        Assert.Equal(PromptSeed.Of(Prompt), PromptSeed.Of(Prompt));
        Assert.NotEqual(PromptSeed.Of(Prompt), PromptSeed.Of(Prompt + "!"));
        Assert.InRange(PromptSeed.InRange(Prompt, 858993459), 0, 858993459);
    }

    [Fact]
    public void WrapBreaksLinesWordsAndTruncatesWithAnEllipsis()
    {
        var (lines, truncated) = CardCaption.Wrap(Enumerable.Repeat("magic", 400).ToArray(), line => line.Length <= 46, 8);
        Assert.True(truncated);
        Assert.Equal(8, lines.Count);
        Assert.All(lines, line => Assert.True(line.Length <= 46, line));
        Assert.EndsWith("…", lines[^1]);

        // A word longer than a line is broken across lines rather than cut off.
        var (broken, _) = CardCaption.Wrap(["SUPERCALIFRAGILISTICEXPIALIDOCIOUS"], line => line.Length <= 10, 8);
        Assert.Equal(["SUPERCALIF", "RAGILISTIC", "EXPIALIDOC", "IOUS"], broken);
    }

    [Fact]
    public void TitleIsTheFirstWordsWithoutADanglingWord()
    {
        Assert.Equal("A Dragon Flying", CardCaption.Title("A dragon flying over a castle".Split(' '), 22));
        Assert.Equal("A DRAGON FLYING", CardCaption.Title("A DRAGON FLYING OVER A CASTLE".Split(' '), 22)); // capitals stay capitals
        Assert.Equal("SUPERCALIFRAGILISTICEX", CardCaption.Title(["SUPERCALIFRAGILISTICEXPIALIDOCIOUS"], 22));
    }

    public static TheoryData<int> PromptLengths() => [10, 60, 250, 600, 1024];

    [Theory]
    [MemberData(nameof(PromptLengths))]
    public void EveryPromptLengthFitsTheTextBoxWhole(int length)
    {
        var prompt = string.Join(' ', Enumerable.Repeat("A luminous dragon coils around an ancient crystal tower while aurora ribbons ripple across the frozen sky", 12))[..length].TrimEnd();
        var (lines, size) = CardCaption.Layout(prompt.Split(' '));

        using var font = new SkiaSharp.SKFont(CardFonts.Text, size);
        var area = CardCaption.TextArea;
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= area.Width, $"'{line}' is wider than the box at {size}px"));
        Assert.True(lines.Count * size * CardCaption.LineSpacing <= area.Height, $"{lines.Count} lines at {size}px overflow the box");
        Assert.Equal(prompt, string.Join(' ', lines)); // nothing cut: the size shrank instead
        Assert.InRange(size, length <= 60 ? 20 : 9, 24);
    }

    private static LocalImageModel Model(int latencyMs = 0, double failureRate = 0) =>
        new(Options.Create(new ImageModelOptions { Local = new() { LatencyMs = latencyMs, FailureRate = failureRate } }));
}
