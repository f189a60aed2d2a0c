using SnapMagic.Cards;

namespace SnapMagic.UnitTests.Cards;

public sealed class CorrelationIdsTests
{
    [Fact]
    public void New_ids_are_32_lower_case_hex_characters_and_do_not_repeat()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => CorrelationIds.New()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.All(ids, id => Assert.True(CorrelationIds.IsWellFormed(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("../../../../../../etc/passwd/xxxx")]
    [InlineData("0123456789abcdef 123456789abcdef")]
    public void Anything_else_is_not_a_correlation_id(string? id)
    {
        Assert.False(CorrelationIds.IsWellFormed(id));
    }
}
