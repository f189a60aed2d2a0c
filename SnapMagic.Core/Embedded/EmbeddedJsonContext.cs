using System.Text.Json.Serialization;

namespace SnapMagic.Embedded;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class EmbeddedJsonContext : JsonSerializerContext;
