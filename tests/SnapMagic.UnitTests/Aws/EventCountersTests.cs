using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;

namespace SnapMagic.UnitTests.Aws;

/// <summary>How a rating change moves the DynamoDB counters: each counter the old rating was in loses one, each the new one is in gains one.</summary>
public sealed class EventCountersTests
{
    private static readonly CardJob Card = new()
    {
        CorrelationId = "0123456789abcdef0123456789abcdef",
        SessionId = "session",
        Prompt = "A fox",
        Status = CardStatus.Completed,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public static TheoryData<CardRating?, RatingSource?, CardRating, RatingSource, string> Changes() => new()
    {
        { null, null, CardRating.Up, RatingSource.Button, "rated:up+1" },
        { null, null, CardRating.Down, RatingSource.Gesture, "rated:down+1 rated:down:gesture+1" },
        { CardRating.Up, RatingSource.Button, CardRating.Up, RatingSource.Button, "" },
        { CardRating.Up, RatingSource.Gesture, CardRating.Up, RatingSource.Gesture, "" },
        { CardRating.Up, RatingSource.Button, CardRating.Down, RatingSource.Button, "rated:down+1 rated:up-1" },
        { CardRating.Up, RatingSource.Button, CardRating.Up, RatingSource.Gesture, "rated:up:gesture+1" },
        { CardRating.Up, RatingSource.Gesture, CardRating.Up, RatingSource.Button, "rated:up:gesture-1" },
        { CardRating.Up, RatingSource.Gesture, CardRating.Down, RatingSource.Gesture, "rated:down+1 rated:down:gesture+1 rated:up-1 rated:up:gesture-1" },
        { CardRating.Down, RatingSource.Gesture, CardRating.Up, RatingSource.Button, "rated:down-1 rated:down:gesture-1 rated:up+1" },
        // Stored before sources existed: read as a button rating.
        { CardRating.Up, null, CardRating.Up, RatingSource.Gesture, "rated:up:gesture+1" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_rating_change_moves_exactly_the_counters_it_changes(CardRating? before, RatingSource? beforeSource, CardRating after,
        RatingSource afterSource, string expected)
    {
        var changes = EventCounters.RatingChanges(
            Card with { Rating = before, RatingSource = beforeSource },
            Card with { Rating = after, RatingSource = afterSource });

        Assert.Equal(expected, string.Join(" ", changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}{c.Value:+0;-0}")));
    }
}
