namespace SnapMagic.Imaging.Video;

/// <summary>
/// Animates a finished card's art. Starting returns at once with a handle (a video model takes from seconds to
/// minutes); the caller asks for the status until it is <see cref="AnimationStatus.Completed"/> or
/// <see cref="AnimationStatus.Failed"/>. Refusals to start are <see cref="VideoModelException"/>s.
/// </summary>
public interface IVideoModel
{
    /// <summary>Starts animating <paramref name="request"/>'s art; the same correlation id never starts a second animation.</summary>
    Task<AnimationHandle> StartAnimationAsync(AnimationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Where the animation is now; never waits for it to finish.</summary>
    Task<AnimationStatus> GetStatusAsync(AnimationHandle handle, CancellationToken cancellationToken = default);
}

/// <param name="CorrelationId">The card's correlation id (Bedrock's idempotency token).</param>
/// <param name="CardPng">The finished card; its art window is what moves.</param>
/// <param name="Prompt">The card's prompt, for models that take text.</param>
public sealed record AnimationRequest(string CorrelationId, ReadOnlyMemory<byte> CardPng, string Prompt);

/// <summary>What identifies a started animation: Bedrock's invocation ARN, or the local adapter's correlation id.</summary>
public sealed record AnimationHandle(string Id);
