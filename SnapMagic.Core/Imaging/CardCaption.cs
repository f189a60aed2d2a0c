namespace SnapMagic.Imaging;

/// <summary>
/// Writes the card's words: a short title from the prompt on the name plate and the prompt itself, wrapped,
/// in the text box. Every image model finishes its card with this, so cards read the same whichever model
/// painted the art.
/// </summary>
public static class CardCaption
{
    private const int TitleScale = 3;
    private const int TextScale = 2;
    private static readonly Rgba TitleColor = Rgba.FromHex(0xFBE7A1);
    private static readonly Rgba TextColor = Rgba.FromHex(0x3B2A14);

    public static void Draw(RgbaImage card, string prompt)
    {
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var plate = CardTemplateArtist.NamePlate;
        var maxTitle = (plate.Width - 60) / BitmapFont.Advance(TitleScale);
        BitmapFont.DrawCentered(card, Title(words, maxTitle), CardTemplate.Width / 2, plate.Y + (plate.Height - BitmapFont.GlyphHeight * TitleScale) / 2, TitleScale, TitleColor, Rgba.FromHex(0x0A0618));

        var box = CardTemplateArtist.TextBox;
        var perLine = (box.Width - 64) / BitmapFont.Advance(TextScale);
        var lineHeight = (BitmapFont.GlyphHeight + 4) * TextScale;
        var maxLines = (box.Height - 84) / lineHeight;
        var lines = Wrap(words, perLine, maxLines);
        var y = box.Y + 32;
        foreach (var line in lines)
        {
            BitmapFont.DrawCentered(card, line, CardTemplate.Width / 2, y, TextScale, TextColor);
            y += lineHeight;
        }
    }

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "over", "with", "in", "at", "on", "and", "or", "to", "for", "by", "from", "into", "under",
    };

    internal static string Title(IReadOnlyList<string> words, int maxChars)
    {
        var title = "";
        foreach (var word in words)
        {
            var next = title.Length == 0 ? word : title + " " + word;
            if (next.Length > maxChars)
                break;
            title = next;
        }
        // "A DRAGON FLYING OVER A" reads badly: drop dangling little words.
        var kept = title.Split(' ').ToList();
        while (kept.Count > 1 && DanglingWords.Contains(kept[^1]))
            kept.RemoveAt(kept.Count - 1);
        title = string.Join(' ', kept);
        return title.Length > 0 ? title : words.Count > 0 ? words[0][..Math.Min(words[0].Length, maxChars)] : "";
    }

    internal static List<string> Wrap(IReadOnlyList<string> words, int perLine, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var raw in words)
        {
            var word = raw.Length > perLine ? raw[..perLine] : raw;
            if (current.Length > 0 && current.Length + 1 + word.Length > perLine)
            {
                lines.Add(current);
                current = "";
            }
            current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0)
            lines.Add(current);
        if (lines.Count <= maxLines)
            return lines;
        lines.RemoveRange(maxLines, lines.Count - maxLines);
        var last = lines[^1];
        lines[^1] = (last.Length + 3 > perLine ? last[..(perLine - 3)] : last) + "...";
        return lines;
    }
}
