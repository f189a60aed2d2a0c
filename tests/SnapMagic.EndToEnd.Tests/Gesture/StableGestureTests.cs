using System.Text.Json;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Gesture;

/// <summary>
/// The page's hold filter (ClientApp/src/gesture/stableGesture.ts), run in Node as the page's esbuild bundles it:
/// a gesture counts once it has been seen for the hold time in enough frames, once per hold.
/// </summary>
public sealed class StableGestureTests
{
    /// <summary>What the filter answered per frame; "-" for nothing (yet).</summary>
    private static async Task<string[]> AnswersAsync(int holdMs, int minFrames, params (string Gesture, int TimeMs)[] frames)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "SnapMagic.EndToEnd.Tests", "Gesture", "hold-frames.mjs");
        var input = JsonSerializer.Serialize(new { holdMs, minFrames, frames = frames.Select(f => new object[] { f.Gesture, f.TimeMs }) });
        var output = await NodeScript.RunAsync(script, TimeSpan.FromMinutes(1), input);
        var answers = JsonSerializer.Deserialize<string?[]>(output) ?? throw new InvalidOperationException(output);
        return [.. answers.Select(answer => answer ?? "-")];
    }

    [Fact]
    public async Task A_gesture_held_for_the_hold_time_counts_once()
    {
        var answers = await AnswersAsync(1000, 3, ("up", 0), ("up", 400), ("up", 800), ("up", 1000), ("up", 1400), ("up", 2500));
        Assert.Equal(["-", "-", "-", "up", "-", "-"], answers);
    }

    [Fact]
    public async Task Another_gesture_or_no_hand_in_between_starts_the_hold_again()
    {
        var answers = await AnswersAsync(1000, 3,
            ("down", 0), ("down", 600), ("none", 700), ("down", 800), ("down", 1500), ("up", 1700), ("down", 1800), ("down", 2500), ("down", 2800));
        Assert.Equal(["-", "-", "-", "-", "-", "-", "-", "-", "down"], answers);
    }

    [Fact]
    public async Task A_slow_device_still_needs_the_minimum_number_of_frames()
    {
        // Two frames two seconds apart are past the hold time but are not a steady hand.
        var answers = await AnswersAsync(1000, 3, ("up", 0), ("up", 2000), ("up", 4000));
        Assert.Equal(["-", "-", "up"], answers);
    }

    [Fact]
    public async Task No_hand_never_counts()
    {
        var answers = await AnswersAsync(1000, 3, ("none", 0), ("none", 600), ("none", 1200), ("none", 5000));
        Assert.All(answers, answer => Assert.Equal("-", answer));
    }
}
