using System.Net;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

public sealed class BedrockExceptionTests
{
    [Theory]
    [InlineData(429, "ThrottlingException", "Too many requests", ImageModelFailure.Transient)]
    [InlineData(429, "ModelNotReadyException", "Model is not ready", ImageModelFailure.Transient)]
    [InlineData(408, "ModelTimeoutException", "Model timed out", ImageModelFailure.Transient)]
    [InlineData(500, "InternalServerException", "Internal error", ImageModelFailure.Transient)]
    [InlineData(503, "ServiceUnavailableException", "Unavailable", ImageModelFailure.Transient)]
    [InlineData(0, "ConnectionFailure", "Connection refused", ImageModelFailure.Transient)]
    [InlineData(400, "ValidationException", "Malformed input request", ImageModelFailure.Rejected)]
    [InlineData(400, "ValidationException", "This request has been blocked by our content filters.", ImageModelFailure.ContentBlocked)]
    [InlineData(403, "AccessDeniedException", "You don't have access to the model", ImageModelFailure.Rejected)]
    [InlineData(404, "ResourceNotFoundException", "Model not found", ImageModelFailure.Rejected)]
    public void MapsEveryBedrockErrorToAModelFailure(int status, string errorType, string message, ImageModelFailure expected)
    {
        var mapped = new BedrockException((HttpStatusCode)status, errorType, message).ToImageModelException();
        Assert.Equal(expected, mapped.Failure);
        Assert.False(string.IsNullOrWhiteSpace(mapped.AttendeeMessage));
        Assert.DoesNotContain("Exception", mapped.AttendeeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokePathEncodesTheModelIdAsOneSegment() =>
        Assert.Equal("model/amazon.nova-canvas-v1%3A0/invoke", BedrockRuntimeClient.InvokePath("amazon.nova-canvas-v1:0"));
}
