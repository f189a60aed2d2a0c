namespace SnapMagic.Worker.Notifications;

/// <summary>Where the Api's internal push endpoint is and the key it expects (<c>Api:InternalUrl</c>, <c>Internal:ApiKey</c>).</summary>
public sealed class ApiNotifierOptions
{
    public const string DevelopmentInternalUrl = "http://localhost:5180";

    public required Uri InternalUrl { get; init; }
    public required string ApiKey { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
}
