using System.Globalization;
using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

/// <summary>
/// Writes the card's words: a short title from the prompt on the name plate and the prompt itself in the
/// text box, wrapped and set as large as fits (any prompt from one word to 1,024 characters). Every image
/// model finishes its card with this, so cards read the same whichever model painted the art.
/// </summary>
public static class CardCaption
{
    private const int TitleMaxChars = 28;
    private const float TitleSize = 26, TitleMinSize = 14;
    private const float TextMaxSize = 24, TextMinSize = 9;
    internal const float LineSpacing = 1.28f;
    private static readonly SKColor TitleColor = Hex(0xFBE7A1);
    private static readonly SKColor TextColor = Hex(0x3B2A14);

    /// <summary>Where the prompt is set: inside the parchment's ornaments and above its divider.</summary>
    internal static SKRect TextArea
    {
        get
        {
            var box = CardTemplateArtist.TextBox;
            return new SKRect(box.Left + 34, box.Top + 30, box.Right - 34, box.Bottom - 52);
        }
    }

    public static void Draw(SKCanvas card, string prompt)
    {
        var words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        DrawTitle(card, Title(words, TitleMaxChars));
        DrawText(card, words);
    }

    private static void DrawTitle(SKCanvas card, string title)
    {
        var plate = CardTemplateArtist.NamePlate;
        using var font = new SKFont(CardFonts.Title, TitleSize) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var room = plate.Width - 70;
        var width = font.MeasureText(title);
        if (width > room)
            font.Size = Math.Max(TitleMinSize, TitleSize * room / width);
        var baseline = plate.MidY - (font.Metrics.Ascent + font.Metrics.Descent) / 2;
        using var paint = new SKPaint { IsAntialias = true, Color = Hex(0x0A0618) };
        card.Save();
        card.ClipRect(plate);
        card.DrawText(title, plate.MidX + 1.5f, baseline + 2, SKTextAlign.Center, font, paint);
        paint.Color = TitleColor;
        card.DrawText(title, plate.MidX, baseline, SKTextAlign.Center, font, paint);
        card.Restore();
    }

    private static void DrawText(SKCanvas card, IReadOnlyList<string> words)
    {
        var area = TextArea;
        var (lines, size) = Layout(words);
        using var font = new SKFont(CardFonts.Text, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var lineHeight = size * LineSpacing;
        // Centre the block of lines in the area, by the lines' cap-to-descender extent.
        var top = area.MidY - lines.Count * lineHeight / 2;
        using var paint = new SKPaint { IsAntialias = true, Color = TextColor };
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = top + i * lineHeight + (lineHeight - font.Metrics.Descent - font.Metrics.Ascent) / 2;
            card.DrawText(lines[i], area.MidX, baseline, SKTextAlign.Center, font, paint);
        }
    }

    /// <summary>The prompt's lines and font size in <see cref="TextArea"/>: the largest size whose wrapped lines fit; at the smallest, the lines that fit with an ellipsis.</summary>
    internal static (List<string> Lines, float Size) Layout(IReadOnlyList<string> words)
    {
        var area = TextArea;
        using var font = new SKFont(CardFonts.Text);
        // Start from the size at which the prompt's area in one long line equals the box's (wrapping only wastes room).
        font.Size = 1;
        var estimate = MathF.Sqrt(area.Width * area.Height / (Math.Max(1, font.MeasureText(string.Join(' ', words))) * LineSpacing));
        for (var size = MathF.Floor(Math.Clamp(estimate, TextMinSize, TextMaxSize)); ; size--)
        {
            font.Size = size;
            var maxLines = Math.Max(1, (int)(area.Height / (size * LineSpacing)));
            var lines = Wrap(words, line => font.MeasureText(line) <= area.Width, maxLines);
            if (size <= TextMinSize || !lines.Truncated)
                return (lines.Lines, size);
        }
    }

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "over", "with", "in", "at", "on", "and", "or", "to", "for", "by", "from", "into", "under",
    };

    /// <summary>The first words of the prompt that fit in <paramref name="maxChars"/>, without a dangling "of the", in title case.</summary>
    internal static string Title(IReadOnlyList<string> words, int maxChars)
    {
        var kept = new List<string>();
        var length = -1;
        foreach (var word in words)
        {
            if (length + 1 + word.Length > maxChars)
                break;
            kept.Add(word);
            length += 1 + word.Length;
        }
        // "A Dragon Flying Over A" reads badly: drop dangling little words.
        while (kept.Count > 1 && DanglingWords.Contains(kept[^1]))
            kept.RemoveAt(kept.Count - 1);
        var title = kept.Count > 0 ? string.Join(' ', kept) : words.Count > 0 ? words[0][..Math.Min(words[0].Length, maxChars)] : "";
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title);
    }

    /// <summary>
    /// Greedy word wrap: each line as long as <paramref name="fits"/> allows, a word too long for any line
    /// broken across lines; past <paramref name="maxLines"/> the last line ends with an ellipsis.
    /// </summary>
    internal static (List<string> Lines, bool Truncated) Wrap(IReadOnlyList<string> words, Func<string, bool> fits, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (fits(candidate))
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0)
                lines.Add(current);
            current = word;
            while (!fits(current) && current.Length > 1)
            {
                var cut = LongestFittingPrefix(current, fits);
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0)
            lines.Add(current);
        if (lines.Count <= maxLines)
            return (lines, false);

        lines.RemoveRange(maxLines, lines.Count - maxLines);
        var last = lines[^1];
        while (last.Length > 0 && !fits(last + "…"))
            last = last[..^1];
        lines[^1] = last.TrimEnd() + "…";
        return (lines, true);
    }

    private static int LongestFittingPrefix(string word, Func<string, bool> fits)
    {
        var cut = 1;
        while (cut < word.Length && fits(word[..(cut + 1)]))
            cut++;
        return cut;
    }
}
