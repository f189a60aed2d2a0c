using System.Collections.Frozen;
using SnapMagic.Feedback;

namespace SnapMagic.Imaging.Feedback.Vader;

/// <summary>
/// VADER's rule-based sentiment score (Hutto &amp; Gilbert, ICWSM 2014), ported from the reference implementation
/// (github.com/cjhutto/vaderSentiment, vaderSentiment.py) for English text without emoji:
/// <list type="number">
/// <item>Tokens are the whitespace-separated words with leading and trailing punctuation stripped (kept when that
/// leaves two characters or fewer: an emoticon).</item>
/// <item>Each lexicon word gives its valence; a word in ALL CAPS among words that are not adds ±0.733.</item>
/// <item>Up to three words before it: a booster ("very") adds ±0.293 (×0.95 two back, ×0.9 three back), a
/// negation ("not", "n't", "never", ...) multiplies by -0.74; "no" one or two words before negates too.</item>
/// <item>"but": the valences before it count half, the ones after it one and a half times.</item>
/// <item>The sum, plus 0.292 per "!" (up to 4) and 0.18 per "?" (2-3, else 0.96) in its own direction, is
/// normalised to the compound score x/√(x²+15) in [-1, 1].</item>
/// </list>
/// The compound score is positive at ≥ 0.05, negative at ≤ -0.05, neutral between: VADER's own thresholds.
/// </summary>
public sealed class VaderScorer(VaderLexicon lexicon)
{
    public const double PositiveThreshold = 0.05;
    public const double NegativeThreshold = -0.05;

    private const double BoosterIncrement = 0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;
    private const double NormalisationAlpha = 15;

    private static readonly FrozenDictionary<string, double> Boosters = BuildBoosters();

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(
    [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ], StringComparer.Ordinal);

    /// <summary>Phrases whose valence replaces their word's (VADER's special cases).</summary>
    private static readonly FrozenDictionary<string, double> SpecialCases = new Dictionary<string, double>
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0, ["yeah right"] = -2,
        ["kiss of death"] = -1.5, ["to die for"] = 3, ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static VaderScorer Default { get; } = new(VaderLexicon.Default);

    public static Sentiment Classify(double compound) =>
        compound >= PositiveThreshold ? Sentiment.Positive : compound <= NegativeThreshold ? Sentiment.Negative : Sentiment.Neutral;

    public Sentiment Classify(string text) => Classify(Compound(text));

    /// <summary>VADER's compound score of <paramref name="text"/>, rounded to 4 places as the reference prints it.</summary>
    public double Compound(string text)
    {
        var words = Tokens(text);
        var lower = words.Select(word => word.ToLowerInvariant()).ToArray();
        var capsDifferential = IsCapsDifferential(words);
        var valences = new double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            // Boosters and the "kind" of "kind of" modify the word after them; they carry no valence of their own.
            if (Boosters.ContainsKey(lower[i]) || (lower[i] == "kind" && i + 1 < words.Length && lower[i + 1] == "of"))
                continue;
            valences[i] = Valence(words, lower, i, capsDifferential);
        }
        ApplyBut(lower, valences);

        var sum = valences.Sum();
        if (sum == 0)
            return 0;
        var emphasis = PunctuationEmphasis(text);
        sum += sum > 0 ? emphasis : -emphasis;
        var compound = sum / Math.Sqrt(sum * sum + NormalisationAlpha);
        return Math.Round(Math.Clamp(compound, -1, 1), 4, MidpointRounding.ToEven);
    }

    private double Valence(string[] words, string[] lower, int i, bool capsDifferential)
    {
        if (!lexicon.TryGetValence(lower[i], out var baseValence))
            return 0;
        var valence = baseValence;
        // "no" before another lexicon word negates it instead of counting itself.
        if (lower[i] == "no" && i + 1 < words.Length && lexicon.Contains(lower[i + 1]))
            valence = 0;
        if ((i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && lower[i - 1] is "or" or "nor"))
            valence = baseValence * NegationScalar;

        if (IsUpper(words[i]) && capsDifferential)
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;

        for (var back = 0; back < 3; back++)
        {
            if (i <= back || lexicon.Contains(lower[i - (back + 1)]))
                continue;
            var scalar = BoosterScalar(words[i - (back + 1)], valence, capsDifferential);
            valence += back switch { 1 => scalar * 0.95, 2 => scalar * 0.9, _ => scalar };
            valence = NegationCheck(valence, lower, back, i);
            if (back == 2)
                valence = SpecialCaseCheck(valence, lower, i);
        }
        return LeastCheck(valence, lower, i);
    }

    private static double BoosterScalar(string word, double valence, bool capsDifferential)
    {
        if (!Boosters.TryGetValue(word.ToLowerInvariant(), out var scalar))
            return 0;
        if (valence < 0)
            scalar = -scalar;
        if (IsUpper(word) && capsDifferential)
            scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
        return scalar;
    }

    private static double NegationCheck(double valence, string[] lower, int back, int i)
    {
        switch (back)
        {
            case 0:
                return IsNegation(lower[i - 1]) ? valence * NegationScalar : valence;
            case 1:
                if (lower[i - 2] == "never" && lower[i - 1] is "so" or "this")
                    return valence * 1.25;
                if (lower[i - 2] == "without" && lower[i - 1] == "doubt")
                    return valence;
                return IsNegation(lower[i - 2]) ? valence * NegationScalar : valence;
            default:
                if ((lower[i - 3] == "never" && lower[i - 2] is "so" or "this") || lower[i - 1] is "so" or "this")
                    return valence * 1.25;
                if (lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt"))
                    return valence;
                return IsNegation(lower[i - 3]) ? valence * NegationScalar : valence;
        }
    }

    private static double SpecialCaseCheck(double valence, string[] lower, int i)
    {
        string[] before = [$"{lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]}",
            $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}"];
        foreach (var phrase in before)
        {
            if (SpecialCases.TryGetValue(phrase, out var special))
            {
                valence = special;
                break;
            }
        }
        if (lower.Length - 1 > i && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]}", out var next))
            valence = next;
        if (lower.Length - 1 > i + 1 && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]} {lower[i + 2]}", out var nextTwo))
            valence = nextTwo;
        // Two- and three-word dampeners: "kind of", "sort of", "just enough".
        foreach (var phrase in new[] { $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}", $"{lower[i - 2]} {lower[i - 1]}" })
            if (Boosters.TryGetValue(phrase, out var booster))
                valence += booster;
        return valence;
    }

    private double LeastCheck(double valence, string[] lower, int i)
    {
        if (i > 1 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least")
            return lower[i - 2] is not ("at" or "very") ? valence * NegationScalar : valence;
        if (i > 0 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least")
            return valence * NegationScalar;
        return valence;
    }

    /// <summary>Before the first "but" a valence counts half, after it one and a half times.</summary>
    private static void ApplyBut(string[] lower, double[] valences)
    {
        var but = Array.IndexOf(lower, "but");
        if (but < 0)
            return;
        for (var i = 0; i < valences.Length; i++)
        {
            if (i < but)
                valences[i] *= 0.5;
            else if (i > but)
                valences[i] *= 1.5;
        }
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = Math.Min(4, text.Count(c => c == '!'));
        var questions = text.Count(c => c == '?');
        var questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations * 0.292 + questionEmphasis;
    }

    private static bool IsNegation(string lowerWord) => Negations.Contains(lowerWord) || lowerWord.Contains("n't", StringComparison.Ordinal);

    private static string[] Tokens(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(StripPunctuation)];

    /// <summary>Python's <c>token.strip(string.punctuation)</c>, unless that leaves two characters or fewer (an emoticon such as ":)").</summary>
    private static string StripPunctuation(string token)
    {
        var stripped = token.AsSpan().Trim("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        return stripped.Length <= 2 ? token : stripped.ToString();
    }

    /// <summary>Python's <c>str.isupper()</c>: some cased letter, and every cased letter upper case.</summary>
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    /// <summary>Some but not all tokens are ALL CAPS: only then does capitalisation add emphasis.</summary>
    private static bool IsCapsDifferential(string[] words)
    {
        var upper = words.Count(IsUpper);
        return upper > 0 && upper < words.Length;
    }

    private static FrozenDictionary<string, double> BuildBoosters()
    {
        string[] increments =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply", "effing",
            "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme", "extremely",
            "fabulously", "flippin", "flipping", "frackin", "fracking", "frickin", "fricking", "friggin", "frigging", "fuckin",
            "fucking", "fuggin", "fugging", "fully", "greatly", "hella", "highly", "hugely", "incredible", "incredibly",
            "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
            "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ];
        string[] decrements =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kind-of", "kinda", "kindof", "less", "little", "marginal",
            "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
            "sort of", "sort-of", "sorta", "sortof",
        ];
        return increments.Select(word => KeyValuePair.Create(word, BoosterIncrement))
            .Concat(decrements.Select(word => KeyValuePair.Create(word, -BoosterIncrement)))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
