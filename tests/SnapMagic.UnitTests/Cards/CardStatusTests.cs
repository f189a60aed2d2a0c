using System.Text.Json;
using SnapMagic.Cards;

namespace SnapMagic.UnitTests.Cards;

public sealed class CardStatusTests
{
    [Theory]
    [InlineData(CardStatus.Queued, CardStatus.Queued, false)]
    [InlineData(CardStatus.Queued, CardStatus.Processing, true)]
    [InlineData(CardStatus.Queued, CardStatus.Completed, false)]
    [InlineData(CardStatus.Queued, CardStatus.Failed, true)]
    [InlineData(CardStatus.Processing, CardStatus.Queued, false)]
    [InlineData(CardStatus.Processing, CardStatus.Processing, true)]
    [InlineData(CardStatus.Processing, CardStatus.Completed, true)]
    [InlineData(CardStatus.Processing, CardStatus.Failed, true)]
    [InlineData(CardStatus.Completed, CardStatus.Queued, false)]
    [InlineData(CardStatus.Completed, CardStatus.Processing, false)]
    [InlineData(CardStatus.Completed, CardStatus.Completed, false)]
    [InlineData(CardStatus.Completed, CardStatus.Failed, false)]
    [InlineData(CardStatus.Failed, CardStatus.Queued, false)]
    [InlineData(CardStatus.Failed, CardStatus.Processing, false)]
    [InlineData(CardStatus.Failed, CardStatus.Completed, false)]
    [InlineData(CardStatus.Failed, CardStatus.Failed, false)]
    public void Every_move_between_statuses_is_allowed_or_refused_as_the_card_life_says(CardStatus from, CardStatus to, bool allowed)
    {
        Assert.Equal(allowed, from.CanMoveTo(to));
    }

    [Fact]
    public void Only_completed_and_failed_are_terminal_and_nothing_leaves_them()
    {
        var terminal = Enum.GetValues<CardStatus>().Where(s => s.IsTerminal());

        Assert.Equal([CardStatus.Completed, CardStatus.Failed], terminal);
        Assert.All(terminal, from => Assert.DoesNotContain(Enum.GetValues<CardStatus>(), to => from.CanMoveTo(to)));
    }

    [Theory]
    [InlineData(CardStatus.Queued, "queued")]
    [InlineData(CardStatus.Processing, "processing")]
    [InlineData(CardStatus.Completed, "completed")]
    [InlineData(CardStatus.Failed, "failed")]
    public void The_wire_name_is_lower_case_in_code_and_in_json(CardStatus status, string wireName)
    {
        Assert.Equal(wireName, status.ToWireName());
        Assert.Equal($"\"{wireName}\"", JsonSerializer.Serialize(status));
        Assert.Equal(status, JsonSerializer.Deserialize<CardStatus>($"\"{wireName}\""));
    }

    [Fact]
    public void An_undefined_status_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CardStatus)42).ToWireName());
    }
}
