using System.Runtime.InteropServices;
using SnapMagic.Benchmarks;
using SnapMagic.Benchmarks.Hosting;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"{ex.Message}{Environment.NewLine}{BenchmarkOptions.Usage}");
    return 2;
}

// Ctrl+C (which the terminal also sends to the services) and SIGTERM: stop measuring, then stop every process.
using var stop = new CancellationTokenSource();
void Stop()
{
    BenchmarkSystem.Current?.ExpectStop();
    stop.Cancel();
}
Console.CancelKeyPress += (_, e) => { e.Cancel = true; Stop(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; Stop(); });

try
{
    return await new BenchmarkRunner(options).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Benchmark stopped; every process it started has been stopped.");
    return 130;
}
