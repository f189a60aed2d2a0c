using System.Globalization;
using System.Text;
using SnapMagic.Benchmarks.Measuring;

namespace SnapMagic.Benchmarks.Reporting;

/// <summary>The benchmark report: headings, paragraphs and tables in GitHub markdown, numbers in invariant culture.</summary>
public sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    public MarkdownReport Heading(int level, string text)
    {
        _text.Append('#', level).Append(' ').AppendLine(text).AppendLine();
        return this;
    }

    public MarkdownReport Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        return this;
    }

    public MarkdownReport Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
            _text.Append("- ").AppendLine(item);
        _text.AppendLine();
        return this;
    }

    public MarkdownReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        _text.Append('|').AppendJoin("", header.Select(_ => " --- |")).AppendLine();
        foreach (var row in rows)
            _text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        _text.AppendLine();
        return this;
    }

    /// <summary>One row per series: count, errors, p50/p95/p99/max in milliseconds, with <paramref name="first"/> leading columns.</summary>
    public MarkdownReport LatencyTable(IReadOnlyList<string> first, IEnumerable<(IReadOnlyList<string> Lead, LatencySample Sample)> rows)
    {
        Table([.. first, "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"],
            rows.Select(row => (IReadOnlyList<string>)[.. row.Lead, .. LatencyColumns(row.Sample)]));
        var errors = rows.Where(r => r.Sample.Errors > 0).ToList();
        if (errors.Count > 0)
            Bullets(errors.Select(r => $"errors of {r.Sample.Name}: " +
                string.Join(", ", r.Sample.ErrorReasons.Select(e => $"{e.Count} × {e.Reason}"))));
        return this;
    }

    public static IReadOnlyList<string> LatencyColumns(LatencySample sample) =>
    [
        sample.Count.ToString(CultureInfo.InvariantCulture),
        sample.Errors.ToString(CultureInfo.InvariantCulture),
        Millis(sample.Percentile(50)),
        Millis(sample.Percentile(95)),
        Millis(sample.Percentile(99)),
        Millis(sample.Max),
    ];

    /// <summary>Milliseconds with precision that fits the size: 0.42, 12.3, 1234.</summary>
    public static string Millis(double value) => double.IsNaN(value) ? "–" : value switch
    {
        < 10 and > -10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 and > -100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };

    public static string Number(double value, string format = "0.0") =>
        double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public override string ToString() => _text.ToString();

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
