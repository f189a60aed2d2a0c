namespace SnapMagic.Api.Hub;

/// <summary>Section <c>Hub</c>: what one session and one connection may take of the hub (0: no limit).</summary>
public sealed class CardsHubOptions
{
    public const string Section = "Hub";

    /// <summary>Live connections one session may hold on this Api process (a page holds one; a few tabs are fine).</summary>
    public int MaxConnectionsPerSession { get; set; } = 5;

    /// <summary>Subscribe calls one connection may make per minute (a page re-subscribes its cards after a reconnect).</summary>
    public int SubscribesPerConnectionPerMinute { get; set; } = 300;
}
