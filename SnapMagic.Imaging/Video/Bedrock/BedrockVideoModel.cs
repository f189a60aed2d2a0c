using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Imaging.Bedrock;

namespace SnapMagic.Imaging.Video.Bedrock;

/// <summary>
/// What both Bedrock video families share: StartAsyncInvoke with the card's correlation id as
/// <c>clientRequestToken</c> (a retried start returns the same invocation) and the card's own S3 folder as output;
/// GetAsyncInvoke for the status. Bedrock sends no completion event: the caller polls.
/// </summary>
public abstract class BedrockVideoModel(BedrockAsyncInvokeClient client, IOptions<BedrockVideoOptions> options, ILogger logger) : IVideoModel
{
    public const string VideoFileName = "output.mp4";
    public const string BlockedMessage = "The animation was blocked by the content filter.";

    protected BedrockVideoOptions Settings => options.Value;

    /// <summary>The name in log lines, e.g. "Luma Ray 2".</summary>
    protected abstract string ModelName { get; }

    /// <summary>The family's <c>modelInput</c> document for this card.</summary>
    protected internal abstract JsonObject ModelInput(AnimationRequest request);

    public async Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken = default)
    {
        var settings = Settings;
        var body = new StartAsyncInvokeRequest(
            request.CorrelationId,
            settings.ModelId,
            ModelInput(request),
            new AsyncInvokeOutputDataConfig(new AsyncInvokeS3OutputDataConfig(settings.OutputS3Uri(request.CorrelationId))));
        try
        {
            return new AnimationHandle(await client.StartAsync(body, cancellationToken));
        }
        catch (BedrockException ex)
        {
            logger.LogWarning("Bedrock {Model} refused to animate card {CorrelationId}: {ErrorType} {StatusCode} {Message}",
                ModelName, request.CorrelationId, ex.ErrorType, (int)ex.StatusCode, ex.ServiceMessage);
            throw ToVideoModelException(ex);
        }
    }

    public async Task<AnimationStatus> GetStatusAsync(AnimationHandle handle, CancellationToken cancellationToken = default)
    {
        GetAsyncInvokeResponse invocation;
        try
        {
            invocation = await client.GetAsync(handle.Id, cancellationToken);
        }
        catch (BedrockException ex)
        {
            throw ToVideoModelException(ex);
        }
        return invocation.Status switch
        {
            "InProgress" => AnimationStatus.InProgress,
            // The S3 URI Bedrock answers with is the invocation's own folder; the video is output.mp4 in it.
            "Completed" when invocation.OutputDataConfig?.S3OutputDataConfig.S3Uri is { Length: > 0 } folder =>
                new AnimationStatus.Completed($"{folder.TrimEnd('/')}/{VideoFileName}", "video/mp4"),
            "Failed" => new AnimationStatus.Failed(
                BedrockException.MentionsContentFilter(invocation.FailureMessage) ? BlockedMessage : VideoModelException.RefusedMessage,
                $"{ModelName} failed: {invocation.FailureMessage ?? "no failureMessage"}"),
            _ => throw new VideoModelException(true, VideoModelException.BusyMessage,
                $"GetAsyncInvoke answered status '{invocation.Status}' for {handle.Id}" + (invocation.Status == "Completed" ? " without an S3 URI." : ".")),
        };
    }

    private static VideoModelException ToVideoModelException(BedrockException ex) =>
        new(ex.IsTransient, ex.IsTransient ? VideoModelException.BusyMessage : VideoModelException.RefusedMessage, ex.Message, ex);

    protected static string Truncate(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;
}
