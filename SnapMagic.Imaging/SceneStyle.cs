using SkiaSharp;
using static SnapMagic.Imaging.ColorMath;

namespace SnapMagic.Imaging;

internal enum TimeOfDay { Day, Sunset, Night }

internal enum Setting { Mountains, Ocean, Forest, Desert, Snow, City, Volcano, Space }

/// <summary>
/// What the local painter paints for a prompt: the time of day, the setting and the subjects its words ask
/// for ("night", "ocean", "dragon"...), the rest chosen by the prompt's hash; and the colours that follow.
/// </summary>
internal sealed record SceneStyle(TimeOfDay Time, Setting Setting, bool Dragon, bool Castle, double Hue)
{
    private static readonly (string[] Words, TimeOfDay Time)[] TimeWords =
    [
        (["night", "moon", "star", "dark", "midnight", "nocturn", "ghost", "vampire", "witch"], TimeOfDay.Night),
        (["sunset", "dusk", "dawn", "sunrise", "evening", "twilight", "golden"], TimeOfDay.Sunset),
        (["day", "sun", "bright", "noon", "morning", "summer", "sky"], TimeOfDay.Day),
    ];

    private static readonly (string[] Words, Setting Setting)[] SettingWords =
    [
        (["space", "galax", "planet", "cosmic", "astronaut", "nebula", "rocket", "alien", "universe"], Setting.Space),
        (["volcan", "lava", "fire", "flame", "inferno", "burn", "hell", "ember"], Setting.Volcano),
        (["snow", "ice", "winter", "frozen", "arctic", "glacier", "frost", "polar"], Setting.Snow),
        (["ocean", "sea", "lake", "beach", "water", "ship", "island", "wave", "pirate", "whale", "harbo", "river"], Setting.Ocean),
        (["desert", "dune", "sand", "pyramid", "camel", "oasis", "egypt", "cactus"], Setting.Desert),
        (["city", "town", "street", "neon", "skyline", "cyberpunk", "robot", "building", "urban", "metropol"], Setting.City),
        (["forest", "tree", "wood", "jungle", "elf", "elves", "grove", "fairy", "owl", "deer", "fox"], Setting.Forest),
        (["mountain", "peak", "hill", "valley", "cliff", "canyon"], Setting.Mountains),
    ];

    private static readonly Setting[] EverydaySettings = [Setting.Mountains, Setting.Mountains, Setting.Ocean, Setting.Forest, Setting.Desert, Setting.Snow, Setting.City];

    public static SceneStyle Read(string prompt, SeededRandom random)
    {
        var words = prompt.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        bool Says(string[] keys) => words.Any(word => keys.Any(word.StartsWith));

        var setting = SettingWords.FirstOrDefault(entry => Says(entry.Words)) is { Words: not null } found ? found.Setting : EverydaySettings[random.Next(EverydaySettings.Length)];
        var dragon = Says(["dragon", "wyvern", "wyrm"]);
        var time = TimeWords.FirstOrDefault(entry => Says(entry.Words)) is { Words: not null } said ? said.Time
            : setting is Setting.Space ? TimeOfDay.Night
            : setting is Setting.Volcano || dragon ? TimeOfDay.Sunset
            : (TimeOfDay)random.Next(3);
        return new SceneStyle(time, setting, dragon, Says(["castle", "fortress", "palace", "kingdom", "king", "queen", "princess", "knight", "tower"]), random.Between(-1, 1));
    }

    private static readonly char[] Separators = [.. " \t\r\n.,;:!?'\"()[]{}-_/\\|*&^%$#@~`+=<>0123456789"];

    /// <summary>The sky from its zenith to the horizon.</summary>
    public (SKColor Zenith, SKColor Middle, SKColor Horizon) Sky()
    {
        var j = Hue * 18;
        return (Setting, Time) switch
        {
            (Setting.Space, _) => (Hsv(250 + j * 4, 0.7, 0.05), Hsv(275 + j * 4, 0.65, 0.12), Hsv(300 + j * 4, 0.6, 0.22)),
            (Setting.Volcano, TimeOfDay.Night) => (Hsv(345 + j, 0.7, 0.08), Hsv(355 + j, 0.8, 0.25), Hsv(15 + j, 0.9, 0.6)),
            (Setting.Volcano, _) => (Hsv(340 + j, 0.7, 0.2), Hsv(5 + j, 0.85, 0.55), Hsv(30 + j, 0.95, 0.95)),
            (_, TimeOfDay.Day) when Setting is Setting.Desert => (Hsv(205 + j, 0.6, 0.85), Hsv(200 + j, 0.35, 0.95), Hsv(40 + j, 0.25, 1)),
            (_, TimeOfDay.Day) when Setting is Setting.Snow => (Hsv(210 + j, 0.45, 0.85), Hsv(205 + j, 0.2, 0.95), Hsv(200 + j, 0.08, 1)),
            (_, TimeOfDay.Day) => (Hsv(212 + j, 0.7, 0.78), Hsv(200 + j, 0.45, 0.92), Hsv(190 + j, 0.18, 1)),
            (_, TimeOfDay.Sunset) => (Hsv(255 + j, 0.6, 0.32), Hsv(330 + j, 0.55, 0.75), Hsv(32 + j, 0.85, 1)),
            (Setting.City, _) => (Hsv(250 + j, 0.75, 0.1), Hsv(270 + j, 0.6, 0.22), Hsv(300 + j, 0.55, 0.42)),
            _ => (Hsv(228 + j, 0.8, 0.07), Hsv(232 + j, 0.7, 0.18), Hsv(245 + j, 0.5, 0.36)),
        };
    }

    /// <summary>The nearest land's colour; farther layers fade from it into the horizon's haze.</summary>
    public SKColor Land()
    {
        var j = Hue * 14;
        var land = Setting switch
        {
            Setting.Forest => Hsv(130 + j, 0.55, 0.42),
            Setting.Desert => Hsv(32 + j * 0.5, 0.55, 0.85),
            Setting.Snow => Hsv(210 + j, 0.12, 0.96),
            Setting.City => Hsv(240 + j, 0.3, 0.25),
            Setting.Volcano => Hsv(8 + j * 0.5, 0.45, 0.18),
            Setting.Ocean => Hsv(150 + j, 0.35, 0.4),
            _ => Hsv(235 + j * 2, 0.35, 0.45),
        };
        return Time switch
        {
            TimeOfDay.Sunset => land.Mix(Hsv(300, 0.6, 0.2), 0.45),
            TimeOfDay.Night => land.Mix(Hsv(235, 0.7, 0.05), 0.72),
            _ => land,
        };
    }

    /// <summary>The sun's or moon's colour, and the light it throws.</summary>
    public SKColor Light() => Time switch
    {
        TimeOfDay.Night => Hex(0xF4F1DE),
        TimeOfDay.Sunset => Hex(0xFFD37A),
        _ => Hex(0xFFF8E0),
    };
}
