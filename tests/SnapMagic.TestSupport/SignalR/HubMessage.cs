using System.Text.Json;

namespace SnapMagic.TestSupport.SignalR;

/// <summary>A server-to-client invocation (for example <c>cardUpdated</c>) as it arrived.</summary>
public sealed record HubMessage(string Target, IReadOnlyList<JsonElement> Arguments, DateTimeOffset ReceivedAt)
{
    public T Argument<T>(int index = 0) =>
        Arguments[index].Deserialize<T>(SignalRJsonClient.SerializerOptions)
        ?? throw new InvalidOperationException($"Argument {index} of {Target} is null.");
}
