using SnapMagic.EndToEnd.Tests.Hosting;
using SnapMagic.FakeBedrock;

namespace SnapMagic.EndToEnd.Tests.Faults;

/// <summary>
/// The real processes on the embedded backend with the settings one fault needs (a short lease, a slow or
/// scripted model, small breaker settings). Each fault test starts its own and disposes it: the fault (a process killed,
/// Redis restarted, a model outage with its own breaker settings) would break a system other tests share.
/// </summary>
public sealed class FaultSystem : EmbeddedSystem, IAsyncDisposable
{
    private readonly int _workers;
    private readonly int _apiReplicas;
    private readonly Dictionary<string, string> _environment;

    private FaultSystem(int workers, int apiReplicas, IReadOnlyDictionary<string, string> environment)
    {
        _workers = workers;
        _apiReplicas = apiReplicas;
        _environment = new Dictionary<string, string>
        {
            // Fault tests submit bursts from one session.
            ["Cards__PerSessionPerMinute"] = "0",
        };
        foreach (var (key, value) in environment)
            _environment[key] = value;
    }

    protected override int Workers => _workers;

    protected override int ApiReplicas => _apiReplicas;

    public static async Task<FaultSystem> StartAsync(int workers, IReadOnlyDictionary<string, string> environment, int apiReplicas = 1)
    {
        var system = new FaultSystem(workers, apiReplicas, environment);
        await system.InitializeAsync();
        return system;
    }

    /// <summary>The settings that point the workers' image model at a fake Bedrock the test owns.</summary>
    public static Dictionary<string, string> BedrockModel(FakeBedrockServer bedrock) => new()
    {
        ["ImageModel__Provider"] = "Bedrock",
        ["ImageModel__Bedrock__ServiceUrl"] = bedrock.Url.ToString(),
        ["ImageModel__Bedrock__Region"] = bedrock.Region,
        ["Aws__AccessKeyId"] = "fault-test",
        ["Aws__SecretAccessKey"] = FakeBedrockServer.TestSecretAccessKey,
    };

    protected override Task<IReadOnlyDictionary<string, string>> StartBackendAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_environment);

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public ServiceProcess Service(string name) => App[name];
}
