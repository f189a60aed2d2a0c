namespace SnapMagic.Imaging.Feedback;

/// <summary>Turns an attendee's spoken answer into text (<c>Speech:Provider</c>).</summary>
public interface ISpeechToText
{
    /// <summary>
    /// False where no recogniser is reliable enough (the local backend): recordings are kept and marked "not transcribed
    /// here", never given a made-up transcript.
    /// </summary>
    bool CanTranscribe { get; }

    /// <summary>What was said, word for word; empty when no speech was heard.</summary>
    /// <exception cref="FeedbackModelException">The model refused or failed; <see cref="FeedbackModelException.IsTransient"/> says whether to try again.</exception>
    Task<string> TranscribeAsync(SpeechRecording recording, CancellationToken cancellationToken);
}

/// <summary>A recording as the browser made it: <c>audio/webm</c> (Opus) or <c>audio/wav</c>.</summary>
public sealed record SpeechRecording(string FeedbackId, ReadOnlyMemory<byte> Audio, string ContentType)
{
    /// <summary>The media type without parameters, in lower case: <c>audio/webm;codecs=opus</c> → <c>audio/webm</c>.</summary>
    public string MediaType => ContentType.Split(';', 2)[0].Trim().ToLowerInvariant();
}
