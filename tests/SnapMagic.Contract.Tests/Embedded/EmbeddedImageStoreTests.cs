using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Embedded;

namespace SnapMagic.Contract.Tests.Embedded;

public sealed class EmbeddedImageStoreTests : IDisposable
{
    private readonly TemporaryDataDirectories _directories = new();

    public void Dispose() => _directories.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("../outside.png")]
    [InlineData("cards/../../outside.png")]
    [InlineData("/etc/passwd")]
    [InlineData("cards//x.png")]
    [InlineData("cards/./x.png")]
    [InlineData("cards\\x.png")]
    [InlineData("cards/x.png/")]
    [InlineData("c:/x.png")]
    [InlineData("cards/x y.png")]
    [InlineData("animations/../../outside.webp")]
    [InlineData("feedback/s/../../../outside.webm")]
    [InlineData("feedback/s/x.webm\0")]
    public async Task Keys_that_could_leave_the_image_folder_are_refused(string key)
    {
        var store = new FileImageStore(_directories.New());

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(key, new byte[] { 1 }, "audio/webm"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key));
    }

    [Fact]
    public async Task Animation_and_recording_keys_are_files_under_the_folder()
    {
        var directory = _directories.New();
        var store = new FileImageStore(directory);
        var (session, id) = (CorrelationIds.New(), CorrelationIds.New());

        await store.SaveAsync(CardAnimation.VideoKeyFor(session, id, "webp"), new byte[] { 1 }, "image/webp");
        await store.SaveAsync(FeedbackItem.RecordingKeyFor(session, id, "audio/webm"), new byte[] { 2 }, "audio/webm");

        Assert.Equal([1], await File.ReadAllBytesAsync(Path.Combine(directory, "images", "animations", session, $"{id}.webp")));
        Assert.Equal([2], await File.ReadAllBytesAsync(Path.Combine(directory, "images", "feedback", session, $"{id}.webm")));
    }

    [Fact]
    public async Task A_save_leaves_only_the_image_behind_under_images_key()
    {
        var directory = _directories.New();
        var store = new FileImageStore(directory);

        await store.SaveAsync("cards/session/card.png", new byte[] { 1, 2, 3 });
        await store.SaveAsync("cards/session/card.png", new byte[] { 4, 5 });

        var files = Directory.GetFiles(Path.Combine(directory, "images"), "*", SearchOption.AllDirectories);
        Assert.Equal(Path.Combine(directory, "images", "cards", "session", "card.png"), Assert.Single(files));
        Assert.Equal(new byte[] { 4, 5 }, await File.ReadAllBytesAsync(files[0]));
    }

    [Fact]
    public async Task A_reader_of_the_old_image_keeps_reading_it_whole_while_it_is_overwritten()
    {
        var store = new FileImageStore(_directories.New());
        var old = Enumerable.Repeat((byte)7, 100_000).ToArray();
        await store.SaveAsync("cards/s/c.png", old);

        await using var reader = (await store.OpenReadAsync("cards/s/c.png"))!;
        await store.SaveAsync("cards/s/c.png", new byte[] { 9 });
        using var copy = new MemoryStream();
        await reader.CopyToAsync(copy);

        Assert.Equal(old, copy.ToArray());
    }

    [Fact]
    public void There_is_no_direct_read_url_the_Api_signs_its_own_links()
    {
        var store = new FileImageStore(_directories.New());

        Assert.Null(store.GetDirectReadUrl("cards/s/c.png", TimeSpan.FromMinutes(5)));
    }
}
