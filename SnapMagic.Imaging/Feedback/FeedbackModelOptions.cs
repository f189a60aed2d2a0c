namespace SnapMagic.Imaging.Feedback;

/// <summary>Section <c>Speech</c>: who turns recordings into text.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";
    public const string DefaultBedrockModelId = "us.amazon.nova-2-omni-v1:0";

    /// <summary><c>Local</c> (default: recordings kept, not transcribed) or <c>Bedrock</c> (Amazon Nova 2 Omni through Converse).</summary>
    public string Provider { get; set; } = "Local";
    public FeedbackBedrockOptions Bedrock { get; set; } = new();
}

/// <summary>Section <c>Sentiment</c>: who scores answers positive, neutral or negative.</summary>
public sealed class SentimentOptions
{
    public const string Section = "Sentiment";
    public const string DefaultBedrockModelId = "us.amazon.nova-2-lite-v1:0";

    /// <summary><c>Local</c> (default: VADER's lexicon and rules) or <c>Bedrock</c> (Amazon Nova 2 Lite through Converse).</summary>
    public string Provider { get; set; } = "Local";
    public FeedbackBedrockOptions Bedrock { get; set; } = new();
}

/// <summary><c>Speech:Bedrock</c> and <c>Sentiment:Bedrock</c>: where the model is and which one.</summary>
public sealed class FeedbackBedrockOptions
{
    public string Region { get; set; } = "us-east-1";
    /// <summary>A model or inference profile id; unset means the section's default (Nova 2 Omni, Nova 2 Lite).</summary>
    public string? ModelId { get; set; }
    /// <summary>Overrides <c>https://bedrock-runtime.{Region}.amazonaws.com</c>; the aws-local backend's fake answers through <c>ConnectionStrings:bedrock-runtime</c>.</summary>
    public string? ServiceUrl { get; set; }
    /// <summary>HttpClient timeout per call; the worker's own attempt timeout usually fires first.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
