using SnapMagic.Feedback;
using SnapMagic.Imaging.Feedback.Vader;

namespace SnapMagic.UnitTests.Worker.Feedback;

/// <summary>
/// The local scorer against VADER's reference implementation: every expected compound score below is what
/// vaderSentiment.py (github.com/cjhutto/vaderSentiment at 44fc044, the lexicon embedded here) printed for the sentence.
/// </summary>
public sealed class VaderScorerTests
{
    [Theory]
    [InlineData("Great app, I love it.", 0.8519)]
    [InlineData("I loved this booth. The cards were amazing and really fun.", 0.9061)]
    [InlineData("It was boring.", -0.3182)]
    [InlineData("The app is not good.", -0.3412)]
    [InlineData("The cards were slow, but the art was great.", 0.7684)]
    [InlineData("It was okay.", 0.2263)]
    [InlineData("This app is terrible and I hate it.", -0.7783)]
    [InlineData("The booth is in hall B.", 0.0)]
    [InlineData("The app is not bad at all.", 0.431)]
    [InlineData("The cards were VERY good!!!", 0.7005)]
    [InlineData("I did not love it.", -0.5216)]
    [InlineData("Kind of fun.", 0.5106)]
    [InlineData("The queue was slow but the staff were kind.", 0.6808)]
    [InlineData("Never so happy with a demo!", 0.7213)]
    [InlineData("No problems at all, nice work.", 0.6197)]
    [InlineData("The art is good, but the wait is awful.", -0.4678)]
    [InlineData("At least it was free.", 0.5106)]
    [InlineData("It is the least useful booth.", -0.3412)]
    [InlineData("What a waste of time??", -0.4871)]
    [InlineData("I am very very happy :)", 0.8322)]
    [InlineData("I loved it but the queue was long.", 0.3506)]
    [InlineData("Not bad.", 0.431)]
    [InlineData("It was not very good.", -0.3865)]
    [InlineData("The demo was kind of boring.", -0.3804)]
    [InlineData("No complaints.", 0.3089)]
    [InlineData("I would NOT recommend it.", -0.2755)]
    [InlineData("Absolutely brilliant booth!", 0.6581)]
    [InlineData("The cards are the bomb.", 0.6124)]
    [InlineData("Meh.", -0.0772)]
    public void The_compound_score_is_the_reference_implementations(string text, double expected) =>
        Assert.Equal(expected, VaderScorer.Default.Compound(text), precision: 4);

    [Theory]
    [InlineData(0.05, Sentiment.Positive)]
    [InlineData(0.0499, Sentiment.Neutral)]
    [InlineData(0, Sentiment.Neutral)]
    [InlineData(-0.0499, Sentiment.Neutral)]
    [InlineData(-0.05, Sentiment.Negative)]
    public void The_label_uses_VADERs_thresholds_of_plus_and_minus_0_05(double compound, Sentiment expected) =>
        Assert.Equal(expected, VaderScorer.Classify(compound));

    [Fact]
    public void The_embedded_lexicon_is_VADERs_whole_list()
    {
        // 7,520 lines, 7,506 distinct tokens (a later line wins, as in the reference).
        Assert.Equal(7506, VaderLexicon.Default.Count);
        Assert.True(VaderLexicon.Default.TryGetValence("love", out var love));
        Assert.Equal(3.2, love);
    }

    [Fact]
    public void Empty_text_is_neutral() => Assert.Equal(Sentiment.Neutral, VaderScorer.Default.Classify("   "));
}
