using System.Collections.Frozen;
using System.Globalization;

namespace SnapMagic.Imaging.Feedback.Vader;

/// <summary>
/// VADER's sentiment lexicon (MIT, C.J. Hutto; <c>LICENSE-VADER.txt</c>): about 7,500 words, emoticons and slang with a mean
/// valence from -4 (most negative) to +4, read once from the embedded <c>vader_lexicon.txt</c> (word TAB valence).
/// </summary>
public sealed class VaderLexicon
{
    private const string ResourceName = "SnapMagic.Imaging.Feedback.Vader.vader_lexicon.txt";

    private static readonly Lazy<VaderLexicon> Embedded = new(Load);

    private readonly FrozenDictionary<string, double> _valences;

    private VaderLexicon(FrozenDictionary<string, double> valences) => _valences = valences;

    /// <summary>The lexicon embedded in this assembly.</summary>
    public static VaderLexicon Default => Embedded.Value;

    public int Count => _valences.Count;

    /// <param name="lowerCaseWord">A token in lower case, as the lexicon lists them.</param>
    public bool TryGetValence(string lowerCaseWord, out double valence) => _valences.TryGetValue(lowerCaseWord, out valence);

    public bool Contains(string lowerCaseWord) => _valences.ContainsKey(lowerCaseWord);

    private static VaderLexicon Load()
    {
        using var stream = typeof(VaderLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var valences = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
                continue;
            valences[line[..tab]] = double.Parse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        return new VaderLexicon(valences.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
