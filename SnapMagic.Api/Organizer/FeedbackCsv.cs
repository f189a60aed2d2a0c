using CsvHelper;
using SnapMagic.Feedback;

namespace SnapMagic.Api.Organizer;

/// <summary>
/// The event's feedback as CSV, written as <see cref="CardsCsv"/> is (RFC 4180, a text that would run as a formula written
/// with a leading apostrophe), without session ids or recordings: when, how, its state, and what was said and felt.
/// </summary>
internal static class FeedbackCsv
{
    public const string FileName = "snapmagic-feedback.csv";
    public static readonly string[] Header = ["time", "kind", "status", "transcribed", "sentiment", "failureReason", "text"];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<FeedbackItem> items, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, CardsCsv.Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var item in items.WithCancellation(cancellationToken))
            await csv.WriteRecordAsync(Row(item), cancellationToken);
    }

    private static string[] Row(FeedbackItem item) =>
    [
        CardsCsv.Time(item.CreatedAt),
        item.Kind.ToWireName(),
        item.Status.ToWireName(),
        item.Kind == FeedbackKind.Typed || item.Transcribed ? "yes" : "no",
        item.Sentiment?.ToWireName() ?? "",
        item.Error ?? "",
        item.Kind == FeedbackKind.Typed || item.Transcribed ? item.Text ?? "" : "",
    ];
}
