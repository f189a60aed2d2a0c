using SnapMagic.Cards;

namespace SnapMagic.UnitTests.Cards;

public sealed class PromptRulesTests
{
    [Theory]
    [InlineData("A red dragon", "A red dragon")]
    [InlineData("   A red dragon \n\t ", "A red dragon")]
    [InlineData("1234567890", "1234567890")]
    [InlineData("line one\nline two\tend", "line one\nline two\tend")]
    [InlineData("Ünïcödé ☃ dragon", "Ünïcödé ☃ dragon")]
    public void A_valid_prompt_comes_back_trimmed(string input, string expected)
    {
        var (prompt, error) = PromptRules.Validate(input);

        Assert.Equal(expected, prompt);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("          ", 0)]
    [InlineData("123456789", 9)]
    [InlineData("   123456789   ", 9)]
    public void A_prompt_under_ten_characters_after_trimming_is_refused_with_its_length(string? input, int length)
    {
        var (prompt, error) = PromptRules.Validate(input);

        Assert.Null(prompt);
        Assert.Equal($"The prompt must be at least 10 characters long (after trimming spaces); it has {length}.", error);
    }

    [Fact]
    public void Exactly_1024_characters_pass_and_1025_do_not()
    {
        Assert.Equal(1024, PromptRules.Validate(new string('a', 1024)).Prompt?.Length);
        Assert.Equal(1024, PromptRules.Validate($"  {new string('a', 1024)}  ").Prompt?.Length);

        var (prompt, error) = PromptRules.Validate(new string('a', 1025));

        Assert.Null(prompt);
        Assert.Equal("The prompt must be at most 1024 characters long; it has 1025.", error);
    }

    [Theory]
    [InlineData("A red dragon\0 breathing fire")]
    [InlineData("A red dragon\u001b[31m breathing fire")]
    [InlineData("A red dragon\u007f breathing fire")]
    public void Control_characters_other_than_line_breaks_and_tabs_are_refused(string input)
    {
        var (prompt, error) = PromptRules.Validate(input);

        Assert.Null(prompt);
        Assert.Equal("The prompt contains control characters; use plain text.", error);
    }
}
