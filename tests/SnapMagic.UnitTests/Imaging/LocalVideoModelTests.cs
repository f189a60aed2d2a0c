using ImageMagick;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;

namespace SnapMagic.UnitTests.Imaging;

public sealed class LocalVideoModelTests : IDisposable
{
    private const string Prompt = "A lighthouse in a storm at night";
    private static readonly Lazy<byte[]> Card = new(() => LocalImageModel.Paint(Prompt));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "snapmagic-video-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TheAnimationIsALoopingWebPOfMovingFramesOfTheArt()
    {
        var webp = KenBurnsAnimation.RenderWebP(Card.Value);

        using var frames = new MagickImageCollection(webp);
        Assert.Equal(MagickFormat.WebP, frames[0].Format);
        Assert.Equal(KenBurnsAnimation.FrameCount, frames.Count);
        Assert.All(frames, frame => Assert.Equal(100u / KenBurnsAnimation.FramesPerSecond, frame.AnimationDelay));
        frames.Coalesce(); // WebP stores changed rectangles; whole frames to compare
        Assert.All(frames, frame => Assert.Equal(((uint)CardTemplate.ArtWidth, (uint)CardTemplate.ArtHeight), (frame.Width, frame.Height)));
        for (var i = 1; i < frames.Count; i++)
            Assert.True(frames[i].Compare(frames[i - 1], ErrorMetric.RootMeanSquared) > 0.001, $"frame {i} equals frame {i - 1}");
        Assert.True(frames[^1].Compare(frames[0], ErrorMetric.RootMeanSquared) > 0.02, "the last frame is too close to the first");
    }

    [Fact]
    public async Task StartingDrawsTheFileAndTheStatusIsCompletedWithIt()
    {
        var model = Model();

        var handle = await model.StartAnimationAsync(new("card-1", Card.Value, Prompt));
        var written = File.GetLastWriteTimeUtc(Path.Combine(_directory, "card-1.webp"));
        var again = await model.StartAnimationAsync(new("card-1", Card.Value, Prompt));
        var status = await model.GetStatusAsync(handle);

        Assert.Equal(handle, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(_directory, "card-1.webp"))); // not drawn twice
        var completed = Assert.IsType<AnimationStatus.Completed>(status);
        Assert.Equal(Path.Combine(_directory, "card-1.webp"), completed.VideoLocation);
        Assert.Equal("image/webp", completed.ContentType);
        using var frames = new MagickImageCollection(completed.VideoLocation);
        Assert.Equal(KenBurnsAnimation.FrameCount, frames.Count);
        Assert.Single(Directory.GetFiles(_directory)); // no partial file left behind
    }

    [Fact]
    public async Task AnotherProcessSharingTheFolderReadsTheSameStatus()
    {
        // Two model instances stand for two worker replicas: nothing is kept in memory between start and status.
        var starter = Model();
        var checker = Model();

        var handle = await starter.StartAnimationAsync(new("card-shared", Card.Value, Prompt));

        Assert.IsType<AnimationStatus.Completed>(await checker.GetStatusAsync(handle));
    }

    [Fact]
    public async Task AnAnimationNeverDrawnIsFailedAndABadCardIsRefusedWithAReason()
    {
        var model = Model();

        var unknown = Assert.IsType<AnimationStatus.Failed>(await model.GetStatusAsync(new("card-unknown")));
        var refused = await Assert.ThrowsAsync<VideoModelException>(() =>
            model.StartAnimationAsync(new("card-2", CardTemplate.LoadMaskPng().ToArray().AsMemory()[..100], Prompt)));

        Assert.Equal(LocalVideoModel.LostMessage, unknown.Reason);
        Assert.False(refused.IsTransient);
        Assert.Equal(VideoModelException.RefusedMessage, refused.AttendeeMessage);
        Assert.False(File.Exists(Path.Combine(_directory, "card-2.webp")));
        await Assert.ThrowsAsync<VideoModelException>(() => model.StartAnimationAsync(new("../escape", Card.Value, Prompt)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private LocalVideoModel Model() => new(
        Microsoft.Extensions.Options.Options.Create(new VideoModelOptions { Local = { OutputDirectory = _directory } }),
        NullLogger<LocalVideoModel>.Instance);
}
