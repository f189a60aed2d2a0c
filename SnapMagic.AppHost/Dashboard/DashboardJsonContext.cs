using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.AppHost.Hosting;

namespace SnapMagic.AppHost.Dashboard;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServiceView[]))]
[JsonSerializable(typeof(OutputLine[]))]
[JsonSerializable(typeof(BackendServerView[]))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
