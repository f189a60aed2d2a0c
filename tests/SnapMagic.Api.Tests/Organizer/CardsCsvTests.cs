using System.Net;
using System.Text;
using CsvHelper;
using SnapMagic.TestSupport.Api;

namespace SnapMagic.Api.Tests.Organizer;

public sealed class CardsCsvTests : IDisposable
{
    private readonly OrganizerFactory _factory = new();

    [Fact]
    public async Task Every_card_is_a_row_under_a_header_escaped_per_RFC_4180_and_never_a_formula()
    {
        var (attendee, login) = await _factory.NewSessionAsync();
        string[] prompts =
        [
            "A dragon, a knight and a \"very\" odd hat",
            "A poem\r\non two lines, with a comma",
            "=HYPERLINK(\"http://evil.example\",\"click me\")",
            "+1 dragon for the booth",
            "-2 points for the goblin",
            "@SUM(A1:A9) in a party hat",
        ];
        var ids = new List<string>();
        foreach (var prompt in prompts)
            ids.Add((await attendee.SubmitCardAsync(prompt)).CorrelationId);
        await _factory.CompleteWithImageAsync(ids[0], login.SessionId);
        using (var rated = await attendee.RateAsync(ids[0], "up"))
            Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        using var organizer = await _factory.NewOrganizerAsync();

        using var response = await organizer.GetAsync("/api/organizer/cards.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("snapmagic-cards.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("time,status,secondsToCard,failureReason,rating,ratingSource,animation,prompt\r\n", text);
        Assert.EndsWith("\r\n", text);
        Assert.Contains(",\"A dragon, a knight and a \"\"very\"\" odd hat\"\r\n", text);
        Assert.Contains(",\"A poem\r\non two lines, with a comma\"\r\n", text);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click me\"\")\"\r\n", text);
        Assert.Contains(",\"'+1 dragon for the booth\"\r\n", text);
        Assert.Contains(",\"'-2 points for the goblin\"\r\n", text);
        Assert.Contains(",\"'@SUM(A1:A9) in a party hat\"\r\n", text);

        var rows = ReadAll(bytes);
        Assert.Equal(["time", "status", "secondsToCard", "failureReason", "rating", "ratingSource", "animation", "prompt"], rows[0]);
        Assert.Equal(prompts.Length, rows.Count - 1);
        Assert.All(rows, row => Assert.Equal(8, row.Length));
        var completed = rows[1];
        Assert.Equal("completed", completed[1]);
        Assert.True(double.Parse(completed[2], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.Equal(("up", "button", ""), (completed[4], completed[5], completed[6]));
        Assert.Equal(prompts[0], completed[7]);
        Assert.Equal(prompts[1], rows[2][7]);
        Assert.All(rows.Skip(2), row => Assert.Equal(("queued", "", "", "", "", ""), (row[1], row[2], row[3], row[4], row[5], row[6])));
    }

    [Fact]
    public async Task A_gesture_rating_and_an_animation_show_in_their_columns()
    {
        var (attendee, login) = await _factory.NewSessionAsync();
        var card = await attendee.SubmitCardAsync("A dragon waving at the camera");
        await _factory.CompleteWithImageAsync(card.CorrelationId, login.SessionId);
        await attendee.RateCardAsync(login.Token, card.CorrelationId, "down", "gesture");
        await attendee.RequestAnimationAsync(login.Token, card.CorrelationId);
        using var organizer = await _factory.NewOrganizerAsync();

        using var response = await organizer.GetAsync("/api/organizer/cards.csv");

        var row = ReadAll(await response.Content.ReadAsByteArrayAsync())[1];
        Assert.Equal(("down", "gesture", "queued", "A dragon waving at the camera"), (row[4], row[5], row[6], row[7]));
    }

    private static List<string[]> ReadAll(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(reader.Current.ToArray());
        return rows;
    }

    public void Dispose() => _factory.Dispose();
}
