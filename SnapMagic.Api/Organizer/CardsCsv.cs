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
    public static readonly string[] Header = ["time", "status", "secondsToCard", "failureReason", "rating", "prompt"];

    /// <summary>With a byte order mark, so spreadsheet programs read non-ASCII prompts as UTF-8.</summary>
    private static readonly CsvWriterOptions Options = new()
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

    private static string[] Row(CardJob card) =>
    [
        card.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        card.Status.ToWireName(),
        card is { Status: CardStatus.Completed, CompletedAt: { } done }
            ? (done - card.CreatedAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)
            : "",
        card.Error ?? "",
        card.Rating?.ToWireName() ?? "",
        card.Prompt,
    ];
}
