namespace SnapMagic.Deploy;

/// <summary>
/// The configuration keys the services read, as the environment variable (or ECS secret) names the tasks get:
/// a key's <c>:</c> becomes <c>__</c>. The tests check each against the options class that reads it.
/// </summary>
public static class ServiceSettings
{
    public const string AspNetCoreEnvironment = "ASPNETCORE_ENVIRONMENT";
    public const string AspNetCoreHttpPorts = "ASPNETCORE_HTTP_PORTS";
    public const string ForwardedHeadersEnabled = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string OtelServiceName = "OTEL_SERVICE_NAME";
    public const string OtelResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";

    public const string Backend = "Backend";
    public const string AwsRegion = "Aws__Region";
    public const string AwsTableName = "Aws__TableName";
    public const string AwsBucketName = "Aws__BucketName";
    public const string QueueName = "Queue__Name";
    public const string QueueDeadLetterName = "Queue__DeadLetterName";
    public const string QueueVisibilityTimeoutSeconds = "Queue__VisibilityTimeoutSeconds";
    public const string QueueMaxReceiveCount = "Queue__MaxReceiveCount";
    public const string CardsRetentionDays = "Cards__RetentionDays";

    public const string ImageModelProvider = "ImageModel__Provider";
    public const string BedrockFamily = "ImageModel__Bedrock__Family";
    public const string BedrockRegion = "ImageModel__Bedrock__Region";
    public const string BedrockModelId = "ImageModel__Bedrock__ModelId";

    // The animation model (SnapMagic.Imaging's VideoModelOptions and BedrockVideoOptions).
    public const string VideoModelProvider = "VideoModel__Provider";
    public const string VideoFamily = "VideoModel__Bedrock__Family";
    public const string VideoRegion = "VideoModel__Bedrock__Region";
    public const string VideoModelId = "VideoModel__Bedrock__ModelId";
    public const string VideoOutputBucket = "VideoModel__Bedrock__OutputBucket";

    // The spoken review's transcription and the feedback's sentiment (the worker's SpeechOptions and SentimentOptions).
    public const string SpeechProvider = "Speech__Provider";
    public const string SpeechModelId = "Speech__Bedrock__ModelId";
    public const string SpeechRegion = "Speech__Bedrock__Region";
    public const string SentimentProvider = "Sentiment__Provider";
    public const string SentimentModelId = "Sentiment__Bedrock__ModelId";
    public const string SentimentRegion = "Sentiment__Bedrock__Region";

    // What animations and spoken reviews may cost: the Api's limits (names proposed to the Api's options).
    public const string AnimationsPerSessionPer10Minutes = "Animations__PerSession";
    public const string AnimationsEventPerHour = "Animations__EventPerHour";
    public const string AnimationsEventPerDay = "Animations__EventPerDay";
    public const string FeedbackPerSessionPer10Minutes = "Feedback__PerSession";

    public const string ApiPublicUrl = "Api__PublicUrl";
    public const string ApiInternalUrl = "Api__InternalUrl";
    public const string ApiHubSkipNegotiation = "Api__HubSkipNegotiation";
    public const string WebImageOrigins = "Web__ImageOrigins";
    public const string RedisConnectionString = "ConnectionStrings__redis";

    public const string EventUsername = "Event__Username";
    public const string EventPassword = "Event__Password";
    public const string OrganizerUsername = "Organizer__Username";
    public const string OrganizerPassword = "Organizer__Password";
    public const string JwtSigningKey = "Jwt__SigningKey";
    public const string InternalApiKey = "Internal__ApiKey";

    /// <summary>What the services need from the event's queue (the stack and the AppHost's provisioner agree on these).</summary>
    public const int VisibilityTimeoutSeconds = 30;
    public const int MaxReceiveCount = 5;
}
