using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Video.Bedrock;
using SnapMagic.TestSupport.LocalAws;

namespace SnapMagic.UnitTests.Bedrock.Video;

/// <summary>The fake writes a completed video into the bucket of a real local S3 (fauxqs, as in the aws-local backend).</summary>
public sealed class FakeAsyncInvokeS3Tests : FakeBedrockTests
{
    [Fact]
    public async Task ACompletedInvocationsOutputMp4IsAnObjectInTheEventsBucket()
    {
        await using var fauxqs = await FauxqsServer.StartAsync();
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("local", "local"),
            new AmazonS3Config { ServiceURL = fauxqs.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = Bedrock.Region });
        await s3.PutBucketAsync("event-bucket");
        Bedrock.AsyncInvokeS3ServiceUrl = fauxqs.Endpoint.ToString();
        var options = Microsoft.Extensions.Options.Options.Create(new BedrockVideoOptions
        {
            Region = Bedrock.Region, ServiceUrl = Bedrock.Url.ToString(), OutputBucket = "event-bucket",
        });
        var model = new LumaRay2VideoModel(new BedrockAsyncInvokeClient(options.Value, TestCredentials), options, NullLogger<LumaRay2VideoModel>.Instance);

        var handle = await model.StartAnimationAsync(new("card-s3", LocalImageModel.Paint(Prompt), Prompt));
        var completed = Assert.IsType<AnimationStatus.Completed>(await model.GetStatusAsync(handle));

        var key = completed.VideoLocation["s3://event-bucket/".Length..];
        using var stored = await s3.GetObjectAsync("event-bucket", key);
        using var bytes = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(bytes);
        Assert.Equal(Bedrock.AsyncInvokeOutputs[completed.VideoLocation], bytes.ToArray());
        Assert.StartsWith("animations/card-s3/", key);
        Assert.EndsWith("/output.mp4", key);
    }
}
