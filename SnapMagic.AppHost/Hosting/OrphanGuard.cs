using System.Diagnostics;

namespace SnapMagic.AppHost.Hosting;

/// <summary>
/// Makes sure no service outlives the AppHost, even when the AppHost is killed with SIGKILL and runs no
/// code of its own. A small shell process is told the pid of every service the AppHost starts over a pipe
/// on its stdin. When that pipe closes without the word <c>exit</c> — the AppHost died, since the kernel
/// closes a dead process's pipes — it sends SIGTERM to those pids, then SIGKILL after the grace period.
/// It ignores SIGINT and SIGHUP, which a terminal sends to the whole process group on Ctrl+C or close.
/// On a normal stop the AppHost stops its services itself and then says <c>exit</c>.
/// (On Windows there is no such guard; the AppHost still stops its services on Ctrl+C and on exit.)
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private const string Script = """
        trap '' INT HUP
        pids=" "
        while IFS= read -r line; do
          case "$line" in
            +*) pids="$pids${line#+} " ;;
            -*) pids=$(printf '%s' "$pids" | sed "s/ ${line#-} / /") ;;
            exit) exit 0 ;;
          esac
        done
        for p in $pids; do kill -TERM "$p" 2>/dev/null; done
        i=0
        while [ "$i" -lt "$1" ]; do
          alive=0
          for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
          [ "$alive" = 0 ] && exit 0
          sleep 1
          i=$((i+1))
        done
        for p in $pids; do kill -KILL "$p" 2>/dev/null; done
        """;

    private readonly Lock _lock = new();
    private readonly Process? _guard;

    private OrphanGuard(Process? guard) => _guard = guard;

    public static OrphanGuard Start(TimeSpan grace)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
            return new OrphanGuard(null);
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("snapmagic-orphan-guard");
        start.ArgumentList.Add(((int)Math.Ceiling(grace.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new OrphanGuard(Process.Start(start));
    }

    public int? Pid => _guard?.Id;

    public void Watch(int pid) => Say($"+{pid}");

    public void Forget(int pid) => Say($"-{pid}");

    private void Say(string line)
    {
        if (_guard is null)
            return;
        lock (_lock)
        {
            try
            {
                _guard.StandardInput.WriteLine(line);
                _guard.StandardInput.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The guard is gone; the AppHost still stops its services on a normal exit.
            }
        }
    }

    /// <summary>Every service is stopped: the guard exits without touching anything.</summary>
    public void Dispose()
    {
        if (_guard is null)
            return;
        Say("exit");
        try
        {
            _guard.StandardInput.Close();
            if (!_guard.WaitForExit(TimeSpan.FromSeconds(5)))
                _guard.Kill();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
        }
        _guard.Dispose();
    }
}
