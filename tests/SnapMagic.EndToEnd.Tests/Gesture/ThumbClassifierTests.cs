using System.Text.Json;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Gesture;

/// <summary>
/// The page's thumb classifier (ClientApp/src/gesture/thumbGesture.ts) on landmarks MediaPipe Hands found in
/// real photos (Fixtures/README.md says whose, and how they were recorded). It runs in Node, as bundled by
/// the project's esbuild: the same code the page runs.
/// </summary>
public sealed class ThumbClassifierTests
{
    private static readonly Lazy<Task<Dictionary<string, string>>> Answers = new(ClassifyAllAsync);

    private static async Task<Dictionary<string, string>> ClassifyAllAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "SnapMagic.EndToEnd.Tests", "Gesture", "classify-landmarks.mjs");
        var output = await NodeScript.RunAsync(script, TimeSpan.FromMinutes(2));
        return JsonSerializer.Deserialize<Dictionary<string, string>>(output)
            ?? throw new InvalidOperationException($"classify-landmarks.mjs printed no answers: {output}");
    }

    [Theory]
    [InlineData("thumbs-up.json", "up")]
    [InlineData("thumbs-down.json", "down")]
    [InlineData("open-hand.json", "none")]
    [InlineData("fist.json", "none")]
    [InlineData("pointing.json", "none")]
    [InlineData("no-hand.json", "none")]
    public async Task A_recorded_hand_is_read_as_the_gesture_it_shows(string fixture, string expected)
    {
        var answers = await Answers.Value;
        Assert.True(answers.TryGetValue(fixture, out var actual), $"No recorded landmarks named {fixture}: {string.Join(", ", answers.Keys)}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Every_recorded_landmark_set_has_an_expected_gesture()
    {
        // A fixture added without a line above would be classified and never judged.
        var answers = await Answers.Value;
        Assert.Equal(["fist.json", "no-hand.json", "open-hand.json", "pointing.json", "thumbs-down.json", "thumbs-up.json"], answers.Keys.Order());
    }
}
