using System.Runtime.InteropServices;
using SnapMagic.Imaging;

namespace SnapMagic.EndToEnd.Tests.Cards;

/// <summary>A finished card's PNG: the template's size, its art window painted (an unpainted template fails).</summary>
public static class PaintedCard
{
    public static void AssertPainted(byte[] png)
    {
        using var card = CardPng.Decode(png);
        using var template = CardPng.Decode(CardTemplate.LoadPng().Span);
        Assert.Equal((template.Width, template.Height), (card.Width, card.Height));

        var cardPixels = MemoryMarshal.Cast<byte, uint>(card.GetPixelSpan());
        var templatePixels = MemoryMarshal.Cast<byte, uint>(template.GetPixelSpan());
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        var changed = 0;
        for (var y = top; y <= bottom; y++)
        {
            var row = y * card.Width;
            for (var x = left; x <= right; x++)
                if (cardPixels[row + x] != templatePixels[row + x])
                    changed++;
        }
        // Every painter (the local one, each Bedrock family's answer through its adapter) covers nearly the whole window.
        Assert.True(changed > CardTemplate.ArtWidth * CardTemplate.ArtHeight * 0.9,
            $"Only {changed} of the art window's {CardTemplate.ArtWidth * CardTemplate.ArtHeight} pixels differ from the template.");
    }
}
