using SnapMagic.Aws;
using SnapMagic.Aws.S3;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The S3 image store and bucket setup against fauxqs.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class S3ImageStoreTests(LocalAwsFixture aws) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private readonly AwsOptions _options = aws.NewOptions();
    private Amazon.S3.AmazonS3Client _s3 = null!;
    private S3ImageStore _store = null!;

    public async Task InitializeAsync()
    {
        _s3 = AwsClientFactory.CreateS3(_options);
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
    public async Task A_saved_png_reads_back_and_a_second_save_overwrites_it()
    {
        await _store.SaveAsync("cards/s/a.png", new byte[] { 9, 9, 9 });
        await _store.SaveAsync("cards/s/a.png", Png);

        await using var read = await _store.OpenReadAsync("cards/s/a.png");

        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(Png, copy.ToArray());
    }

    [Fact]
    public async Task A_missing_image_is_null() =>
        Assert.Null(await _store.OpenReadAsync("cards/s/missing.png"));

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
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Ping_answers_for_the_bucket() => await _store.PingAsync();

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }
}
