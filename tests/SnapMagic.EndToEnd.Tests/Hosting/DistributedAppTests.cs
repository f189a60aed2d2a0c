using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SnapMagic.AppHost.Hosting;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.Hosting;

/// <summary>The AppHost's own promises: it wires, watches, reports and stops its services.</summary>
public sealed class DistributedAppTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "snapmagic-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    private AppHostOptions Options(int workers, bool restart = false) =>
        LoopbackAppHost.Options("embedded", workers, _dataDirectory) with { RestartCrashed = restart };

    [Fact]
    public async Task Starts_every_service_healthy_shows_them_on_the_dashboard_and_stops_them_all()
    {
        var lines = new List<string>();
        var app = DistributedApp.Create(Options(workers: 1), (line, _) => { lock (lines) lines.Add(line); });
        List<int> pids;
        try
        {
            await app.StartAsync();
            pids = app.Services.All.Select(s => s.Pid!.Value).ToList();
            Assert.Equal(["api", "worker-1", "web"], app.Services.All.Select(s => s.Name));
            Assert.All(app.Services.All, s => Assert.Equal(ServiceState.Running, s.State));

            using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
            var services = await dashboard.GetFromJsonAsync<JsonElement>("/api/services");
            Assert.Equal(3, services.GetArrayLength());
            foreach (var service in services.EnumerateArray())
            {
                Assert.Equal("running", service.GetProperty("state").GetString());
                Assert.Contains(service.GetProperty("pid").GetInt32(), pids);
            }
            var page = await dashboard.GetStringAsync("/");
            Assert.Contains("<title>SnapMagic dashboard</title>", page);

            var apiOutput = await dashboard.GetFromJsonAsync<JsonElement>("/api/services/api/output?search=listening");
            Assert.Contains(apiOutput.EnumerateArray(), l => l.GetProperty("text").GetString()!.Contains($"127.0.0.1:{app.Options.ApiPort}"));
            lock (lines)
                Assert.Contains(lines, l => l.StartsWith("api", StringComparison.Ordinal) && l.Contains(" | "));
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.DoesNotContain(pids, SnapMagicSystem.IsRunning);
        Assert.All(app.Services.All, s => Assert.Equal(ServiceState.Stopped, s.State));
    }

    [Fact]
    public async Task Reports_a_crashed_service_loudly_and_restarts_it()
    {
        var errors = new List<string>();
        await using var app = DistributedApp.Create(Options(workers: 0, restart: true), (line, isError) =>
        {
            if (isError)
                lock (errors) errors.Add(line);
        });
        await app.StartAsync();
        var web = app.Services["web"];
        var firstPid = web.Pid!.Value;

        using (var process = Process.GetProcessById(firstPid))
            process.Kill();
        await web.Exited.WaitAsync(TimeSpan.FromSeconds(20));
        await Eventually(() => web.State == ServiceState.Running && web.Pid != firstPid);

        Assert.Equal(1, web.Restarts);
        Assert.Equal(137, web.LastExitCode);
        lock (errors)
            Assert.Contains(errors, l => l.Contains("web") && l.Contains("exited unexpectedly with code 137"));
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri(web.Definition.BindUrl, "/health"))).IsSuccessStatusCode);
    }

    [Fact]
    public void Refuses_a_port_that_is_in_use_with_a_readable_message()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(() => DistributedApp.Create(Options(workers: 0) with { ApiPort = port }));

        Assert.Contains($"Port {port}", error.Message);
        Assert.Contains("--api-port", error.Message);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 60 s.");
            await Task.Delay(50);
        }
    }
}
