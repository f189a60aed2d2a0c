using SnapMagic.Feedback;
using SnapMagic.Imaging.Feedback;

namespace SnapMagic.UnitTests.Worker.Feedback;

/// <summary>A speech model that plays a script, one step per call (the last step repeats), and records what it heard.</summary>
internal sealed class ScriptedSpeechToText(bool canTranscribe = true) : ISpeechToText
{
    private readonly Lock _lock = new();
    private readonly List<Func<SpeechRecording, Task<string>>> _script = [];
    private readonly List<SpeechRecording> _calls = [];

    public bool CanTranscribe => canTranscribe;

    public IReadOnlyList<SpeechRecording> Calls
    {
        get
        {
            lock (_lock)
                return [.. _calls];
        }
    }

    public ScriptedSpeechToText Then(params Func<SpeechRecording, Task<string>>[] steps)
    {
        lock (_lock)
            _script.AddRange(steps);
        return this;
    }

    public static Func<SpeechRecording, Task<string>> Hears(string transcript) => _ => Task.FromResult(transcript);

    public static Func<SpeechRecording, Task<string>> Throws(Exception exception) => _ => Task.FromException<string>(exception);

    public Task<string> TranscribeAsync(SpeechRecording recording, CancellationToken cancellationToken)
    {
        Func<SpeechRecording, Task<string>> step;
        lock (_lock)
        {
            _calls.Add(recording);
            step = _script.Count == 0 ? Hears("") : _script.Count == 1 ? _script[0] : Dequeue();
        }
        return step(recording);
    }

    private Func<SpeechRecording, Task<string>> Dequeue()
    {
        var step = _script[0];
        _script.RemoveAt(0);
        return step;
    }
}

/// <summary>A sentiment model that answers one sentiment (or throws), and records the texts it was asked about.</summary>
internal sealed class ScriptedSentimentModel : ISentimentModel
{
    private readonly Lock _lock = new();
    private readonly List<string> _texts = [];

    public Sentiment Answer { get; set; } = Sentiment.Neutral;

    public Exception? Failure { get; set; }

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_lock)
                return [.. _texts];
        }
    }

    public Task<Sentiment> ScoreAsync(string feedbackId, string text, CancellationToken cancellationToken)
    {
        lock (_lock)
            _texts.Add(text);
        return Failure is { } failure ? Task.FromException<Sentiment>(failure) : Task.FromResult(Answer);
    }
}
