using SnapMagic.Aws.S3;

namespace SnapMagic.UnitTests.Aws;

public sealed class S3DownloadNameTests
{
    [Theory]
    [InlineData("cards/s/0123456789abcdef0123456789abcdef.png", "snapmagic-card-01234567.png")]
    [InlineData("animations/s/0123456789abcdef0123456789abcdef.mp4", "snapmagic-card-01234567.mp4")]
    [InlineData("animations/s/0123456789abcdef0123456789abcdef.webp", "snapmagic-card-01234567.webp")]
    [InlineData("feedback/s/0123456789abcdef0123456789abcdef.wav", "0123456789abcdef0123456789abcdef.wav")]
    public void A_download_is_named_by_what_the_key_holds(string key, string fileName) =>
        Assert.Equal(fileName, S3ImageStore.DownloadFileName(key));
}
