using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Storage;

namespace SnapMagic.Contract.Tests;

/// <summary>What every <see cref="IImageStore"/> must do; a backend subclasses and builds a fresh store.</summary>
public abstract class ImageStoreContractTests : IAsyncLifetime
{
    /// <summary>Builds an image store that nothing else writes to.</summary>
    protected abstract Task<IImageStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_saved_image_reads_back_byte_for_byte()
    {
        var store = await CreateStoreAsync();
        var key = NewKey();
        var png = Bytes(seed: 1, length: 70_000);

        await store.SaveAsync(key, png);

        Assert.Equal(png, await ReadAllAsync(store, key));
    }

    [Fact]
    public async Task Saving_the_same_key_again_overwrites_the_image()
    {
        var store = await CreateStoreAsync();
        var key = NewKey();
        await store.SaveAsync(key, Bytes(seed: 1, length: 5_000));
        var second = Bytes(seed: 2, length: 1_000);

        await store.SaveAsync(key, second);

        Assert.Equal(second, await ReadAllAsync(store, key));
    }

    [Fact]
    public async Task A_missing_image_reads_as_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.OpenReadAsync(NewKey()));
    }

    [Fact]
    public async Task Images_under_different_keys_stay_apart()
    {
        var store = await CreateStoreAsync();
        var (a, b) = (NewKey(), NewKey());
        await store.SaveAsync(a, Bytes(seed: 3, length: 100));
        await store.SaveAsync(b, Bytes(seed: 4, length: 200));

        Assert.Equal(Bytes(seed: 3, length: 100), await ReadAllAsync(store, a));
        Assert.Equal(Bytes(seed: 4, length: 200), await ReadAllAsync(store, b));
    }

    [Theory]
    [InlineData("video/mp4", "mp4")]
    [InlineData("image/webp", "webp")]
    public async Task An_animation_is_stored_under_its_key_and_reads_back_byte_for_byte(string contentType, string extension)
    {
        var store = await CreateStoreAsync();
        var key = CardAnimation.VideoKeyFor(CorrelationIds.New(), CorrelationIds.New(), extension);
        var video = Bytes(seed: 5, length: 300_000);

        await store.SaveAsync(key, video, contentType);

        Assert.Equal(video, await ReadAllAsync(store, key));
    }

    [Theory]
    [InlineData("audio/webm")]
    [InlineData("audio/wav")]
    public async Task A_recording_is_stored_under_its_key_and_reads_back_byte_for_byte(string contentType)
    {
        var store = await CreateStoreAsync();
        var key = FeedbackItem.RecordingKeyFor(CorrelationIds.New(), CorrelationIds.New(), contentType);
        var recording = Bytes(seed: 6, length: 50_000);

        await store.SaveAsync(key, recording, contentType);

        Assert.Equal(recording, await ReadAllAsync(store, key));
    }

    [Fact]
    public async Task Ping_answers()
    {
        var store = await CreateStoreAsync();
        await store.PingAsync();
    }

    protected static string NewKey() => CardJob.ImageKeyFor($"session-{Guid.NewGuid():N}", CorrelationIds.New());

    protected static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]?> ReadAllAsync(IImageStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key);
        if (stream is null)
            return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
