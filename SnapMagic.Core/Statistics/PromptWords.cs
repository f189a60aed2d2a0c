using System.Globalization;
using System.Text;

namespace SnapMagic.Statistics;

/// <summary>
/// The words of prompts worth counting: lower-cased letters (and digits) of at least three characters, without
/// English stop-words, so "a dragon in a party hat" counts "dragon", "party" and "hat".
/// </summary>
public static class PromptWords
{
    /// <summary>How many recent prompts the top words are counted over, so the cost stays bounded for a large event.</summary>
    public const int RecentPrompts = 1000;

    public const int TopCount = 10;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "and", "any", "are", "around", "as", "at", "be",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "does", "doing",
        "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "her", "here",
        "hers", "him", "his", "how", "into", "its", "itself", "just", "made", "make", "more", "most", "myself",
        "near", "nor", "not", "now", "off", "once", "only", "other", "our", "ours", "out", "over", "own", "same",
        "she", "should", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
        "they", "this", "those", "through", "too", "under", "until", "very", "was", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "card", "cards",
    };

    public static IEnumerable<string> Of(string prompt)
    {
        var word = new StringBuilder();
        foreach (var c in prompt.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }
            if (word.Length >= 3 && !StopWords.Contains(word.ToString()))
                yield return word.ToString();
            word.Clear();
        }
    }

    /// <summary>The <paramref name="count"/> most frequent words, ties in alphabetical order.</summary>
    public static IReadOnlyList<KeyCount> Top(IEnumerable<string> prompts, int count = TopCount) =>
    [
        .. prompts.SelectMany(Of)
            .GroupBy(word => word, StringComparer.Ordinal)
            .Select(group => new KeyCount(group.Key, group.LongCount()))
            .OrderByDescending(word => word.Count).ThenBy(word => word.Key, StringComparer.Ordinal)
            .Take(count),
    ];
}
