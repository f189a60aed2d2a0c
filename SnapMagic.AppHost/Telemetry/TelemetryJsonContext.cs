using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.AppHost.Telemetry;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<TraceView>))]
[JsonSerializable(typeof(TraceView))]
[JsonSerializable(typeof(IReadOnlyList<LogView>))]
[JsonSerializable(typeof(MetricsView))]
public sealed partial class TelemetryJsonContext : JsonSerializerContext;
