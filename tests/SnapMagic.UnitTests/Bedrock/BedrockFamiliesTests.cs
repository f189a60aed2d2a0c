using SnapMagic.FakeBedrock;
using SnapMagic.Imaging.Bedrock;
using SnapMagic.Imaging;

namespace SnapMagic.UnitTests.Bedrock;

/// <summary>What every family promises the worker, each against the fake answering in that family's own shape.</summary>
public sealed class BedrockFamiliesTests : FakeBedrockTests
{
    public static TheoryData<BedrockModelFamily> Families() => [.. Enum.GetValues<BedrockModelFamily>()];

    public static TheoryData<BedrockModelFamily, string> FamiliesAndTransientReplies()
    {
        var data = new TheoryData<BedrockModelFamily, string>();
        foreach (var family in Enum.GetValues<BedrockModelFamily>())
            foreach (var reply in new[] { "throttled", "model-not-ready", "internal-error", "unavailable" })
                data.Add(family, reply);
        return data;
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task PaintsTheArtWindowAndKeepsTheFrameCrisp(BedrockModelFamily family)
    {
        var png = await PaintAsync(family);

        // The fake disturbs the frame (Nova Canvas, Stability) or answers another size (Nova 2 Omni, 1024x1024).
        AssertArtPaintedAndFrameCrisp(png);
        Assert.Empty(Bedrock.ValidationFailures);
        Assert.Equal(family, Bedrock.LastRequest!.Family);
    }

    [Theory]
    [MemberData(nameof(FamiliesAndTransientReplies))]
    public async Task ThrottlingAndServerErrorsAreTransient(BedrockModelFamily family, string reply)
    {
        Bedrock.EnqueueFor(family, reply switch
        {
            "throttled" => FakeBedrockReply.Throttled,
            "model-not-ready" => FakeBedrockReply.ModelNotReady,
            "internal-error" => FakeBedrockReply.InternalError,
            _ => FakeBedrockReply.Unavailable,
        });
        var error = await PaintFailsAsync(family);
        Assert.Equal(ImageModelFailure.Transient, error.Failure);
        Assert.IsType<BedrockException>(error.InnerException);

        // Nothing retries inside the adapter; the next call simply succeeds.
        await PaintAsync(family, request: new("c2", Prompt));
        Assert.Equal(2, Bedrock.RequestCount);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task ABlockedPromptIsContentBlockedWithAReadableMessage(BedrockModelFamily family)
    {
        Bedrock.EnqueueFor(family, FakeBedrockReply.PromptBlocked);
        var error = await PaintFailsAsync(family);
        Assert.Equal(ImageModelFailure.ContentBlocked, error.Failure);
        Assert.Equal("Your prompt was blocked by the content filter. Try different words.", error.AttendeeMessage);
        // Stability answers 200 with the finish reason "Filter reason: prompt"; the others refuse with a ValidationException.
        Assert.Equal(family == BedrockModelFamily.StabilityInpaint, error.InnerException is null);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task ABlockedOutputIsContentBlocked(BedrockModelFamily family)
    {
        Bedrock.EnqueueFor(family, FakeBedrockReply.OutputBlocked);
        var error = await PaintFailsAsync(family);
        Assert.Equal(ImageModelFailure.ContentBlocked, error.Failure);
        Assert.Equal(BedrockException.OutputBlockedMessage, error.AttendeeMessage);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task AValidationExceptionIsRejected(BedrockModelFamily family)
    {
        Bedrock.EnqueueFor(family, FakeBedrockReply.Invalid());
        var error = await PaintFailsAsync(family);
        Assert.Equal(ImageModelFailure.Rejected, error.Failure);
        Assert.Equal("ValidationException", ((BedrockException)error.InnerException!).ErrorType);
    }
}
