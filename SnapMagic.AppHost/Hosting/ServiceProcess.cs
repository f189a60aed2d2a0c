using System.Diagnostics;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// One service running as a child process (<c>dotnet &lt;dll&gt;</c>): its output, state, pid, restarts and
/// health. Every line it prints goes to its <see cref="Output"/> ring and to the AppHost's console sink.
/// </summary>
public sealed class ServiceProcess
{
    private readonly Lock _lock = new();
    private readonly string _dotnet;
    private readonly string _dll;
    private readonly OrphanGuard _guard;
    private readonly Action<ServiceProcess, string, bool> _echo;
    private readonly TimeProvider _time;
    private Process? _process;
    private TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ServiceProcess(ServiceDefinition definition, string dotnet, string dll, OrphanGuard guard,
        Action<ServiceProcess, string, bool> echo, TimeProvider time)
    {
        Definition = definition;
        _dotnet = dotnet;
        _dll = dll;
        _guard = guard;
        _echo = echo;
        _time = time;
    }

    public ServiceDefinition Definition { get; }
    public string Name => Definition.Name;
    public OutputLog Output { get; } = new();
    public ServiceState State { get; private set; } = ServiceState.NotStarted;
    public int? Pid { get; private set; }
    public int Restarts { get; private set; }
    public int? LastExitCode { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary><c>healthy</c>, <c>unhealthy</c> or <c>unknown</c>, as the last <c>/health</c> probe answered.</summary>
    public string Health { get; internal set; } = "unknown";

    /// <summary>Raised when the process ends without being asked to (a crash), with its exit code.</summary>
    internal event Action<ServiceProcess, int>? Crashed;

    /// <summary>Completes with the exit code when the current process ends.</summary>
    public Task<int> Exited
    {
        get
        {
            lock (_lock)
                return _exited.Task;
        }
    }

    internal void Start(bool isRestart = false)
    {
        var start = new ProcessStartInfo(_dotnet)
        {
            WorkingDirectory = BuildInfo.ProjectDirectory(Definition.Project),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Keeps the services off the terminal's input; they never read it.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        foreach (var (key, value) in Definition.Environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, isError: true);
        lock (_lock)
        {
            var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _exited = exited;
            process.Exited += (_, _) => OnExited(process, exited);
            process.Start();
            _process = process;
            Pid = process.Id;
            StartedAt = _time.GetUtcNow();
            State = ServiceState.Starting;
            Health = "unknown";
            if (isRestart)
                Restarts++;
        }
        _guard.Watch(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    internal void MarkRunning()
    {
        lock (_lock)
            if (State == ServiceState.Starting)
                State = ServiceState.Running;
    }

    /// <summary>From now on an exit is expected, not a crash (Ctrl+C reaches the services and the AppHost at once).</summary>
    internal void ExpectExit()
    {
        lock (_lock)
            if (State is ServiceState.Starting or ServiceState.Running)
                State = ServiceState.Stopping;
    }

    /// <summary>SIGTERM, then SIGKILL (the whole tree) when it has not stopped within <paramref name="timeout"/>.</summary>
    internal async Task StopAsync(TimeSpan timeout)
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
            if (process is null || State is ServiceState.Stopped or ServiceState.Crashed or ServiceState.NotStarted)
            {
                if (State is not ServiceState.NotStarted)
                    State = ServiceState.Stopped;
                return;
            }
            if (Exited.IsCompleted)
            {
                State = ServiceState.Stopped;
                return;
            }
            State = ServiceState.Stopping;
        }
        try
        {
            PosixSignals.Terminate(process);
            await Exited.WaitAsync(timeout, _time);
        }
        catch (TimeoutException)
        {
            Echo($"did not stop within {timeout.TotalSeconds:0} s; killing it", isError: true);
            Kill(process);
            await Exited.WaitAsync(TimeSpan.FromSeconds(10), _time);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the signal.
        }
    }

    /// <summary>SIGKILL now, as a crash or an OOM kill would; the exit is expected, so it is neither reported nor restarted.</summary>
    internal async Task KillAsync(TimeSpan timeout)
    {
        KillNow();
        await Exited.WaitAsync(timeout, _time);
    }

    /// <summary>Last resort when the AppHost itself is going away: no waiting, no grace.</summary>
    internal void KillNow()
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
            State = ServiceState.Stopping;
        }
        if (process is not null)
            Kill(process);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void OnExited(Process process, TaskCompletionSource<int> exited)
    {
        // Let the output readers drain before reporting, so a crash's last lines are in the log.
        process.WaitForExit();
        var code = process.ExitCode;
        bool crashed;
        lock (_lock)
        {
            crashed = State is ServiceState.Starting or ServiceState.Running;
            State = crashed ? ServiceState.Crashed : ServiceState.Stopped;
            LastExitCode = code;
            Health = "unknown";
        }
        _guard.Forget(process.Id);
        process.Dispose();
        exited.TrySetResult(code);
        if (crashed)
            Crashed?.Invoke(this, code);
    }

    private void OnLine(string? text, bool isError)
    {
        if (text is null)
            return;
        Output.Add(text, isError, _time.GetUtcNow());
        _echo(this, text, isError);
    }

    internal void Echo(string text, bool isError) => OnLine($"[apphost] {text}", isError);
}
