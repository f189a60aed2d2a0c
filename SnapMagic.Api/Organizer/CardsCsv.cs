using System.Globalization;
using CsvHelper;
using SnapMagic.Cards;

namespace SnapMagic.Api.Organizer;

/// <summary>
/// The event's cards as CSV: RFC 4180 (CRLF lines, fields with commas, quotes or line breaks quoted, a header
/// row), and a text field a spreadsheet would run as a formula (starting with = + - @, tab or CR) written with
/// a leading apostrophe, so a prompt never becomes a formula on the organizer's machine.
/// </summary>
internal static class CardsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string FileName = "snapmagic-cards.csv";
    public static readonly string[] Header = ["time", "status", "secondsToCard", "failureReason", "rating", "ratingSource", "animation", "prompt"];

    /// <summary>With a byte order mark, so spreadsheet programs read non-ASCII prompts as UTF-8.</summary>
    internal static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<CardJob> cards, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var card in cards.WithCancellation(cancellationToken))
            await csv.WriteRecordAsync(Row(card), cancellationToken);
    }

    /// <summary>The UTC time as every CSV of the organizer writes it.</summary>
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string[] Row(CardJob card) =>
    [
        Time(card.CreatedAt),
        card.Status.ToWireName(),
        card is { Status: CardStatus.Completed, CompletedAt: { } done }
            ? (done - card.CreatedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)
            : "",
        card.Error ?? "",
        card.Rating?.ToWireName() ?? "",
        card.Rating is null ? "" : card.RatingSource?.ToWireName() ?? "",
        card.Animation?.Status.ToWireName() ?? "",
        card.Prompt,
    ];
}
