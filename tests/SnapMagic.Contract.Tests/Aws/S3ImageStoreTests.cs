using Amazon.S3;
using SnapMagic.Aws;
using SnapMagic.Aws.S3;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>What S3 adds to the shared image store contract (fauxqs): bucket setup and presigned URLs.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class S3ImageStoreTests(LocalAwsFixture aws) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private readonly AwsOptions _options = aws.NewOptions();
    private IAmazonS3 _s3 = null!;
    private S3ImageStore _store = null!;

    public async Task InitializeAsync()
    {
        _s3 = _options.S3ClientOptions().CreateServiceClient<IAmazonS3>();
        await S3BucketSetup.EnsureBucketAsync(_s3, _options.BucketName!, 30, realAws: false);
        _store = new S3ImageStore(_s3, _options.BucketName!);
    }

    [Fact]
    public async Task Setup_is_idempotent_and_says_what_it_created()
    {
        var name = LocalAwsFixture.UniqueName("bucket");

        Assert.Equal([$"S3 bucket {name}"], await S3BucketSetup.EnsureBucketAsync(_s3, name, 30, realAws: false));
        Assert.Empty(await S3BucketSetup.EnsureBucketAsync(_s3, name, 30, realAws: false));
    }

    [Fact]
    public async Task The_presigned_url_serves_the_png_without_credentials_on_loopback()
    {
        await _store.SaveAsync("cards/s/b.png", Png);

        var url = _store.GetDirectReadUrl("cards/s/b.png", TimeSpan.FromMinutes(15));

        Assert.NotNull(url);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Contains("X-Amz-Signature=", url.Query);
        var expires = System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!), 899, 901);
        // Signed into the URL, so a cross-origin download link saves the card under its name.
        Assert.Equal("attachment; filename=\"snapmagic-card-b.png\"",
            System.Web.HttpUtility.ParseQueryString(url.Query)["response-content-disposition"]);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("animations/s/0123456789abcdef.mp4", "video/mp4", "snapmagic-card-01234567.mp4")]
    [InlineData("animations/s/0123456789abcdef.webp", "image/webp", "snapmagic-card-01234567.webp")]
    [InlineData("feedback/s/0123456789abcdef.webm", "audio/webm", "0123456789abcdef.webm")]
    public async Task A_blob_keeps_its_media_type_and_its_presigned_download_its_name(string key, string contentType, string fileName)
    {
        await _store.SaveAsync(key, Png, contentType);

        var metadata = await _s3.GetObjectMetadataAsync(_options.BucketName, key);
        var url = _store.GetDirectReadUrl(key, TimeSpan.FromMinutes(5))!;

        Assert.Equal(contentType, metadata.Headers.ContentType);
        Assert.Equal($"attachment; filename=\"{fileName}\"", System.Web.HttpUtility.ParseQueryString(url.Query)["response-content-disposition"]);
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }
}
