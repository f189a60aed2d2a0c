using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>The tests of one family's adapter against the fake, and of the fake's checks of that family's request shape.</summary>
public abstract class FamilyAdapterTests(BedrockModelFamily family) : FakeBedrockTests
{
    protected Task<byte[]> PaintAsync(Action<BedrockOptions>? configure = null, CardImageRequest? request = null, CancellationToken cancellationToken = default) =>
        PaintAsync(family, configure, request, cancellationToken: cancellationToken);

    protected Task<ImageModelException> PaintFailsAsync(Action<BedrockOptions>? configure = null, AWSCredentials? credentials = null) =>
        PaintFailsAsync(family, configure, credentials);

    /// <summary>The request the fake saw last: valid, of this family, at <paramref name="rawPath"/>, signed for bedrock in us-east-1.</summary>
    protected FakeBedrockRequest AssertSignedRequestTo(string rawPath)
    {
        Assert.Empty(Bedrock.ValidationFailures);
        var request = Bedrock.LastRequest!;
        Assert.Equal(family, request.Family);
        Assert.Equal(rawPath, request.RawPath);
        Assert.Contains("/us-east-1/bedrock/aws4_request", request.Authorization);
        return request;
    }

    /// <summary>Posts <paramref name="body"/> unsigned to the fake, which must refuse it as Bedrock does (400 ValidationException) naming each of <paramref name="reasons"/>.</summary>
    protected async Task AssertTheFakeRefusesAsync(string path, JsonObject body, params string[] reasons)
    {
        using var http = new HttpClient { BaseAddress = Bedrock.Url };
        using var response = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ValidationException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
        var failures = Bedrock.ValidationFailures;
        foreach (var reason in reasons)
            Assert.Contains(failures, f => f.Contains(reason, StringComparison.Ordinal));
    }
}
