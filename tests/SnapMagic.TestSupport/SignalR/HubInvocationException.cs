namespace SnapMagic.TestSupport.SignalR;

/// <summary>The server answered an invocation with an error (a HubException's message, or a generic one).</summary>
public sealed class HubInvocationException(string method, string error) : Exception($"{method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
}
