namespace SnapMagic.Imaging;

/// <summary>
/// Paints the card template: a gradient-framed trading card with a gold-rimmed art window, a name plate, a
/// parchment text box and gem ornaments. The shipped card-template.png is exactly this picture (a unit test
/// compares them); change the drawing here, then regenerate the file as that test explains.
/// Integer and square-root arithmetic only, so every machine paints the same bytes.
/// </summary>
internal static class CardTemplateArtist
{
    private static readonly Rgba Night = Rgba.FromHex(0x0C0A1A);
    private static readonly Rgba Gold = Rgba.FromHex(0xF6D77A);
    private static readonly Rgba DeepGold = Rgba.FromHex(0xA8741F);
    private static readonly Rgba Magenta = Rgba.FromHex(0xC2418F);
    private static readonly Rgba Violet = Rgba.FromHex(0x4B34C0);

    public static RgbaImage Paint()
    {
        const int w = CardTemplate.Width, h = CardTemplate.Height;
        var card = new RgbaImage(w, h);
        card.FillRect(0, 0, w, h, Night);

        // Outer frame: a diagonal gold → magenta → violet gradient.
        card.FillRoundedRect(4, 4, w - 8, h - 8, 34, (x, y) => ThreeStop(Gold, Magenta, Violet, (x * (double)h + y * (double)w) / (2.0 * w * h)));
        card.FillRoundedRect(15, 15, w - 30, h - 30, 25, Rgba.FromHex(0x140F2E).WithAlpha(200));
        card.FillRoundedRect(19, 19, w - 38, h - 38, 22, (_, y) => Rgba.FromHex(0x221A4E).Lerp(Rgba.FromHex(0x0E0B24), y / (double)h));
        PaintCornerSparkles(card);

        PaintHeader(card);
        PaintArtFrame(card);
        PaintNamePlate(card);
        PaintTextBox(card);
        PaintFooter(card);
        return card;
    }

    private static void PaintHeader(RgbaImage card)
    {
        BitmapFont.DrawCentered(card, "SNAPMAGIC", CardTemplate.Width / 2, 38, 3, Gold, Rgba.FromHex(0x05030F));
        foreach (var (from, to) in new[] { (62, 236), (452, 626) })
        {
            card.DrawLine(from, 48, to, 48, 2, Gold.WithAlpha(170));
            card.DrawLine(from + 20, 54, to - 20, 54, 1, Gold.WithAlpha(90));
        }
        Diamond(card, 246, 48, 6, Gold);
        Diamond(card, 442, 48, 6, Gold);
    }

    private static void PaintArtFrame(RgbaImage card)
    {
        var (left, top, right, bottom) = CardTemplate.ArtWindow;
        card.FillGlow((left + right) / 2.0, (top + bottom) / 2.0, 330, Magenta.WithAlpha(70));
        card.FillRoundedRect(left - 10, top - 10, right - left + 21, bottom - top + 21, 12, (_, y) => Gold.Lerp(DeepGold, (y - top) / (double)(bottom - top)));
        card.FillRoundedRect(left - 6, top - 6, right - left + 13, bottom - top + 13, 8, Rgba.FromHex(0x2A1D0C));
        // A calm placeholder: the image model replaces every pixel of the window.
        card.FillGradient(left, top, right - left + 1, bottom - top + 1, Rgba.FromHex(0x2E3366), Rgba.FromHex(0x12132E));
        foreach (var (x, y) in new[] { (left - 10, top - 10), (right + 10, top - 10), (left - 10, bottom + 10), (right + 10, bottom + 10) })
            Gem(card, x, y, 9, Rgba.FromHex(0x7FE3FF));
    }

    private static void PaintNamePlate(RgbaImage card)
    {
        var plate = NamePlate;
        card.FillRoundedRect(plate.X - 6, plate.Y - 6, plate.Width + 12, plate.Height + 12, (plate.Height + 12) / 2.0, (_, y) => Gold.Lerp(DeepGold, (y - plate.Y) / (double)plate.Height));
        card.FillRoundedRect(plate.X, plate.Y, plate.Width, plate.Height, plate.Height / 2.0, (_, y) => Rgba.FromHex(0x3A2A7A).Lerp(Rgba.FromHex(0x171036), (y - plate.Y) / (double)plate.Height));
        card.DrawLine(plate.X + 26, plate.Y + 5, plate.X + plate.Width - 26, plate.Y + 5, 1, Rgba.White.WithAlpha(50));
        Gem(card, plate.X + 2, plate.Y + plate.Height / 2, 13, Rgba.FromHex(0xFF5C8A));
        Gem(card, plate.X + plate.Width - 2, plate.Y + plate.Height / 2, 13, Rgba.FromHex(0xFF5C8A));
    }

    private static void PaintTextBox(RgbaImage card)
    {
        var box = TextBox;
        card.FillRoundedRect(box.X - 5, box.Y - 5, box.Width + 10, box.Height + 10, 16, (_, y) => Gold.Lerp(DeepGold, (y - box.Y) / (double)box.Height));
        card.FillRoundedRect(box.X, box.Y, box.Width, box.Height, 12, (_, y) => Rgba.FromHex(0xF6EDD8).Lerp(Rgba.FromHex(0xE2CFA4), (y - box.Y) / (double)box.Height));
        card.FillRoundedRect(box.X + 8, box.Y + 8, box.Width - 16, box.Height - 16, 8, Rgba.FromHex(0xB89455).WithAlpha(60));
        card.FillRoundedRect(box.X + 10, box.Y + 10, box.Width - 20, box.Height - 20, 7, (_, y) => Rgba.FromHex(0xF6EDD8).Lerp(Rgba.FromHex(0xE6D5AE), (y - box.Y) / (double)box.Height));
        foreach (var (x, y) in new[] { (box.X + 22, box.Y + 22), (box.X + box.Width - 22, box.Y + 22), (box.X + 22, box.Y + box.Height - 22), (box.X + box.Width - 22, box.Y + box.Height - 22) })
            Diamond(card, x, y, 6, Rgba.FromHex(0xB0803A));
        var divider = box.Y + box.Height - 40;
        card.DrawLine(box.X + 60, divider, CardTemplate.Width / 2 - 18, divider, 1.5, Rgba.FromHex(0xB0803A).WithAlpha(180));
        card.DrawLine(CardTemplate.Width / 2 + 18, divider, box.X + box.Width - 60, divider, 1.5, Rgba.FromHex(0xB0803A).WithAlpha(180));
        Diamond(card, CardTemplate.Width / 2, divider, 8, Rgba.FromHex(0xB0803A));
        Diamond(card, CardTemplate.Width / 2, divider, 4, Rgba.FromHex(0xF6EDD8));
    }

    private static void PaintFooter(RgbaImage card)
    {
        const int y = 966;
        Gem(card, 96, y, 18, Rgba.FromHex(0xFF4D6D));
        Gem(card, CardTemplate.Width - 96, y, 18, Rgba.FromHex(0x4DA3FF));
        BitmapFont.DrawCentered(card, "AI ART * SNAPMAGIC EDITION", CardTemplate.Width / 2, y - 7, 2, Gold.WithAlpha(220), Rgba.FromHex(0x05030F));
    }

    private static void PaintCornerSparkles(RgbaImage card)
    {
        foreach (var (x, y) in new[] { (44, 44), (CardTemplate.Width - 44, 44), (44, CardTemplate.Height - 44), (CardTemplate.Width - 44, CardTemplate.Height - 44) })
        {
            card.FillGlow(x, y, 16, Gold.WithAlpha(160));
            Diamond(card, x, y, 5, Rgba.White.WithAlpha(230));
        }
    }

    /// <summary>The name plate's inner pill, where the card's title goes.</summary>
    internal static (int X, int Y, int Width, int Height) NamePlate => (58, 596, CardTemplate.Width - 116, 48);

    /// <summary>The text box's parchment, where the caption goes.</summary>
    internal static (int X, int Y, int Width, int Height) TextBox => (56, 672, CardTemplate.Width - 112, 252);

    private static void Gem(RgbaImage card, int x, int y, int radius, Rgba color)
    {
        card.FillGlow(x, y, radius * 2.2, color.WithAlpha(110));
        card.FillCircle(x, y, radius + 2, DeepGold);
        card.FillCircle(x, y, radius, Rgba.FromHex(0x1A1030).Lerp(color, 0.55));
        card.FillCircle(x - radius * 0.15, y - radius * 0.15, radius * 0.7, color);
        card.FillCircle(x - radius * 0.35, y - radius * 0.35, radius * 0.25, Rgba.White.WithAlpha(200));
    }

    private static void Diamond(RgbaImage card, double x, double y, double size, Rgba color) =>
        card.FillPolygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], color);

    private static Rgba ThreeStop(Rgba a, Rgba b, Rgba c, double t) => t < 0.5 ? a.Lerp(b, t * 2) : b.Lerp(c, (t - 0.5) * 2);
}
