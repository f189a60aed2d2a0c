namespace SnapMagic.Imaging.Feedback;

/// <summary>
/// <c>Speech:Provider=Local</c>: this machine has no recogniser we measured reliable (pocketsphinx with the feedback
/// words as a grammar or keyword list missed or invented the sentiment words of espeak-ng's voice: README, "Feedback"),
/// so a recording is kept and completed "not transcribed here".
/// </summary>
public sealed class NotTranscribedHere : ISpeechToText
{
    public bool CanTranscribe => false;

    public Task<string> TranscribeAsync(SpeechRecording recording, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This backend does not transcribe recordings; check CanTranscribe first.");
}
