using System.Diagnostics;
using SnapMagic.Benchmarks.Client;
using SnapMagic.Benchmarks.Measuring;
using SnapMagic.Benchmarks.Reporting;
using SnapMagic.Imaging;

namespace SnapMagic.Benchmarks.Scenarios;

/// <summary>
/// Scenario 0: what the local painter costs a worker per card, in this process on one thread with no system
/// running: the whole card (template, art, caption, PNG encode) as <see cref="LocalImageModel.Paint"/> makes it,
/// and the PNG encode of the same finished card alone. Issue 10 aims at under 20 ms a card.
/// </summary>
public sealed class PainterScenario : IScenario
{
    private const int WarmUp = 20;

    public string Name => "painter";

    public Task RunAsync(BenchmarkContext context, MarkdownReport report, CancellationToken cancellationToken)
    {
        var cards = context.Quick ? 50 : 300;
        context.Progress($"painter: {WarmUp} warm-up cards, then {cards} cards on one thread");
        for (var i = 0; i < WarmUp; i++)
            LocalImageModel.Paint(Prompts.For("painter-warm-up", i));

        var card = new LatencySample("whole card");
        var encode = new LatencySample("PNG encode");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = 0L;
        for (var i = 0; i < cards; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var png = LocalImageModel.Paint(Prompts.For("painter", i));
            card.Add(Stopwatch.GetElapsedTime(started));
            bytes += png.Length;

            using var finished = CardPng.Decode(png);
            started = Stopwatch.GetTimestamp();
            CardPng.Encode(finished);
            encode.Add(Stopwatch.GetElapsedTime(started));
        }
        var cpuPerCard = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / cards;

        report.Heading(2, "0. The local painter's cost per card");
        report.Paragraph(
            $"{cards} cards from different prompts, one after another on one thread of this process (after {WarmUp} warm-up cards), " +
            $"no system running: the whole card as the worker makes it (template, art, caption, PNG encode), then the PNG encode " +
            $"of that same finished card alone. Process CPU over the loop, decodes and re-encodes included: " +
            $"{MarkdownReport.Number(cpuPerCard, "0.0")} ms a card. Cards average {MarkdownReport.Number(bytes / 1024.0 / cards, "0")} KiB. " +
            "Aim (issue 10): under 20 ms a card.");
        report.LatencyTable(["step"], [(["whole card"], card), (["PNG encode of the finished card"], encode)]);
        context.Progress($"painter: whole card p50 {MarkdownReport.Millis(card.Percentile(50))} ms, encode p50 {MarkdownReport.Millis(encode.Percentile(50))} ms");
        return Task.CompletedTask;
    }
}
