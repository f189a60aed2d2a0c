using System.Diagnostics;
using System.Globalization;
using SnapMagic.TestSupport;
using StackExchange.Redis;

namespace SnapMagic.Api.Tests;

/// <summary>Debian's redis-server on a free loopback port for one test class (nothing saved), and a connection to it.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        _process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        // The multiplexer keeps trying until the server listens; connected means it answers.
        Connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectRetry=20");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Connection.IsConnected)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new InvalidOperationException($"redis-server on port {port} did not answer within 30 s.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
            await Connection.DisposeAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
