using SnapMagic.Cards;
using SnapMagic.Queueing;

namespace SnapMagic.UnitTests.Queueing;

public sealed class JobMessageTests
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_card_message_is_the_agreed_json_and_parses_back()
    {
        var json = JobMessage.Card(Id).ToJson();

        Assert.Equal($$"""{"correlationId":"{{Id}}"}""", json);
        Assert.Equal(JobMessage.Card(Id), JobMessage.TryParse(json));
    }

    [Fact]
    public void Extra_properties_and_any_property_case_still_parse()
    {
        Assert.Equal(JobMessage.Card(Id), JobMessage.TryParse($$"""{"CorrelationId":"{{Id}}","extra":1}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"correlationId":null}""")]
    [InlineData("""{"correlationId":""}""")]
    [InlineData("""{"correlationId":"not-a-correlation-id"}""")]
    [InlineData("""{"correlationId":"0123456789ABCDEF0123456789ABCDEF"}""")]
    [InlineData("""{"correlationId":42}""")]
    [InlineData("""{"correlationId":"0123456789abcdef0123456789abcdef" """)]
    public void A_poison_body_parses_as_null_instead_of_throwing(string body)
    {
        Assert.Null(JobMessage.TryParse(body));
    }

    [Fact]
    public void The_image_key_names_the_session_and_the_card()
    {
        Assert.Equal($"cards/session-1/{Id}.png", CardJob.ImageKeyFor("session-1", Id));
    }
}
