namespace SnapMagic.TestHosting;

/// <summary>The Api replicas of a system started with <c>--api-replicas</c>, and each one's own address behind the shared one.</summary>
public static class ApiReplicas
{
    /// <summary>The replicas with a process (Aspire also reports the replicated resource itself, which has none).</summary>
    public static IReadOnlyList<ServiceProcess> Of(RunningSystem system) =>
        [.. system.All.Where(p => p.Name.StartsWith("api-", StringComparison.Ordinal) && p.LauncherPid is not null)];

    /// <summary>The replica's own address (its <c>ASPNETCORE_URLS</c>, which Aspire gave it), bypassing the AppHost's proxy.</summary>
    public static Uri OwnAddress(ServiceProcess replica)
    {
        var pid = replica.Pid ?? throw new InvalidOperationException($"{replica.Name} has no process ({replica.State}).");
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        var urls = environment.FirstOrDefault(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{replica.Name} has no ASPNETCORE_URLS.");
        return new Uri(urls["ASPNETCORE_URLS=".Length..].Split(';')[0]);
    }
}
