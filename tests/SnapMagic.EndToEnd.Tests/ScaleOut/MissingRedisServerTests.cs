using System.Diagnostics;
using SnapMagic.TestSupport;

namespace SnapMagic.EndToEnd.Tests.ScaleOut;

/// <summary><c>--api-replicas 2</c> on a machine without redis-server stops at once and says how to install it.</summary>
public sealed class MissingRedisServerTests
{
    [Fact]
    public async Task Two_Api_replicas_without_redis_server_say_to_install_it_and_start_nothing()
    {
        using var emptyPath = new TemporaryDirectory();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath!;
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(LoopbackAppHost.BuiltDll());
        // The AppHost stops before it binds anything; free ports keep an AppHost that wrongly starts off the fixed ones.
        foreach (var argument in new[] { "--api-replicas", "2", "--api-port", $"{FreePort.Next()}", "--web-port", $"{FreePort.Next()}", "--dashboard-port", $"{FreePort.Next()}" })
            start.ArgumentList.Add(argument);
        // Nothing on the PATH: no redis-server to find.
        start.Environment["PATH"] = emptyPath.Path;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The AppHost did not stop within 60 s without redis-server.");
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("apt-get install redis-server", await stderr);
        Assert.DoesNotContain("Distributed application started", await stdout);
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("snapmagic-no-redis-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
