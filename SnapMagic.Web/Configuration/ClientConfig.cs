using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.Web.Configuration;

/// <summary>The runtime configuration the page reads from <c>/config.json</c> before it talks to the Api.</summary>
/// <param name="HubSkipNegotiation">
/// Open the hub's WebSocket at once, without SignalR's negotiate request (<c>Api:HubSkipNegotiation</c>): behind a
/// load balancer without sticky sessions the negotiated connection id may be unknown to the replica the WebSocket
/// reaches. Without WebSockets the page then polls.
/// </param>
public sealed record ClientConfig(string ApiUrl, bool HubSkipNegotiation);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClientConfig))]
internal sealed partial class ClientConfigJsonContext : JsonSerializerContext;
