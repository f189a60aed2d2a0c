namespace SnapMagic.FakeBedrock;

/// <summary>What a request asks the fake to do: paint (the image families), or one of the feedback models' tasks.</summary>
public enum FakeModelTask
{
    /// <summary>A card's art: <see cref="FakeBedrockRequest.Family"/> says which image family.</summary>
    Image,
    /// <summary>Nova 2 Omni through Converse with an audio block: write down what the recording says.</summary>
    Transcription,
    /// <summary>Nova 2 Lite through Converse: label a text positive, neutral or negative.</summary>
    Sentiment,
}
