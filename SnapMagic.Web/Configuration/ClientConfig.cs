using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.Web.Configuration;

/// <summary>The runtime configuration the page reads from <c>/config.json</c> before it talks to the Api.</summary>
public sealed record ClientConfig(string ApiUrl);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClientConfig))]
internal sealed partial class ClientConfigJsonContext : JsonSerializerContext;
