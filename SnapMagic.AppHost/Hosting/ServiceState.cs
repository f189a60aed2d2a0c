using System.Text.Json.Serialization;

namespace SnapMagic.AppHost.Hosting;

[JsonConverter(typeof(JsonStringEnumConverter<ServiceState>))]
public enum ServiceState
{
    [JsonStringEnumMemberName("not-started")] NotStarted,
    [JsonStringEnumMemberName("starting")] Starting,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("crashed")] Crashed,
    [JsonStringEnumMemberName("stopping")] Stopping,
    [JsonStringEnumMemberName("stopped")] Stopped,
}
